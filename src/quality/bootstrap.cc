#include "quality/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace quorum {
namespace {

double Percentile(std::vector<double>& sorted, double share) {
  const double position = share * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

}  // namespace

std::vector<int64_t> DrawMultinomial(std::span<const int64_t> counts, uint64_t& state) {
  // Conditional binomials: pattern p takes Binomial(draws left, counts[p] / items left).
  std::mt19937_64 generator(state);
  state = generator();
  int64_t remaining_items = 0;
  for (int64_t count : counts) remaining_items += count;
  int64_t remaining_draws = remaining_items;
  std::vector<int64_t> drawn(counts.size(), 0);
  for (size_t pattern = 0; pattern < counts.size() && remaining_draws > 0; ++pattern) {
    if (counts[pattern] == 0) continue;
    if (counts[pattern] >= remaining_items) {
      drawn[pattern] = remaining_draws;
      break;
    }
    const double probability = static_cast<double>(counts[pattern]) / static_cast<double>(remaining_items);
    std::binomial_distribution<int64_t> binomial(remaining_draws, probability);
    drawn[pattern] = binomial(generator);
    remaining_draws -= drawn[pattern];
    remaining_items -= counts[pattern];
  }
  return drawn;
}

Result<std::vector<ConfidenceInterval>> BootstrapIntervals(std::span<const int64_t> counts, size_t width,
                                                           const ResampleStatistic& statistic,
                                                           const BootstrapOptions& options) {
  if (options.resamples < 10 || !(options.confidence > 0 && options.confidence < 1))
    return MakeError(ErrorCode::kInvalid, "a bootstrap needs at least 10 resamples and a confidence between 0 and 1");
  int64_t items = 0;
  for (int64_t count : counts) items += count;
  if (items == 0) return MakeError(ErrorCode::kInvalid, "a bootstrap needs at least one record");
  std::vector<std::vector<double>> samples(width);
  uint64_t state = options.seed;
  for (int resample = 0; resample < options.resamples; ++resample) {
    std::vector<int64_t> drawn = DrawMultinomial(counts, state);
    std::optional<std::vector<double>> values = statistic(drawn);
    if (!values || values->size() != width) continue;
    for (size_t index = 0; index < width; ++index) samples[index].push_back((*values)[index]);
  }
  const size_t defined = width == 0 ? 0 : samples[0].size();
  if (defined * 2 < static_cast<size_t>(options.resamples))
    return MakeError(ErrorCode::kInvalid, "the bootstrap interval is undefined: the statistic is undefined on " +
                                              std::to_string(options.resamples - static_cast<int>(defined)) + " of " +
                                              std::to_string(options.resamples) + " resamples");
  std::vector<ConfidenceInterval> intervals;
  const double tail = (1 - options.confidence) / 2;
  for (std::vector<double>& values : samples) {
    std::sort(values.begin(), values.end());
    intervals.push_back(ConfidenceInterval{Percentile(values, tail), Percentile(values, 1 - tail), options.confidence,
                                           static_cast<int>(values.size())});
  }
  return intervals;
}

}  // namespace quorum
