// The pairwise agreement matrix: for every two annotators who answered a common item, how many
// items they share, how often their answers are equal, and (for scaled questions) Cohen's kappa.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "quality/coded_answers.h"
#include "quality/cohen_kappa.h"

namespace quorum {

struct AnnotatorPair {
  int32_t first = 0;   // first < second
  int32_t second = 0;
  int64_t items = 0;   // items both answered
  double agreement = 0;         // share of those items with equal codes (or the mean similarity)
  std::optional<double> kappa;  // Cohen's kappa, when asked for and defined
};

// Every pair of annotators with at least one common item, ordered by (first, second). With
// `weights`, kappa is computed from each pair's contingency table (memory: one code_count^2
// table per pair). Thread-safe.
std::vector<AnnotatorPair> PairwiseAgreement(const CodedAnswers& answers, std::optional<KappaWeights> weights);

// As above without kappa, `agreement` being the mean of `similarity(code_a, code_b)` (in 0..1)
// over the pair's common items: for label sets, spans and rankings.
std::vector<AnnotatorPair> PairwiseSimilarity(const CodedAnswers& answers,
                                              const std::function<double(int32_t, int32_t)>& similarity);

}  // namespace quorum
