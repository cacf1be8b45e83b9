#include "quality/bradley_terry.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace quorum {
namespace {

TEST(BradleyTerryTest, TwoModelsWithoutPriorMatchTheClosedForm) {
  // With two models the maximum-likelihood strengths satisfy p_a / p_b = wins_a / wins_b, so
  // 64 wins of 100 put A 400 log10(64 / 36) = 99.9 points above B.
  std::vector<PairwiseComparison> comparisons = {{0, 1, 64, 36}};
  BradleyTerryOptions options;
  options.prior_games = 0;
  options.with_intervals = false;
  Result<Leaderboard> board = BradleyTerry(comparisons, 2, options);
  ASSERT_TRUE(board.ok()) << board.error().ToString();
  ASSERT_EQ(board->models.size(), 2u);
  EXPECT_EQ(board->models[0].model, 0);
  EXPECT_NEAR(board->models[0].rating - board->models[1].rating, 400 * std::log10(64.0 / 36.0), 1e-6);
  EXPECT_NEAR(board->models[0].rating + board->models[1].rating, 2000, 1e-6);  // geometric mean 1
  EXPECT_NEAR(board->models[0].strength / board->models[1].strength, 64.0 / 36.0, 1e-6);
  EXPECT_TRUE(board->converged);
}

TEST(BradleyTerryTest, RecoversSimulatedStrengthsWithIntervalsThatCoverThem) {
  // Four models with known ratings; 4,000 records, each comparing two models with 3 votes.
  const std::vector<double> truth = {1150, 1050, 950, 850};
  std::mt19937_64 random(42);
  std::vector<PairwiseComparison> comparisons;
  for (int record = 0; record < 4000; ++record) {
    const int32_t a = static_cast<int32_t>(random() % 4);
    int32_t b = static_cast<int32_t>(random() % 3);
    if (b >= a) ++b;
    const double p_a = 1 / (1 + std::pow(10, (truth[static_cast<size_t>(b)] - truth[static_cast<size_t>(a)]) / 400));
    PairwiseComparison comparison{a, b, 0, 0};
    for (int vote = 0; vote < 3; ++vote) (std::bernoulli_distribution(p_a)(random) ? comparison.wins_a : comparison.wins_b) += 1;
    comparisons.push_back(comparison);
  }
  BradleyTerryOptions options;
  options.bootstrap.resamples = 200;
  Result<Leaderboard> board = BradleyTerry(comparisons, 4, options);
  ASSERT_TRUE(board.ok());
  ASSERT_EQ(board->models.size(), 4u);
  for (size_t rank = 0; rank < 4; ++rank) {
    const ModelStrength& entry = board->models[rank];
    EXPECT_EQ(entry.model, static_cast<int32_t>(rank));  // the true order
    EXPECT_NEAR(entry.rating, truth[rank], 25);
    ASSERT_TRUE(entry.rating_interval.has_value());
    EXPECT_LE(entry.rating_interval->low, entry.rating);
    EXPECT_GE(entry.rating_interval->high, entry.rating);
    EXPECT_LT(entry.rating_interval->high - entry.rating_interval->low, 80);
    EXPECT_EQ(entry.games, std::round(entry.games));
  }
}

TEST(BradleyTerryTest, PriorKeepsAnUnbeatenModelFinite) {
  std::vector<PairwiseComparison> comparisons = {{0, 1, 5, 0}, {1, 2, 3, 2}};
  BradleyTerryOptions options;
  options.with_intervals = false;
  Result<Leaderboard> board = BradleyTerry(comparisons, 3, options);
  ASSERT_TRUE(board.ok());
  EXPECT_EQ(board->models[0].model, 0);
  EXPECT_TRUE(std::isfinite(board->models[0].rating));
  EXPECT_TRUE(std::isfinite(board->models[2].rating));
}

TEST(BradleyTerryTest, RefusesBadInput) {
  EXPECT_FALSE(BradleyTerry({}, 2).ok());
  std::vector<PairwiseComparison> self = {{1, 1, 1, 0}};
  EXPECT_FALSE(BradleyTerry(self, 2).ok());
  std::vector<PairwiseComparison> out_of_range = {{0, 5, 1, 0}};
  EXPECT_FALSE(BradleyTerry(out_of_range, 2).ok());
}

}  // namespace
}  // namespace quorum
