// Turning pairwise preference votes into model comparisons for Bradley-Terry.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "quality/bradley_terry.h"
#include "quality/question_answers.h"

namespace quorum {

// One comparison per item with votes whose record names both models (model_a[item] and
// model_b[item] >= 0, and different): each vote for A is a win of model_a, for B a win of
// model_b, a tie half a win each (strength is ignored). kInvalid unless `preference` is a
// preference over two options.
Result<std::vector<PairwiseComparison>> ComparisonsFromVotes(const QuestionAnswers& preference,
                                                             std::span<const int32_t> model_a,
                                                             std::span<const int32_t> model_b);

}  // namespace quorum
