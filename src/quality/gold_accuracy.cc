#include "quality/gold_accuracy.h"

#include <algorithm>

namespace quorum {

std::vector<GoldAccuracy> GoldAccuracyOf(const CodedAnswers& answers, std::span<const int32_t> gold) {
  std::vector<GoldAccuracy> result(static_cast<size_t>(answers.annotator_count()));
  for (size_t annotator = 0; annotator < result.size(); ++annotator) result[annotator].annotator = static_cast<int32_t>(annotator);
  const int64_t items = std::min<int64_t>(answers.item_count(), static_cast<int64_t>(gold.size()));
  for (int64_t item = 0; item < items; ++item) {
    const int32_t known = gold[static_cast<size_t>(item)];
    if (known < 0) continue;
    for (const CodedAnswer& answer : answers.item(item)) {
      GoldAccuracy& entry = result[static_cast<size_t>(answer.annotator)];
      ++entry.total;
      entry.correct += answer.code == known;
    }
  }
  return result;
}

void AddGoldAccuracy(std::vector<GoldAccuracy>& sums, std::span<const GoldAccuracy> more) {
  for (const GoldAccuracy& entry : more) {
    const size_t annotator = static_cast<size_t>(entry.annotator);
    while (sums.size() <= annotator) {
      GoldAccuracy empty;
      empty.annotator = static_cast<int32_t>(sums.size());
      sums.push_back(empty);
    }
    sums[annotator].correct += entry.correct;
    sums[annotator].total += entry.total;
  }
}

}  // namespace quorum
