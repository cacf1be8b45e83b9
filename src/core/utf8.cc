#include "core/utf8.h"

namespace quorum {
namespace {

bool IsContinuationByte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

}  // namespace

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char byte : text)
    if (!IsContinuationByte(byte)) ++count;
  return count;
}

std::string_view Utf8Prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Back up to the start of the code point the cut would split.
  while (end > 0 && IsContinuationByte(text[end])) --end;
  return text.substr(0, end);
}

}  // namespace quorum
