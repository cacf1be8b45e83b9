// Krippendorff's alpha: agreement among any number of annotators, with missing answers, at any
// level of measurement, computed from the coincidence matrix as defined in K. Krippendorff,
// "Computing Krippendorff's Alpha-Reliability" (2011):
//   alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_ck o_ck delta_ck / sum_ck n_c n_k delta_ck.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/result.h"
#include "quality/coded_answers.h"
#include "quality/scale.h"

namespace quorum {

// The coincidence matrix: o_ck = sum over items of (ordered c-k answer pairs in the item) /
// (answers in the item - 1), counting only items with two or more answers ("pairable").
struct Coincidences {
  int32_t code_count = 0;
  std::vector<double> cells;      // code_count * code_count, row-major, symmetric
  std::vector<double> marginals;  // n_c = sum_k o_ck
  double total = 0;               // n = sum_c n_c: the pairable answers
  int64_t items = 0;              // items with two or more answers

  double at(int32_t row, int32_t column) const { return cells[static_cast<size_t>(row) * code_count + column]; }
};

// One pass over `answers`. Never fails; thread-safe (reads only).
Coincidences CoincidencesOf(const CodedAnswers& answers);

// Adds one item's codes to `coincidences.cells` (not to `items`), e.g. to build a matrix from
// patterns; `weight` multiplies the contribution (the number of identical items it stands for).
void AddItemCoincidences(std::span<const int32_t> codes, double weight, Coincidences& coincidences);
// Recomputes marginals and total from cells (after AddItemCoincidences).
void FinishCoincidences(Coincidences& coincidences);

// The squared distances delta_ck of `level` as a row-major code_count^2 matrix:
// nominal 0/1; ordinal (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2, using the coincidence marginals;
// interval (v_c - v_k)^2; ratio ((v_c - v_k) / (v_c + v_k))^2 (0 when both are 0).
// `values` (code -> number) is needed for interval and ratio and ignored otherwise.
std::vector<double> AlphaDistances(const Coincidences& coincidences, Level level, std::span<const double> values);

// Alpha from a coincidence matrix and a distance matrix. kInvalid when fewer than two answers
// are pairable, or when every pairable answer is the same value (D_e = 0: alpha is undefined).
Result<double> AlphaFromCoincidences(const Coincidences& coincidences, std::span<const double> distances);

// Alpha of `answers` at `level`; `values` as for AlphaDistances. Errors as AlphaFromCoincidences,
// and kInvalid when interval or ratio is asked without a value per code. Thread-safe.
Result<double> KrippendorffAlpha(const CodedAnswers& answers, Level level, std::span<const double> values = {});

// Alpha with any distance between codes (e.g. a set distance between label sets); `distance`
// must be symmetric, 0 on the diagonal, and is called O(sum of answers per item squared +
// distinct codes used squared) times. Errors as AlphaFromCoincidences.
Result<double> KrippendorffAlpha(const CodedAnswers& answers, const std::function<double(int32_t, int32_t)>& distance);

}  // namespace quorum
