#include "quality/percent_agreement.h"

namespace quorum {

Result<PercentAgreement> PercentAgreementOf(const CodedAnswers& answers) {
  PercentAgreement result;
  double sum = 0;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.size() < 2) continue;
    int64_t agreeing = 0;
    for (size_t first = 0; first < given.size(); ++first)
      for (size_t second = first + 1; second < given.size(); ++second) agreeing += given[first].code == given[second].code;
    const double pairs = static_cast<double>(given.size() * (given.size() - 1) / 2);
    sum += static_cast<double>(agreeing) / pairs;
    ++result.items;
  }
  if (result.items == 0)
    return MakeError(ErrorCode::kInvalid, "percent agreement is undefined: no record has two or more answers");
  result.share = sum / static_cast<double>(result.items);
  return result;
}

}  // namespace quorum
