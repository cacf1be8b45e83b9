#include "quality/time_stats.h"

#include <algorithm>
#include <cmath>

namespace quorum {
namespace {

double Quantile(std::span<const int64_t> sorted, double share) {
  const double position = share * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double value = static_cast<double>(sorted[below]) +
                       static_cast<double>(sorted[above] - sorted[below]) * (position - static_cast<double>(below));
  return value / 1000.0;
}

std::string Seconds(double bound) { return std::to_string(static_cast<int>(bound)); }

}  // namespace

TimeSummary SummarizeTimes(std::span<int64_t> times_ms, const QualitySettings& settings) {
  TimeSummary summary;
  auto recorded_end = std::partition(times_ms.begin(), times_ms.end(), [](int64_t ms) { return ms > 0; });
  std::span<int64_t> recorded(times_ms.begin(), recorded_end);
  summary.records = static_cast<int64_t>(recorded.size());
  if (recorded.empty()) return summary;
  std::sort(recorded.begin(), recorded.end());
  summary.median_seconds = Quantile(recorded, 0.5);
  summary.p10_seconds = Quantile(recorded, 0.1);
  summary.p25_seconds = Quantile(recorded, 0.25);
  summary.p75_seconds = Quantile(recorded, 0.75);
  summary.p90_seconds = Quantile(recorded, 0.9);
  for (int64_t ms : recorded) {
    const double seconds = static_cast<double>(ms) / 1000.0;
    const size_t bucket = static_cast<size_t>(
        std::upper_bound(kTimeBucketBounds.begin(), kTimeBucketBounds.end(), seconds) - kTimeBucketBounds.begin());
    ++summary.histogram[bucket];
    summary.under_minimum += seconds < settings.min_seconds_per_record;
  }
  summary.too_fast = summary.median_seconds < settings.min_seconds_per_record;
  summary.too_slow = summary.median_seconds > settings.max_seconds_per_record;
  return summary;
}

std::vector<std::string> TimeBucketLabels() {
  std::vector<std::string> labels = {"<" + Seconds(kTimeBucketBounds.front()) + "s"};
  for (size_t index = 1; index < kTimeBucketBounds.size(); ++index)
    labels.push_back(Seconds(kTimeBucketBounds[index - 1]) + "-" + Seconds(kTimeBucketBounds[index]) + "s");
  labels.push_back(">=" + Seconds(kTimeBucketBounds.back()) + "s");
  return labels;
}

}  // namespace quorum
