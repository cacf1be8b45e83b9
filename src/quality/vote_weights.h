// Vote weights from gold accuracy, for WeightedVote.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "quality/gold_accuracy.h"

namespace quorum {

// The weight of an annotator with accuracy p on K codes is log((K - 1) p / (1 - p)): the
// weight under which a weighted vote is the most likely answer when each annotator errs
// uniformly over the wrong codes (Nitzan and Paroush, 1982). p is smoothed as
// (correct + 1) / (total + 2), so that 10/10 does not weigh infinitely; an annotator no better
// than chance gets 0 (never a negative weight: their vote is ignored, not inverted). Annotators
// without gold items get the median weight of those with some.
// kInvalid when nobody answered a gold item (there is nothing to weigh by). Thread-safe.
Result<std::vector<double>> GoldVoteWeights(std::span<const GoldAccuracy> accuracy, int32_t code_count);

}  // namespace quorum
