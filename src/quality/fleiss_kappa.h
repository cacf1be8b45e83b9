// Fleiss' kappa: chance-corrected agreement of a fixed number of answers per item, from any
// number of annotators (J. L. Fleiss, "Measuring nominal scale agreement among many raters",
// Psychological Bulletin 76, 1971). Matches statsmodels.stats.inter_rater.fleiss_kappa.
#pragma once

#include <cstdint>
#include <span>

#include "core/result.h"
#include "quality/coded_answers.h"

namespace quorum {

struct FleissKappaResult {
  double kappa = 0;
  int32_t answers_per_item = 0;  // n, the same for every item used
  int64_t items = 0;             // items used
  int64_t items_left_out = 0;    // items with another number (>= 2) of answers
};

// Kappa from an items x categories table of counts (row-major), every row summing to the same
// n >= 2. kInvalid when the table is empty, rows differ in their sums, n < 2, or every answer is
// the same category (kappa undefined).
Result<FleissKappaResult> FleissKappa(std::span<const int32_t> counts, int32_t category_count);

// Kappa over the items whose number of answers is the most common one among items with two or
// more (the larger on a tie); the others are counted in items_left_out. No table is built: one
// pass counts the answer numbers, one accumulates. Errors as above. Thread-safe.
Result<FleissKappaResult> FleissKappa(const CodedAnswers& answers);

}  // namespace quorum
