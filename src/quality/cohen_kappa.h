// Cohen's kappa: chance-corrected agreement of two annotators, unweighted or with linear or
// quadratic disagreement weights (J. Cohen, "Weighted kappa", Psychological Bulletin 70, 1968).
// Matches sklearn.metrics.cohen_kappa_score(y1, y2, labels=range(code_count), weights=...).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "quality/coded_answers.h"

namespace quorum {

// Disagreement weight of codes i and j: unweighted 0/1, linear |i - j|, quadratic (i - j)^2.
// Weights count code positions, so they suit ordered codes (see Scale).
enum class KappaWeights { kUnweighted, kLinear, kQuadratic };

// "unweighted", "linear", "quadratic".
const char* KappaWeightsName(KappaWeights weights);

// A square contingency table of two annotators: cell (i, j) counts items the first coded i and
// the second coded j. Row-major, code_count^2 cells.
struct ContingencyTable {
  int32_t code_count = 0;
  std::vector<double> cells;
  int64_t items = 0;

  void Add(int32_t first, int32_t second) {
    cells[static_cast<size_t>(first) * code_count + second] += 1;
    ++items;
  }
};

ContingencyTable EmptyContingencyTable(int32_t code_count);

// The table of annotators `first` and `second` over the items both answered. Thread-safe.
ContingencyTable ContingencyTableOf(const CodedAnswers& answers, int32_t first, int32_t second);

// kappa = 1 - sum w_ij o_ij / sum w_ij e_ij, e the table expected from the marginals.
// kInvalid when the table is empty, or when kappa is undefined because the expected
// disagreement is 0 (both annotators used one and the same code throughout).
Result<double> CohenKappa(const ContingencyTable& table, KappaWeights weights);

// Kappa of two parallel code lists (same length, one entry per item). kInvalid as above, and
// when the lengths differ.
Result<double> CohenKappa(std::span<const int32_t> first, std::span<const int32_t> second, int32_t code_count,
                          KappaWeights weights);

}  // namespace quorum
