// Each annotator against the leave-one-out consensus: on every item they answered, is their
// answer the one the *other* annotators agree on? Catches the annotator who drifts from the
// group without letting their own answer vote for itself.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "quality/coded_answers.h"
#include "quality/cohen_kappa.h"

namespace quorum {

struct ConsensusAgreement {
  int32_t annotator = 0;
  int64_t items = 0;    // items where the others reached a consensus
  int64_t agreed = 0;   // ... and this annotator gave the consensus answer
  int64_t no_consensus = 0;  // items they answered where the others tied (or nobody else answered)
  double share = 0;     // agreed / items (0 when items is 0)
  std::optional<double> kappa;  // Cohen's kappa of annotator vs consensus, when asked and defined
};

// The consensus of an item without annotator X is the code most of the other answers give,
// when it is strictly more common than any other (a plurality, no tie). One entry per annotator
// (0 .. annotator_count - 1), including those with no items. Thread-safe.
std::vector<ConsensusAgreement> LeaveOneOutAgreement(const CodedAnswers& answers, std::optional<KappaWeights> weights);

}  // namespace quorum
