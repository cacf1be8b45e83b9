// Bootstrap confidence intervals over items (records), percentile method (B. Efron and
// R. Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13).
//
// Items are given as patterns: pattern p stands for counts[p] identical items (e.g. items with
// the same multiset of answers contribute the same to alpha). Drawing N items with replacement
// is then drawing a multinomial over patterns, so a resample costs O(patterns), not O(items):
// this is what makes 1,000 resamples of a million-record project take milliseconds.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "core/result.h"

namespace quorum {

struct BootstrapOptions {
  int resamples = 1000;
  double confidence = 0.95;  // the interval's coverage
  uint64_t seed = 1;         // the same seed gives the same interval
};

struct ConfidenceInterval {
  double low = 0;
  double high = 0;
  double confidence = 0.95;
  int resamples = 0;  // resamples on which the statistic was defined
};

// The statistic of one resample, given how many items of each pattern it drew; nullopt when
// undefined on that resample (e.g. no variation). A vector holds several statistics at once.
using ResampleStatistic = std::function<std::optional<std::vector<double>>(std::span<const int64_t> counts)>;

// Percentile intervals of each of the `width` statistics. kInvalid when there are no items,
// options are out of range (resamples < 10, confidence not in (0, 1)), or the statistic is
// defined on fewer than half of the resamples. Deterministic for a seed; thread-safe.
Result<std::vector<ConfidenceInterval>> BootstrapIntervals(std::span<const int64_t> counts, size_t width,
                                                           const ResampleStatistic& statistic,
                                                           const BootstrapOptions& options);

// Draws one resample: how many of the sum(counts) draws fall on each pattern. `state` is the
// generator's state, advanced. Exposed for tests.
std::vector<int64_t> DrawMultinomial(std::span<const int64_t> counts, uint64_t& state);

}  // namespace quorum
