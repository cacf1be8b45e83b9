// Agreement on one question, everything at once: the coefficients that suit its kind, the
// headline one with its Landis-Koch reading and bootstrap interval, the pairwise matrix, each
// annotator against the leave-one-out consensus, and the most disagreed records. This is what
// `quorum agreement` and GET /api/v1/projects/{id}/agreement show.
//
// Coefficients by kind (the headline first):
//   label       alpha nominal; percent, Cohen (two annotators), Fleiss
//   rating      alpha ordinal; alpha interval and ratio, Cohen linear/quadratic, ...
//   preference  alpha ordinal (A < tie < B; nominal with more than two options); five_point
//               adds alpha interval and weighted Cohen
//   multi_label alpha with the MASI distance; alpha Jaccard; per label: alpha, percent
//   span        exact-match F1 between annotators; overlap F1
//   ranking     mean Kendall tau between annotators
//   text        none (free text is not coded; the report says so)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quality/bootstrap.h"
#include "quality/consensus_agreement.h"
#include "quality/disagreement.h"
#include "quality/pairwise_agreement.h"
#include "quality/question_answers.h"

namespace quorum {

// One coefficient: its value, or why it has none.
struct Metric {
  std::string name;  // "krippendorff_alpha_ordinal", "fleiss_kappa", "cohen_kappa_linear", ...
  std::optional<double> value;
  std::string note;  // why value is missing, or a caveat (items left out)
};

struct LabelAgreement {
  std::string label;
  std::optional<double> alpha;  // nominal alpha of "has the label" yes/no
  std::optional<double> percent;
};

struct QuestionAgreement {
  std::string question;
  QuestionKind kind = QuestionKind::kLabel;
  int64_t answers = 0;          // submitted answers to the question
  int64_t items_answered = 0;   // items with at least one answer
  int64_t items_compared = 0;   // items with two or more
  int32_t annotators = 0;       // annotators with at least one answer

  std::string headline;                    // name of the headline metric ("" for text)
  std::optional<double> value;             // its value
  std::string reading;                     // Landis-Koch, for alpha/kappa headlines
  std::optional<ConfidenceInterval> interval;
  std::string note;                        // why there is no value (e.g. text questions)

  std::vector<Metric> metrics;             // the headline first
  std::vector<LabelAgreement> per_label;   // multi_label
  std::vector<AnnotatorPair> pairs;
  std::vector<ConsensusAgreement> consensus;
  std::vector<Disagreement> most_disagreed;
};

struct AgreementOptions {
  BootstrapOptions bootstrap;
  bool with_interval = true;
  int disagreements = 10;  // how many of the most disagreed records to list
};

// Never fails: a metric that cannot be computed carries its reason in `note`. Thread-safe.
QuestionAgreement AgreementOf(const QuestionAnswers& answers, const AgreementOptions& options);

}  // namespace quorum
