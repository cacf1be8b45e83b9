#include "io/json_lines_framer.h"

#include <cstring>
#include <string_view>

#include "io/located_error.h"

namespace quorum {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view TrimBlanks(const char* first, const char* last) {
  while (first < last && IsBlank(*first)) ++first;
  while (last > first && IsBlank(last[-1])) --last;
  return {first, static_cast<std::size_t>(last - first)};
}

}  // namespace

JsonLinesFramer::JsonLinesFramer(StreamBuffer& buffer, const std::string& name,
                                 std::size_t max_item_bytes)
    : buffer_(buffer), name_(name), max_item_bytes_(max_item_bytes) {}

Result<std::optional<JsonItem>> JsonLinesFramer::Next() {
  for (;;) {
    const char* begin = buffer_.begin();
    const char* end = buffer_.end();
    auto* newline = static_cast<const char*>(
        std::memchr(begin + scanned_, '\n', static_cast<std::size_t>(end - begin) - scanned_));
    if (newline == nullptr && !buffer_.at_end()) {
      scanned_ = static_cast<std::size_t>(end - begin);
      if (scanned_ > max_item_bytes_) QUORUM_RETURN_IF_ERROR(MakeRoom());
      QUORUM_RETURN_IF_ERROR(buffer_.Fill());
      continue;
    }
    const char* line_end = newline != nullptr ? newline : end;
    std::string_view text = TrimBlanks(begin, line_end);
    if (blank_cut_ && text.data() + text.size() > begin + *blank_cut_) return TooLarge();
    if (text.size() > max_item_bytes_) return TooLarge();
    // The view stays readable: Consume only moves an index, the bytes stay until Fill.
    int64_t line = line_;
    buffer_.Consume(newline != nullptr ? newline + 1 : end);
    scanned_ = 0;
    blank_cut_.reset();
    if (newline == nullptr) {
      if (text.empty()) return std::optional<JsonItem>();
    } else {
      ++line_;
      if (text.empty()) continue;
    }
    return std::optional<JsonItem>(JsonItem{text, line});
  }
}

// The pending line, without a newline yet, is over the limit. Refuse it if its value is, else
// drop the whitespace around the value (which Next would trim anyway) so the buffer, sized for
// the largest value, has room for the rest of the line.
Status JsonLinesFramer::MakeRoom() {
  const char* begin = buffer_.begin();
  std::string_view value = TrimBlanks(begin, buffer_.end());
  const char* value_end = value.data() + value.size();
  if (value.size() > max_item_bytes_) return TooLarge();
  if (blank_cut_ && value_end > begin + *blank_cut_) return TooLarge();
  bool cuts_blanks = value_end < buffer_.end();
  buffer_.Consume(value.data());
  buffer_.Truncate(value_end);
  scanned_ = value.size();
  if (value.empty()) {
    blank_cut_.reset();
  } else if (cuts_blanks) {
    blank_cut_ = value.size();
  }
  return OkStatus();
}

Error JsonLinesFramer::TooLarge() const {
  return InvalidAt(name_, line_,
                   "record is larger than the limit of " + std::to_string(max_item_bytes_) +
                       " bytes");
}

}  // namespace quorum
