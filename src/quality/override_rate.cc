#include "quality/override_rate.h"

#include <algorithm>

namespace quorum {

std::vector<OverrideRate> OverrideRatesOf(const CodedAnswers& answers, std::span<const int32_t> suggestions) {
  std::vector<OverrideRate> result(static_cast<size_t>(answers.annotator_count()));
  for (size_t annotator = 0; annotator < result.size(); ++annotator) result[annotator].annotator = static_cast<int32_t>(annotator);
  const int64_t items = std::min<int64_t>(answers.item_count(), static_cast<int64_t>(suggestions.size()));
  for (int64_t item = 0; item < items; ++item) {
    const int32_t suggested = suggestions[static_cast<size_t>(item)];
    if (suggested < 0) continue;
    for (const CodedAnswer& answer : answers.item(item)) {
      OverrideRate& entry = result[static_cast<size_t>(answer.annotator)];
      ++entry.suggested;
      entry.overridden += answer.code != suggested;
    }
  }
  return result;
}

void AddOverrideRates(std::vector<OverrideRate>& sums, std::span<const OverrideRate> more) {
  for (const OverrideRate& entry : more) {
    const size_t annotator = static_cast<size_t>(entry.annotator);
    while (sums.size() <= annotator) {
      OverrideRate empty;
      empty.annotator = static_cast<int32_t>(sums.size());
      sums.push_back(empty);
    }
    sums[annotator].suggested += entry.suggested;
    sums[annotator].overridden += entry.overridden;
  }
}

const char* OverrideReading(const OverrideRate& rate, const QualitySettings& settings) {
  const std::optional<double> share = rate.rate();
  if (!share) return "no suggestions";
  if (*share <= settings.override_rate_low) return "rubber-stamping";
  if (*share > settings.override_rate_high) return "suggestions look like noise";
  return "normal";
}

}  // namespace quorum
