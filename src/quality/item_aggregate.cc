#include "quality/item_aggregate.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace quorum {

const char* TiePolicyName(TiePolicy policy) {
  switch (policy) {
    case TiePolicy::kUnresolved: return "unresolved";
    case TiePolicy::kFirstCode: return "first";
    case TiePolicy::kRandom: return "random";
  }
  return "unresolved";
}

std::optional<TiePolicy> ParseTiePolicy(const char* name) {
  for (TiePolicy policy : {TiePolicy::kUnresolved, TiePolicy::kFirstCode, TiePolicy::kRandom})
    if (std::strcmp(name, TiePolicyName(policy)) == 0) return policy;
  return std::nullopt;
}

int32_t SettleTie(const int32_t* tied, size_t count, int64_t item, TiePolicy policy, uint64_t seed) {
  switch (policy) {
    case TiePolicy::kUnresolved: return -1;
    case TiePolicy::kFirstCode: return *std::min_element(tied, tied + count);
    case TiePolicy::kRandom: {
      // SplitMix64 of (seed, item): the same item settles the same way on every run.
      uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (static_cast<uint64_t>(item) + 1);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      z ^= z >> 31;
      std::vector<int32_t> sorted(tied, tied + count);  // independent of the answers' order
      std::sort(sorted.begin(), sorted.end());
      return sorted[z % count];
    }
  }
  return -1;
}

}  // namespace quorum
