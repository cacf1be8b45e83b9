#include "quality/vote_weights.h"

#include <algorithm>
#include <cmath>

namespace quorum {

Result<std::vector<double>> GoldVoteWeights(std::span<const GoldAccuracy> accuracy, int32_t code_count) {
  std::vector<double> weights(accuracy.size(), 0.0);
  std::vector<double> known;
  const double wrong_codes = std::max(1, code_count - 1);
  for (size_t index = 0; index < accuracy.size(); ++index) {
    if (accuracy[index].total == 0) continue;
    const double smoothed = (static_cast<double>(accuracy[index].correct) + 1) / (static_cast<double>(accuracy[index].total) + 2);
    weights[index] = std::max(0.0, std::log(wrong_codes * smoothed / (1 - smoothed)));
    known.push_back(weights[index]);
  }
  if (known.empty())
    return MakeError(ErrorCode::kInvalid,
                     "the weighted vote needs gold answers: no annotator has answered a record with a gold answer "
                     "(add gold to some records, or use majority or dawid-skene)");
  std::sort(known.begin(), known.end());
  const size_t middle = known.size() / 2;
  const double median = known.size() % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
  for (size_t index = 0; index < accuracy.size(); ++index)
    if (accuracy[index].total == 0) weights[index] = median;
  return weights;
}

}  // namespace quorum
