#include "quality/model_comparisons.h"

#include <algorithm>

#include "quality/preference_vote.h"

namespace quorum {

Result<std::vector<PairwiseComparison>> ComparisonsFromVotes(const QuestionAnswers& preference,
                                                             std::span<const int32_t> model_a,
                                                             std::span<const int32_t> model_b) {
  QUORUM_ASSIGN_OR_RETURN(std::vector<PreferenceVoteMeaning> meanings, PreferenceMeanings(preference.question));
  std::vector<PairwiseComparison> comparisons;
  const CodedAnswers& answers = preference.answers;
  const int64_t items = std::min<int64_t>({answers.item_count(), static_cast<int64_t>(model_a.size()),
                                           static_cast<int64_t>(model_b.size())});
  for (int64_t item = 0; item < items; ++item) {
    const int32_t first = model_a[static_cast<size_t>(item)], second = model_b[static_cast<size_t>(item)];
    std::span<const CodedAnswer> votes = answers.item(item);
    if (first < 0 || second < 0 || first == second || votes.empty()) continue;
    PairwiseComparison comparison{first, second, 0, 0};
    for (const CodedAnswer& vote : votes) {
      const int side = meanings[static_cast<size_t>(vote.code)].side;
      comparison.wins_a += side < 0 ? 1.0 : side == 0 ? 0.5 : 0.0;
      comparison.wins_b += side > 0 ? 1.0 : side == 0 ? 0.5 : 0.0;
    }
    comparisons.push_back(comparison);
  }
  return comparisons;
}

}  // namespace quorum
