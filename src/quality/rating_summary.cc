#include "quality/rating_summary.h"

#include <algorithm>
#include <cmath>

namespace quorum {

std::vector<RatingSummary> SummarizeRatings(const CodedAnswers& answers, std::span<const double> values) {
  std::vector<RatingSummary> result;
  if (values.empty()) return result;
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  const double half_range = (*high - *low) / 2;
  std::vector<double> ratings;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.empty()) continue;
    ratings.clear();
    double sum = 0;
    for (const CodedAnswer& answer : given) {
      ratings.push_back(values[static_cast<size_t>(answer.code)]);
      sum += ratings.back();
    }
    RatingSummary summary;
    summary.item = item;
    summary.answers = static_cast<int32_t>(ratings.size());
    const double count = static_cast<double>(ratings.size());
    summary.mean = sum / count;
    std::sort(ratings.begin(), ratings.end());
    const size_t middle = ratings.size() / 2;
    summary.median = ratings.size() % 2 == 1 ? ratings[middle] : (ratings[middle - 1] + ratings[middle]) / 2;
    double squares = 0;
    for (double rating : ratings) squares += (rating - summary.mean) * (rating - summary.mean);
    summary.stddev = ratings.size() > 1 ? std::sqrt(squares / (count - 1)) : 0;
    const double population = std::sqrt(squares / count);
    summary.confidence = half_range > 0 ? std::clamp(1 - population / half_range, 0.0, 1.0) : 1;
    result.push_back(summary);
  }
  return result;
}

}  // namespace quorum
