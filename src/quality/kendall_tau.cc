#include "quality/kendall_tau.h"

#include <algorithm>

namespace quorum {

double KendallTau(std::span<const int32_t> first, std::span<const int32_t> second) {
  const size_t count = first.size();
  if (count < 2 || second.size() != count) return 1.0;
  // place[i]: where `second` puts first[i]. Indices of a ranking of a record's items are the
  // project's (io/answer_table.h), so they may be large and sparse: look them up in `second`
  // directly, which is also the cheapest for the few options a ranking has.
  std::vector<size_t> place(count, 0);
  for (size_t index = 0; index < count; ++index)
    place[index] = static_cast<size_t>(std::find(second.begin(), second.end(), first[index]) - second.begin());
  int64_t concordant = 0, discordant = 0;
  for (size_t earlier = 0; earlier < count; ++earlier) {
    for (size_t later = earlier + 1; later < count; ++later) {
      // `first` puts `earlier` ahead of `later`; does `second` agree?
      if (place[earlier] < place[later]) ++concordant;
      else ++discordant;
    }
  }
  return static_cast<double>(concordant - discordant) / static_cast<double>(concordant + discordant);
}

Result<RankingAgreement> RankingAgreementOf(const CodedAnswers& answers, const std::vector<std::vector<int32_t>>& rankings) {
  RankingAgreement result;
  double sum = 0;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.size() < 2) continue;
    ++result.items;
    for (size_t first = 0; first < given.size(); ++first) {
      for (size_t second = first + 1; second < given.size(); ++second) {
        const int32_t code_a = given[first].code, code_b = given[second].code;
        sum += code_a == code_b ? 1.0
                                : KendallTau(rankings[static_cast<size_t>(code_a)], rankings[static_cast<size_t>(code_b)]);
        ++result.pairs;
      }
    }
  }
  if (result.items == 0)
    return MakeError(ErrorCode::kInvalid, "ranking agreement is undefined: no record has answers from two annotators");
  result.mean_tau = sum / static_cast<double>(result.pairs);
  return result;
}

}  // namespace quorum
