#include "quality/cohen_kappa.h"

#include <cmath>
#include <cstdlib>

namespace quorum {

const char* KappaWeightsName(KappaWeights weights) {
  switch (weights) {
    case KappaWeights::kUnweighted: return "unweighted";
    case KappaWeights::kLinear: return "linear";
    case KappaWeights::kQuadratic: return "quadratic";
  }
  return "unweighted";
}

ContingencyTable EmptyContingencyTable(int32_t code_count) {
  ContingencyTable table;
  table.code_count = code_count;
  table.cells.assign(static_cast<size_t>(code_count) * static_cast<size_t>(code_count), 0.0);
  return table;
}

ContingencyTable ContingencyTableOf(const CodedAnswers& answers, int32_t first, int32_t second) {
  ContingencyTable table = EmptyContingencyTable(answers.code_count());
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    int32_t first_code = -1, second_code = -1;
    for (const CodedAnswer& answer : answers.item(item)) {
      if (answer.annotator == first) first_code = answer.code;
      if (answer.annotator == second) second_code = answer.code;
    }
    if (first_code >= 0 && second_code >= 0) table.Add(first_code, second_code);
  }
  return table;
}

Result<double> CohenKappa(const ContingencyTable& table, KappaWeights weights) {
  const int32_t code_count = table.code_count;
  std::vector<double> rows(static_cast<size_t>(code_count), 0.0), columns(static_cast<size_t>(code_count), 0.0);
  double total = 0;
  for (int32_t row = 0; row < code_count; ++row) {
    for (int32_t column = 0; column < code_count; ++column) {
      const double count = table.cells[static_cast<size_t>(row) * code_count + column];
      rows[static_cast<size_t>(row)] += count;
      columns[static_cast<size_t>(column)] += count;
      total += count;
    }
  }
  if (total <= 0) return MakeError(ErrorCode::kInvalid, "kappa is undefined: the two annotators share no record");
  double observed = 0, expected = 0;
  for (int32_t row = 0; row < code_count; ++row) {
    for (int32_t column = 0; column < code_count; ++column) {
      const double step = std::abs(row - column);
      const double weight = weights == KappaWeights::kUnweighted ? (row == column ? 0 : 1)
                            : weights == KappaWeights::kLinear   ? step
                                                                 : step * step;
      if (weight == 0) continue;
      observed += weight * table.cells[static_cast<size_t>(row) * code_count + column];
      expected += weight * rows[static_cast<size_t>(row)] * columns[static_cast<size_t>(column)] / total;
    }
  }
  if (expected <= 0)
    return MakeError(ErrorCode::kInvalid,
                     "kappa is undefined: both annotators gave one and the same answer to every shared record");
  return 1.0 - observed / expected;
}

Result<double> CohenKappa(std::span<const int32_t> first, std::span<const int32_t> second, int32_t code_count,
                          KappaWeights weights) {
  if (first.size() != second.size())
    return MakeError(ErrorCode::kInvalid, "kappa needs one code per item from each annotator (" +
                                              std::to_string(first.size()) + " and " +
                                              std::to_string(second.size()) + " given)");
  ContingencyTable table = EmptyContingencyTable(code_count);
  for (size_t index = 0; index < first.size(); ++index) table.Add(first[index], second[index]);
  return CohenKappa(table, weights);
}

}  // namespace quorum
