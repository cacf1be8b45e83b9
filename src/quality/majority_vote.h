// Majority (plurality) vote per item, with a stated tie policy; and the weighted vote, where
// each annotator's answer counts with a weight (e.g. from gold accuracy, see vote_weights.h).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "quality/coded_answers.h"
#include "quality/item_aggregate.h"

namespace quorum {

// One entry per item with at least one answer, in item order. The winner is the most given
// code; confidence is its share of the item's answers (its weight share, for the weighted vote).
// A level top is settled by `policy` (and marked tied). Thread-safe.
std::vector<ItemAggregate> MajorityVote(const CodedAnswers& answers, TiePolicy policy, uint64_t seed = 1);

// As MajorityVote with answer weights `weights[annotator]` (>= 0). An item whose answers all
// weigh 0 falls back to the unweighted vote. Thread-safe.
std::vector<ItemAggregate> WeightedVote(const CodedAnswers& answers, std::span<const double> weights, TiePolicy policy,
                                        uint64_t seed = 1);

}  // namespace quorum
