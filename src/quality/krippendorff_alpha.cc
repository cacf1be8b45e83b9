#include "quality/krippendorff_alpha.h"

#include <algorithm>
#include <array>

namespace quorum {
namespace {

// Items of up to this many answers are counted in integers, one table per answer count, and
// divided by (answers - 1) once at the end: exact, and cheaper than a double add per pair.
constexpr int kMaxCountedAnswers = 8;
// ... when the tables stay small enough to live in cache.
constexpr int32_t kMaxCountedCodes = 64;

Error NotEnoughPairs() {
  return MakeError(ErrorCode::kInvalid, "alpha is undefined: no record has answers from two or more annotators");
}

Error NoVariation() {
  return MakeError(ErrorCode::kInvalid,
                   "alpha is undefined: every paired answer is the same value, so disagreement has nothing to "
                   "be compared with");
}

}  // namespace

void AddItemCoincidences(std::span<const int32_t> codes, double weight, Coincidences& coincidences) {
  const size_t count = codes.size();
  if (count < 2) return;
  const double share = weight / static_cast<double>(count - 1);
  for (size_t first = 0; first < count; ++first) {
    for (size_t second = first + 1; second < count; ++second) {
      const size_t code_a = static_cast<size_t>(codes[first]), code_b = static_cast<size_t>(codes[second]);
      coincidences.cells[code_a * coincidences.code_count + code_b] += share;
      coincidences.cells[code_b * coincidences.code_count + code_a] += share;
    }
  }
}

void FinishCoincidences(Coincidences& coincidences) {
  const int32_t code_count = coincidences.code_count;
  coincidences.marginals.assign(static_cast<size_t>(code_count), 0.0);
  coincidences.total = 0;
  for (int32_t row = 0; row < code_count; ++row) {
    double sum = 0;
    for (int32_t column = 0; column < code_count; ++column) sum += coincidences.at(row, column);
    coincidences.marginals[static_cast<size_t>(row)] = sum;
    coincidences.total += sum;
  }
}

Coincidences CoincidencesOf(const CodedAnswers& answers) {
  Coincidences result;
  const int32_t code_count = answers.code_count();
  const size_t cells = static_cast<size_t>(code_count) * static_cast<size_t>(code_count);
  result.code_count = code_count;
  result.cells.assign(cells, 0.0);
  const bool counted = code_count <= kMaxCountedCodes;
  std::vector<int64_t> pair_counts(counted ? cells * (kMaxCountedAnswers + 1) : 0, 0);
  std::array<int32_t, 64> codes{};
  const int64_t item_count = answers.item_count();
  for (int64_t item = 0; item < item_count; ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    const size_t count = given.size();
    if (count < 2) continue;
    ++result.items;
    if (counted && count <= kMaxCountedAnswers) {
      int64_t* table = pair_counts.data() + count * cells;
      for (size_t first = 0; first < count; ++first) {
        const size_t code_a = static_cast<size_t>(given[first].code);
        for (size_t second = first + 1; second < count; ++second) {
          const size_t code_b = static_cast<size_t>(given[second].code);
          ++table[code_a * code_count + code_b];
          ++table[code_b * code_count + code_a];
        }
      }
      continue;
    }
    if (count <= codes.size()) {
      for (size_t index = 0; index < count; ++index) codes[index] = given[index].code;
      AddItemCoincidences(std::span<const int32_t>(codes.data(), count), 1.0, result);
      continue;
    }
    std::vector<int32_t> many(count);
    for (size_t index = 0; index < count; ++index) many[index] = given[index].code;
    AddItemCoincidences(many, 1.0, result);
  }
  if (counted) {
    for (size_t count = 2; count <= kMaxCountedAnswers; ++count) {
      const int64_t* table = pair_counts.data() + count * cells;
      const double share = 1.0 / static_cast<double>(count - 1);
      for (size_t cell = 0; cell < cells; ++cell)
        if (table[cell] != 0) result.cells[cell] += static_cast<double>(table[cell]) * share;
    }
  }
  FinishCoincidences(result);
  return result;
}

std::vector<double> AlphaDistances(const Coincidences& coincidences, Level level, std::span<const double> values) {
  const int32_t code_count = coincidences.code_count;
  std::vector<double> distances(static_cast<size_t>(code_count) * static_cast<size_t>(code_count), 0.0);
  std::vector<double> prefix(static_cast<size_t>(code_count) + 1, 0.0);  // prefix[g] = n_0 + .. + n_{g-1}
  for (int32_t code = 0; code < code_count; ++code)
    prefix[static_cast<size_t>(code) + 1] = prefix[static_cast<size_t>(code)] + coincidences.marginals[static_cast<size_t>(code)];
  for (int32_t row = 0; row < code_count; ++row) {
    for (int32_t column = 0; column < code_count; ++column) {
      if (row == column) continue;
      double distance = 1;
      const size_t low = static_cast<size_t>(std::min(row, column)), high = static_cast<size_t>(std::max(row, column));
      switch (level) {
        case Level::kNominal: break;
        case Level::kOrdinal: {
          const double between = prefix[high + 1] - prefix[low] -
                                 (coincidences.marginals[low] + coincidences.marginals[high]) / 2;
          distance = between * between;
          break;
        }
        case Level::kInterval: {
          const double difference = values[low] - values[high];
          distance = difference * difference;
          break;
        }
        case Level::kRatio: {
          const double sum = values[low] + values[high];
          const double ratio = sum == 0 ? 0 : (values[low] - values[high]) / sum;
          distance = ratio * ratio;
          break;
        }
      }
      distances[static_cast<size_t>(row) * code_count + column] = distance;
    }
  }
  return distances;
}

Result<double> AlphaFromCoincidences(const Coincidences& coincidences, std::span<const double> distances) {
  if (coincidences.total < 2) return NotEnoughPairs();
  const int32_t code_count = coincidences.code_count;
  double observed = 0, expected = 0;
  for (int32_t row = 0; row < code_count; ++row) {
    const double row_marginal = coincidences.marginals[static_cast<size_t>(row)];
    for (int32_t column = 0; column < code_count; ++column) {
      const double distance = distances[static_cast<size_t>(row) * code_count + column];
      observed += coincidences.at(row, column) * distance;
      expected += row_marginal * coincidences.marginals[static_cast<size_t>(column)] * distance;
    }
  }
  if (expected <= 0) return NoVariation();
  return 1.0 - (coincidences.total - 1) * observed / expected;
}

Result<double> KrippendorffAlpha(const CodedAnswers& answers, Level level, std::span<const double> values) {
  if ((level == Level::kInterval || level == Level::kRatio) &&
      values.size() < static_cast<size_t>(answers.code_count()))
    return MakeError(ErrorCode::kInvalid, std::string(LevelName(level)) + " alpha needs a number for every code");
  Coincidences coincidences = CoincidencesOf(answers);
  return AlphaFromCoincidences(coincidences, AlphaDistances(coincidences, level, values));
}

Result<double> KrippendorffAlpha(const CodedAnswers& answers, const std::function<double(int32_t, int32_t)>& distance) {
  std::vector<double> marginals(static_cast<size_t>(answers.code_count()), 0.0);
  double observed = 0, total = 0;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.size() < 2) continue;
    double item_sum = 0;
    for (size_t first = 0; first < given.size(); ++first) {
      marginals[static_cast<size_t>(given[first].code)] += 1;
      for (size_t second = first + 1; second < given.size(); ++second)
        item_sum += 2 * distance(given[first].code, given[second].code);
    }
    observed += item_sum / static_cast<double>(given.size() - 1);
    total += static_cast<double>(given.size());
  }
  if (total < 2) return NotEnoughPairs();
  std::vector<int32_t> used;
  for (size_t code = 0; code < marginals.size(); ++code)
    if (marginals[code] > 0) used.push_back(static_cast<int32_t>(code));
  double expected = 0;
  for (size_t first = 0; first < used.size(); ++first)
    for (size_t second = first + 1; second < used.size(); ++second)
      expected += 2 * marginals[static_cast<size_t>(used[first])] * marginals[static_cast<size_t>(used[second])] *
                  distance(used[first], used[second]);
  if (expected <= 0) return NoVariation();
  return 1.0 - (total - 1) * observed / expected;
}

}  // namespace quorum
