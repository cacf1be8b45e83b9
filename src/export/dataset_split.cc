#include "export/dataset_split.h"

#include "export/side_vote.h"

namespace quorum {
namespace {

// FNV-1a: simple and stable; MixBits then spreads it before it becomes a draw.
uint64_t Fnv1a(uint64_t hash, std::string_view bytes) {
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

uint64_t PromptHash(const FieldText& prompt) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  if (!prompt.chat) return Fnv1a(hash, prompt.text);
  for (const Message& message : prompt.turns()) {
    hash = Fnv1a(hash, message.role);
    hash = Fnv1a(hash, std::string_view("\0", 1));  // so ("ab", "c") and ("a", "bc") differ
    hash = Fnv1a(hash, message.content);
    hash = Fnv1a(hash, std::string_view("\1", 1));
  }
  return hash;
}

bool InTestSplit(uint64_t prompt_hash, uint64_t seed, double test_ratio) {
  if (test_ratio <= 0) return false;
  const uint64_t bits = MixBits(prompt_hash ^ MixBits(seed));
  const double draw = static_cast<double>(bits >> 11) * 0x1.0p-53;  // uniform in [0, 1)
  return draw < test_ratio;
}

}  // namespace quorum
