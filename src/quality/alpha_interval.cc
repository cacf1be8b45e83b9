#include "quality/alpha_interval.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "quality/krippendorff_alpha.h"

namespace quorum {
namespace {

Result<ConfidenceInterval> Single(Result<std::vector<ConfidenceInterval>> intervals) {
  if (!intervals.ok()) return std::move(intervals).error();
  return intervals->front();
}

}  // namespace

ItemPatterns PatternsOf(const CodedAnswers& answers) {
  ItemPatterns patterns;
  patterns.begin.push_back(0);
  std::unordered_map<std::string, size_t> index_of;
  std::string key;
  std::vector<int32_t> sorted;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.size() < 2) continue;
    sorted.clear();
    for (const CodedAnswer& answer : given) sorted.push_back(answer.code);
    std::sort(sorted.begin(), sorted.end());
    key.assign(reinterpret_cast<const char*>(sorted.data()), sorted.size() * sizeof(int32_t));
    auto [it, inserted] = index_of.try_emplace(key, patterns.counts.size());
    if (inserted) {
      patterns.codes.insert(patterns.codes.end(), sorted.begin(), sorted.end());
      patterns.begin.push_back(static_cast<uint32_t>(patterns.codes.size()));
      patterns.counts.push_back(0);
    }
    ++patterns.counts[it->second];
  }
  return patterns;
}

Result<ConfidenceInterval> AlphaInterval(const CodedAnswers& answers, Level level, std::span<const double> values,
                                         const BootstrapOptions& options) {
  QUORUM_RETURN_IF_ERROR(KrippendorffAlpha(answers, level, values));
  const ItemPatterns patterns = PatternsOf(answers);
  const int32_t code_count = answers.code_count();
  Coincidences coincidences;
  coincidences.code_count = code_count;
  ResampleStatistic alpha = [&](std::span<const int64_t> counts) -> std::optional<std::vector<double>> {
    coincidences.cells.assign(static_cast<size_t>(code_count) * static_cast<size_t>(code_count), 0.0);
    for (size_t pattern = 0; pattern < patterns.size(); ++pattern)
      if (counts[pattern] > 0) AddItemCoincidences(patterns.pattern(pattern), static_cast<double>(counts[pattern]), coincidences);
    FinishCoincidences(coincidences);
    Result<double> value = AlphaFromCoincidences(coincidences, AlphaDistances(coincidences, level, values));
    if (!value.ok()) return std::nullopt;
    return std::vector<double>{*value};
  };
  return Single(BootstrapIntervals(patterns.counts, 1, alpha, options));
}

Result<ConfidenceInterval> AlphaInterval(const CodedAnswers& answers,
                                         const std::function<double(int32_t, int32_t)>& distance,
                                         const BootstrapOptions& options) {
  QUORUM_RETURN_IF_ERROR(KrippendorffAlpha(answers, distance));
  const ItemPatterns patterns = PatternsOf(answers);
  // Dense indices for the codes in use, and their distance matrix.
  std::unordered_map<int32_t, int32_t> dense_of;
  for (int32_t code : patterns.codes) dense_of.try_emplace(code, static_cast<int32_t>(dense_of.size()));
  const size_t used = dense_of.size();
  if (used > kMaxIntervalCodes)
    return MakeError(ErrorCode::kInvalid, "no bootstrap interval: " + std::to_string(used) +
                                              " distinct answers are in use (at most " +
                                              std::to_string(kMaxIntervalCodes) + ")");
  std::vector<int32_t> code_of(used);
  for (const auto& [code, dense] : dense_of) code_of[static_cast<size_t>(dense)] = code;
  std::vector<double> distances(used * used, 0.0);
  for (size_t row = 0; row < used; ++row)
    for (size_t column = row + 1; column < used; ++column)
      distances[row * used + column] = distances[column * used + row] = distance(code_of[row], code_of[column]);
  // Per pattern: its observed-disagreement contribution, and its dense codes for the marginals.
  std::vector<double> observed(patterns.size(), 0.0);
  std::vector<int32_t> dense_codes(patterns.codes.size());
  for (size_t index = 0; index < patterns.codes.size(); ++index) dense_codes[index] = dense_of[patterns.codes[index]];
  for (size_t pattern = 0; pattern < patterns.size(); ++pattern) {
    const size_t begin = patterns.begin[pattern], end = patterns.begin[pattern + 1];
    double sum = 0;
    for (size_t first = begin; first < end; ++first)
      for (size_t second = first + 1; second < end; ++second)
        sum += 2 * distances[static_cast<size_t>(dense_codes[first]) * used + static_cast<size_t>(dense_codes[second])];
    observed[pattern] = sum / static_cast<double>(end - begin - 1);
  }
  std::vector<double> marginals(used);
  ResampleStatistic alpha = [&](std::span<const int64_t> counts) -> std::optional<std::vector<double>> {
    std::fill(marginals.begin(), marginals.end(), 0.0);
    double observed_sum = 0, total = 0;
    for (size_t pattern = 0; pattern < patterns.size(); ++pattern) {
      if (counts[pattern] == 0) continue;
      const double weight = static_cast<double>(counts[pattern]);
      observed_sum += weight * observed[pattern];
      for (uint32_t index = patterns.begin[pattern]; index < patterns.begin[pattern + 1]; ++index) {
        marginals[static_cast<size_t>(dense_codes[index])] += weight;
        total += weight;
      }
    }
    double expected = 0;
    for (size_t row = 0; row < used; ++row)
      for (size_t column = 0; column < used; ++column) expected += marginals[row] * marginals[column] * distances[row * used + column];
    if (expected <= 0 || total < 2) return std::nullopt;
    return std::vector<double>{1.0 - (total - 1) * observed_sum / expected};
  };
  return Single(BootstrapIntervals(patterns.counts, 1, alpha, options));
}

}  // namespace quorum
