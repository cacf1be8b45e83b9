// The quality settings of a project, read from its settings object (project settings are free
// JSON; these are the keys src/quality understands, documented in docs/quality.md).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace quorum {

struct QualitySettings {
  // Speed flags, on the median time an annotator spends per record.
  double min_seconds_per_record = 5;    // "too_fast" below this
  double max_seconds_per_record = 600;  // "too_slow" above this
  // Gold: an annotator whose gold accuracy is below gold_suspend_below after at least
  // gold_suspend_after gold answers is suspended. Off unless both are set.
  std::optional<double> gold_suspend_below;
  std::optional<int64_t> gold_suspend_after;
  // Suggestion override rate readings.
  double override_rate_low = 0.02;   // at or below: "rubber-stamping"
  double override_rate_high = 0.6;   // above: "suggestions look like noise"
  // Preference aggregation: the vote share that calls a winner.
  double preference_winner_share = 0.6;
};

// Reads the keys above from `settings` (a JSON object; other keys are ignored, absent keys keep
// their defaults). kInvalid, naming the key, for a value of the wrong type or out of range
// (negative seconds, min above max, shares and rates outside 0..1, winner share not above 0.5,
// gold_suspend_after below 1, or only one of the two gold keys).
Result<QualitySettings> QualitySettingsFrom(const nlohmann::json& settings);

}  // namespace quorum
