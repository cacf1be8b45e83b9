// Bootstrap confidence intervals for Krippendorff's alpha, resampling records (see bootstrap.h).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/result.h"
#include "quality/bootstrap.h"
#include "quality/coded_answers.h"
#include "quality/scale.h"

namespace quorum {

// Items with two or more answers, grouped by their multiset of codes: pattern p is the sorted
// codes codes[begin[p] .. begin[p + 1]) and stands for counts[p] items.
struct ItemPatterns {
  std::vector<int32_t> codes;
  std::vector<uint32_t> begin;  // size patterns + 1
  std::vector<int64_t> counts;

  size_t size() const { return counts.size(); }
  std::span<const int32_t> pattern(size_t index) const {
    return {codes.data() + begin[index], codes.data() + begin[index + 1]};
  }
};

// One pass with a hash map; thread-safe.
ItemPatterns PatternsOf(const CodedAnswers& answers);

// The interval of KrippendorffAlpha(answers, level, values). Resamples where alpha is undefined
// are skipped. Errors: as BootstrapIntervals, and when alpha itself is undefined.
Result<ConfidenceInterval> AlphaInterval(const CodedAnswers& answers, Level level, std::span<const double> values,
                                         const BootstrapOptions& options);

// The interval of KrippendorffAlpha(answers, distance). kInvalid when more than
// kMaxIntervalCodes distinct codes are used (a resample costs their number squared).
inline constexpr size_t kMaxIntervalCodes = 256;
Result<ConfidenceInterval> AlphaInterval(const CodedAnswers& answers,
                                         const std::function<double(int32_t, int32_t)>& distance,
                                         const BootstrapOptions& options);

}  // namespace quorum
