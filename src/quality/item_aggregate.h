// The per-item result every voting method returns: which code won, and how sure the method is.
#pragma once

#include <cstdint>
#include <optional>

namespace quorum {

// How a vote that ends level is settled. The policy is part of the result's meaning, so reports
// state it next to the method.
enum class TiePolicy {
  kUnresolved,  // no value: the item is listed as a tie, for adjudication (the default)
  kFirstCode,   // the tied code that comes first on the scale (e.g. the lower rating)
  kRandom,      // a tied code chosen by a seeded hash of the item: reproducible, unbiased
};

// "unresolved", "first", "random"; ParseTiePolicy returns nullopt for anything else.
const char* TiePolicyName(TiePolicy policy);
std::optional<TiePolicy> ParseTiePolicy(const char* name);

struct ItemAggregate {
  int64_t item = 0;
  int32_t code = -1;        // the winning code; -1 when a tie is left unresolved
  double confidence = 0;    // 0..1, meaning depends on the method (see each method)
  int32_t answers = 0;      // answers the item had
  bool tied = false;        // the top of the vote was shared (whatever the policy did)
};

// Picks among `tied` codes (at least one) for `item` under `policy`; -1 for kUnresolved.
int32_t SettleTie(const int32_t* tied, size_t count, int64_t item, TiePolicy policy, uint64_t seed);

}  // namespace quorum
