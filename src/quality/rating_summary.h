// Ratings per item: mean, median and spread.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "quality/coded_answers.h"

namespace quorum {

struct RatingSummary {
  int64_t item = 0;
  int32_t answers = 0;
  double mean = 0;
  double median = 0;  // the mean of the two middle ratings when their number is even
  double stddev = 0;  // sample standard deviation (n - 1); 0 for a single rating
  // 1 - (population standard deviation) / (half the scale's range): 1 when all ratings are
  // equal, 0 when they split between the two ends of the scale.
  double confidence = 0;
};

// One entry per item with at least one rating, in item order. `values[code]` is the rating a
// code stands for (Scale::values). Thread-safe.
std::vector<RatingSummary> SummarizeRatings(const CodedAnswers& answers, std::span<const double> values);

}  // namespace quorum
