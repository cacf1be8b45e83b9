// The pure rules that shape one annotator's stream: where they enter the random order, and
// when a gold record is due.
#pragma once

#include <cstdint>

namespace quorum {

// Where `user_id` enters the project's shuffled order under `seed`: stable for a user and seed,
// spread evenly over [0, 2^32) across users (SplitMix64), so annotators start at different places.
uint32_t RandomStart(int64_t seed, int64_t user_id);

// Whether the next record handed out should be gold, given `served` records handed out so far
// of which `gold_served` were gold: true when floor(ratio * (served + 1)) > gold_served, so with
// 0.05 the 20th, 40th, ... records are gold, never the first, and a stream that ran out of gold
// catches up once more appears.
bool GoldIsDue(int64_t served, int64_t gold_served, double ratio);

}  // namespace quorum
