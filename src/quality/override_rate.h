// Suggestion override rate: how often an annotator's answer differs from the pre-annotation
// they were shown. Near 0% means they accept whatever is suggested (rubber-stamping); above
// ~60% means the suggestions are mostly wrong (noise worth switching off).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "quality/coded_answers.h"
#include "quality/quality_settings.h"

namespace quorum {

struct OverrideRate {
  int32_t annotator = 0;
  int64_t suggested = 0;   // answers to items that had a suggestion
  int64_t overridden = 0;  // ... that differ from it

  std::optional<double> rate() const {
    if (suggested == 0) return std::nullopt;
    return static_cast<double>(overridden) / static_cast<double>(suggested);
  }
};

// One entry per annotator. `suggestions[item]` is the suggested code (-1: none; the vector may be
// shorter than the item count). Thread-safe.
std::vector<OverrideRate> OverrideRatesOf(const CodedAnswers& answers, std::span<const int32_t> suggestions);

// Adds `more` into `sums`, annotator by annotator (several questions).
void AddOverrideRates(std::vector<OverrideRate>& sums, std::span<const OverrideRate> more);

// "rubber-stamping" (rate <= override_rate_low), "suggestions look like noise"
// (rate > override_rate_high), "normal", or "no suggestions" when none was shown.
const char* OverrideReading(const OverrideRate& rate, const QualitySettings& settings);

}  // namespace quorum
