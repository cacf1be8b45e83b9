// Time spent per record: the distribution of one annotator's times, and the speed flags.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "quality/quality_settings.h"

namespace quorum {

// Upper bounds (seconds) of the histogram buckets; the last bucket is open-ended.
inline constexpr std::array<double, 7> kTimeBucketBounds = {5, 15, 30, 60, 120, 300, 600};

struct TimeSummary {
  int64_t records = 0;  // responses with a recorded time (> 0)
  double median_seconds = 0;
  double p10_seconds = 0, p25_seconds = 0, p75_seconds = 0, p90_seconds = 0;
  // Counts per bucket: < 5 s, 5-15, 15-30, 30-60, 60-120, 120-300, 300-600, >= 600.
  std::array<int64_t, kTimeBucketBounds.size() + 1> histogram{};
  int64_t under_minimum = 0;  // responses faster than min_seconds_per_record
  bool too_fast = false;      // median below min_seconds_per_record
  bool too_slow = false;      // median above max_seconds_per_record
};

// Summarizes times in milliseconds (0 and negative times mean "not recorded" and are skipped;
// `times_ms` is reordered). Quantiles interpolate linearly. Thread-safe on distinct inputs.
TimeSummary SummarizeTimes(std::span<int64_t> times_ms, const QualitySettings& settings);

// The bucket labels "<5s", "5-15s", ..., ">=600s", matching TimeSummary::histogram.
std::vector<std::string> TimeBucketLabels();

}  // namespace quorum
