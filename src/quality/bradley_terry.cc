#include "quality/bradley_terry.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace quorum {
namespace {

struct Fit {
  std::vector<double> strengths;
  int iterations = 0;
  bool converged = false;
};

// MM iterations on a wins matrix (wins[i * m + j]: votes i won against j).
Fit FitStrengths(const std::vector<double>& wins, int32_t model_count, const BradleyTerryOptions& options) {
  const size_t m = static_cast<size_t>(model_count);
  Fit fit;
  fit.strengths.assign(m, 1.0);
  std::vector<double> total_wins(m, options.prior_games / 2), next(m);
  for (size_t row = 0; row < m; ++row)
    for (size_t column = 0; column < m; ++column) total_wins[row] += wins[row * m + column];
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    double largest_change = 0;
    for (size_t model = 0; model < m; ++model) {
      const double own = fit.strengths[model];
      double denominator = options.prior_games / (own + 1.0);
      for (size_t other = 0; other < m; ++other) {
        const double games = wins[model * m + other] + wins[other * m + model];
        if (games > 0) denominator += games / (own + fit.strengths[other]);
      }
      next[model] = denominator > 0 ? total_wins[model] / denominator : own;
      if (next[model] > 0 && own > 0) largest_change = std::max(largest_change, std::abs(std::log(next[model] / own)));
    }
    fit.strengths.swap(next);
    fit.iterations = iteration;
    if (largest_change < options.tolerance) {
      fit.converged = true;
      break;
    }
  }
  return fit;
}

std::vector<double> Ratings(const std::vector<double>& strengths, const std::vector<bool>& present) {
  double log_sum = 0;
  int count = 0;
  for (size_t model = 0; model < strengths.size(); ++model) {
    if (!present[model] || strengths[model] <= 0) continue;
    log_sum += std::log(strengths[model]);
    ++count;
  }
  const double log_mean = count > 0 ? log_sum / count : 0;
  std::vector<double> ratings(strengths.size(), 1000);
  for (size_t model = 0; model < strengths.size(); ++model)
    if (strengths[model] > 0) ratings[model] = 1000 + 400 * (std::log(strengths[model]) - log_mean) / std::log(10.0);
  return ratings;
}

}  // namespace

Result<Leaderboard> BradleyTerry(std::span<const PairwiseComparison> comparisons, int32_t model_count,
                                 const BradleyTerryOptions& options) {
  if (comparisons.empty()) return MakeError(ErrorCode::kInvalid, "Bradley-Terry needs comparisons: there are none");
  if (options.prior_games < 0) return MakeError(ErrorCode::kInvalid, "prior_games must not be negative");
  const size_t m = static_cast<size_t>(model_count);
  std::vector<double> wins(m * m, 0.0);
  std::vector<bool> present(m, false);
  // Records with the same models and votes are one pattern (for the bootstrap).
  std::map<std::tuple<int32_t, int32_t, double, double>, int64_t> grouped;
  for (const PairwiseComparison& comparison : comparisons) {
    if (comparison.model_a < 0 || comparison.model_a >= model_count || comparison.model_b < 0 ||
        comparison.model_b >= model_count)
      return MakeError(ErrorCode::kInvalid, "a comparison names a model index out of range");
    if (comparison.model_a == comparison.model_b)
      return MakeError(ErrorCode::kInvalid, "a record compares a model with itself (model " +
                                                std::to_string(comparison.model_a) + ")");
    wins[static_cast<size_t>(comparison.model_a) * m + static_cast<size_t>(comparison.model_b)] += comparison.wins_a;
    wins[static_cast<size_t>(comparison.model_b) * m + static_cast<size_t>(comparison.model_a)] += comparison.wins_b;
    present[static_cast<size_t>(comparison.model_a)] = present[static_cast<size_t>(comparison.model_b)] = true;
    ++grouped[{comparison.model_a, comparison.model_b, comparison.wins_a, comparison.wins_b}];
  }
  const Fit fit = FitStrengths(wins, model_count, options);
  const std::vector<double> ratings = Ratings(fit.strengths, present);

  Leaderboard board;
  board.iterations = fit.iterations;
  board.converged = fit.converged;
  const double log_mean_shift = std::log(10.0) / 400;  // rating points -> log strength
  for (size_t model = 0; model < m; ++model) {
    if (!present[model]) continue;
    ModelStrength entry;
    entry.model = static_cast<int32_t>(model);
    entry.rating = ratings[model];
    entry.strength = std::exp((ratings[model] - 1000) * log_mean_shift);
    for (size_t other = 0; other < m; ++other) {
      entry.wins += wins[model * m + other];
      entry.games += wins[model * m + other] + wins[other * m + model];
    }
    board.models.push_back(entry);
  }

  if (options.with_intervals) {
    std::vector<std::tuple<int32_t, int32_t, double, double>> patterns;
    std::vector<int64_t> counts;
    for (const auto& [pattern, count] : grouped) {
      patterns.push_back(pattern);
      counts.push_back(count);
    }
    ResampleStatistic refit = [&](std::span<const int64_t> drawn) -> std::optional<std::vector<double>> {
      std::vector<double> resampled(m * m, 0.0);
      for (size_t index = 0; index < patterns.size(); ++index) {
        if (drawn[index] == 0) continue;
        const auto& [model_a, model_b, wins_a, wins_b] = patterns[index];
        const double times = static_cast<double>(drawn[index]);
        resampled[static_cast<size_t>(model_a) * m + static_cast<size_t>(model_b)] += times * wins_a;
        resampled[static_cast<size_t>(model_b) * m + static_cast<size_t>(model_a)] += times * wins_b;
      }
      // Ratings are centred on all models seen in the data, so resamples stay comparable.
      return Ratings(FitStrengths(resampled, model_count, options).strengths, present);
    };
    Result<std::vector<ConfidenceInterval>> intervals = BootstrapIntervals(counts, m, refit, options.bootstrap);
    if (intervals.ok()) {
      for (ModelStrength& entry : board.models) entry.rating_interval = (*intervals)[static_cast<size_t>(entry.model)];
    } else {
      board.interval_note = intervals.error().message;
    }
  }
  std::sort(board.models.begin(), board.models.end(),
            [](const ModelStrength& a, const ModelStrength& b) { return a.rating > b.rating; });
  return board;
}

}  // namespace quorum
