// Kendall's tau between rankings (M. G. Kendall, "A new measure of rank correlation",
// Biometrika 30, 1938): (concordant - discordant) / pairs. Rankings here order every option
// exactly once, so tau-a and tau-b coincide.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "quality/coded_answers.h"

namespace quorum {

// Tau of two rankings, each a list of option indices best first holding the same options.
// 1 for identical orders, -1 for reversed ones; 1 when fewer than two options.
double KendallTau(std::span<const int32_t> first, std::span<const int32_t> second);

struct RankingAgreement {
  double mean_tau = 0;  // over every pair of annotators of every item
  int64_t items = 0;    // items with two or more answers
  int64_t pairs = 0;
};

// `rankings[code]` is the order an answer code stands for. kInvalid when no item has two
// answers. Thread-safe.
Result<RankingAgreement> RankingAgreementOf(const CodedAnswers& answers, const std::vector<std::vector<int32_t>>& rankings);

}  // namespace quorum
