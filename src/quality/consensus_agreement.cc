#include "quality/consensus_agreement.h"


namespace quorum {
namespace {

// The strict plurality code of `given` leaving out index `skipped`, or -1 on a tie or when
// nothing is left. Items have few answers, so counting by pairs beats a histogram.
int32_t PluralityWithout(std::span<const CodedAnswer> given, size_t skipped) {
  int32_t best = -1;
  int64_t best_count = 0;
  bool tied = false;
  for (size_t candidate = 0; candidate < given.size(); ++candidate) {
    if (candidate == skipped) continue;
    const int32_t code = given[candidate].code;
    bool seen_before = false;
    for (size_t earlier = 0; earlier < candidate && !seen_before; ++earlier)
      seen_before = earlier != skipped && given[earlier].code == code;
    if (seen_before) continue;
    int64_t count = 0;
    for (size_t other = 0; other < given.size(); ++other) count += other != skipped && given[other].code == code;
    if (count > best_count) {
      best = code;
      best_count = count;
      tied = false;
    } else if (count == best_count) {
      tied = true;
    }
  }
  return tied ? -1 : best;
}

}  // namespace

std::vector<ConsensusAgreement> LeaveOneOutAgreement(const CodedAnswers& answers, std::optional<KappaWeights> weights) {
  const int32_t annotator_count = answers.annotator_count();
  std::vector<ConsensusAgreement> result(static_cast<size_t>(annotator_count));
  std::vector<ContingencyTable> tables;
  if (weights) tables.assign(static_cast<size_t>(annotator_count), EmptyContingencyTable(answers.code_count()));
  for (int32_t annotator = 0; annotator < annotator_count; ++annotator)
    result[static_cast<size_t>(annotator)].annotator = annotator;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    for (size_t index = 0; index < given.size(); ++index) {
      ConsensusAgreement& entry = result[static_cast<size_t>(given[index].annotator)];
      const int32_t consensus = PluralityWithout(given, index);
      if (consensus < 0) {
        ++entry.no_consensus;
        continue;
      }
      ++entry.items;
      entry.agreed += given[index].code == consensus;
      if (weights) tables[static_cast<size_t>(given[index].annotator)].Add(given[index].code, consensus);
    }
  }
  for (ConsensusAgreement& entry : result) {
    if (entry.items > 0) entry.share = static_cast<double>(entry.agreed) / static_cast<double>(entry.items);
    if (weights && entry.items > 0) {
      Result<double> kappa = CohenKappa(tables[static_cast<size_t>(entry.annotator)], *weights);
      if (kappa.ok()) entry.kappa = *kappa;
    }
  }
  return result;
}

}  // namespace quorum
