#include "quality/fleiss_kappa.h"

#include <map>
#include <vector>

namespace quorum {
namespace {

// The sums Fleiss' kappa needs: sum over items of sum_j n_ij^2, and n_j per category.
struct FleissSums {
  int32_t answers_per_item = 0;
  int64_t items = 0;
  double squares = 0;
  std::vector<double> category_totals;
};

Result<FleissKappaResult> KappaFromSums(const FleissSums& sums, int64_t items_left_out) {
  if (sums.items == 0) return MakeError(ErrorCode::kInvalid, "Fleiss' kappa is undefined: no record has two or more answers");
  const double n = sums.answers_per_item;
  const double items = static_cast<double>(sums.items);
  const double observed = (sums.squares - items * n) / (items * n * (n - 1));
  double expected = 0;
  for (double total : sums.category_totals) {
    const double share = total / (items * n);
    expected += share * share;
  }
  if (expected >= 1)
    return MakeError(ErrorCode::kInvalid, "Fleiss' kappa is undefined: every answer is the same category");
  return FleissKappaResult{(observed - expected) / (1 - expected), sums.answers_per_item, sums.items, items_left_out};
}

}  // namespace

Result<FleissKappaResult> FleissKappa(std::span<const int32_t> counts, int32_t category_count) {
  if (category_count <= 0 || counts.empty() || counts.size() % static_cast<size_t>(category_count) != 0)
    return MakeError(ErrorCode::kInvalid, "Fleiss' kappa needs a non-empty items x categories table");
  FleissSums sums;
  sums.category_totals.assign(static_cast<size_t>(category_count), 0.0);
  const size_t rows = counts.size() / static_cast<size_t>(category_count);
  for (size_t row = 0; row < rows; ++row) {
    int64_t row_sum = 0;
    for (int32_t category = 0; category < category_count; ++category) {
      const int32_t count = counts[row * static_cast<size_t>(category_count) + static_cast<size_t>(category)];
      row_sum += count;
      sums.squares += static_cast<double>(count) * count;
      sums.category_totals[static_cast<size_t>(category)] += count;
    }
    if (row == 0) sums.answers_per_item = static_cast<int32_t>(row_sum);
    if (row_sum != sums.answers_per_item)
      return MakeError(ErrorCode::kInvalid, "Fleiss' kappa needs the same number of answers in every row (row 0 has " +
                                                std::to_string(sums.answers_per_item) + ", row " + std::to_string(row) +
                                                " has " + std::to_string(row_sum) + ")");
  }
  if (sums.answers_per_item < 2)
    return MakeError(ErrorCode::kInvalid, "Fleiss' kappa needs at least two answers per row");
  sums.items = static_cast<int64_t>(rows);
  return KappaFromSums(sums, 0);
}

Result<FleissKappaResult> FleissKappa(const CodedAnswers& answers) {
  std::map<size_t, int64_t> items_by_size;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    const size_t size = answers.item(item).size();
    if (size >= 2) ++items_by_size[size];
  }
  size_t chosen = 0;
  int64_t chosen_items = 0, pairable_items = 0;
  for (const auto& [size, items] : items_by_size) {
    pairable_items += items;
    if (items >= chosen_items) {
      chosen = size;
      chosen_items = items;
    }
  }
  FleissSums sums;
  sums.answers_per_item = static_cast<int32_t>(chosen);
  sums.category_totals.assign(static_cast<size_t>(answers.code_count()), 0.0);
  for (int64_t item = 0; item < answers.item_count() && chosen > 0; ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.size() != chosen) continue;
    ++sums.items;
    // sum_j n_ij^2 = n + 2 * (pairs of equal answers)
    int64_t equal_pairs = 0;
    for (size_t first = 0; first < given.size(); ++first) {
      sums.category_totals[static_cast<size_t>(given[first].code)] += 1;
      for (size_t second = first + 1; second < given.size(); ++second)
        equal_pairs += given[first].code == given[second].code;
    }
    sums.squares += static_cast<double>(chosen) + 2.0 * static_cast<double>(equal_pairs);
  }
  return KappaFromSums(sums, pairable_items - chosen_items);
}

}  // namespace quorum
