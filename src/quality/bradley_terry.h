// Bradley-Terry strengths of compared models from pairwise human votes: a leaderboard
// (R. A. Bradley and M. E. Terry, "Rank analysis of incomplete block designs", Biometrika 39,
// 1952), fitted with the MM algorithm of D. R. Hunter, "MM algorithms for generalized
// Bradley-Terry models", Annals of Statistics 32 (2004), with bootstrap intervals over records.
//
// P(i beats j) = p_i / (p_i + p_j). Ratings are on the Elo scale, 1000 + 400 log10(p_i) with the
// strengths' geometric mean at 1, so a 100-point gap means the stronger model wins 64% of votes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "quality/bootstrap.h"

namespace quorum {

// The votes of one record comparing model_a with model_b (a tie gives each half a win).
struct PairwiseComparison {
  int32_t model_a = 0;
  int32_t model_b = 0;
  double wins_a = 0;
  double wins_b = 0;
};

struct BradleyTerryOptions {
  int max_iterations = 10000;
  double tolerance = 1e-10;  // on the largest change of a log strength
  // Each model also plays this many virtual games against an opponent of strength 1, winning
  // half: a weak prior that keeps strengths finite for a model that never (or always) wins.
  double prior_games = 1.0;
  bool with_intervals = true;
  BootstrapOptions bootstrap{.resamples = 500, .confidence = 0.95, .seed = 1};
};

struct ModelStrength {
  int32_t model = 0;
  double strength = 0;  // p_i, geometric mean 1
  double rating = 0;    // 1000 + 400 log10(p_i)
  std::optional<ConfidenceInterval> rating_interval;
  double wins = 0;      // votes won (ties as halves)
  double games = 0;     // votes taken part in
};

struct Leaderboard {
  std::vector<ModelStrength> models;  // by rating, highest first; models without games left out
  int iterations = 0;
  bool converged = false;
  std::string interval_note;  // why intervals are missing, when they are
};

// kInvalid when there are no comparisons, a model index is out of range, a record compares a
// model with itself, or prior_games is negative. Deterministic for a bootstrap seed; thread-safe.
Result<Leaderboard> BradleyTerry(std::span<const PairwiseComparison> comparisons, int32_t model_count,
                                 const BradleyTerryOptions& options = {});

}  // namespace quorum
