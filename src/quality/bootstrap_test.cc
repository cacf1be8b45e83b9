#include "quality/bootstrap.h"

#include <gtest/gtest.h>

#include <numeric>

#include "quality/alpha_interval.h"
#include "quality/krippendorff_alpha.h"

namespace quorum {
namespace {

TEST(BootstrapTest, MultinomialDrawsKeepTheTotalAndTheProportions) {
  const std::vector<int64_t> counts = {500, 300, 0, 200};
  uint64_t state = 3;
  std::vector<double> mean(4, 0.0);
  for (int draw = 0; draw < 2000; ++draw) {
    std::vector<int64_t> drawn = DrawMultinomial(counts, state);
    EXPECT_EQ(std::accumulate(drawn.begin(), drawn.end(), int64_t{0}), 1000);
    EXPECT_EQ(drawn[2], 0);
    for (size_t index = 0; index < 4; ++index) mean[index] += static_cast<double>(drawn[index]) / 2000;
  }
  EXPECT_NEAR(mean[0], 500, 3);
  EXPECT_NEAR(mean[1], 300, 3);
  EXPECT_NEAR(mean[3], 200, 3);
}

TEST(BootstrapTest, MeanIntervalMatchesTheNormalApproximation) {
  // 1,000 items: 300 ones and 700 zeros. The mean's standard error is sqrt(.21 / 1000) = .0145,
  // so the 95% interval is about .3 -+ .0284.
  const std::vector<int64_t> counts = {300, 700};
  ResampleStatistic mean = [](std::span<const int64_t> drawn) -> std::optional<std::vector<double>> {
    return std::vector<double>{static_cast<double>(drawn[0]) / static_cast<double>(drawn[0] + drawn[1])};
  };
  BootstrapOptions options;
  options.resamples = 4000;
  Result<std::vector<ConfidenceInterval>> interval = BootstrapIntervals(counts, 1, mean, options);
  ASSERT_TRUE(interval.ok());
  EXPECT_NEAR((*interval)[0].low, 0.3 - 0.0284, 0.004);
  EXPECT_NEAR((*interval)[0].high, 0.3 + 0.0284, 0.004);
  EXPECT_EQ((*interval)[0].resamples, 4000);
}

TEST(BootstrapTest, SameSeedSameIntervalAndBadOptionsRefused) {
  const std::vector<int64_t> counts = {10, 20, 30};
  ResampleStatistic share = [](std::span<const int64_t> drawn) -> std::optional<std::vector<double>> {
    return std::vector<double>{static_cast<double>(drawn[0]) / 60.0};
  };
  BootstrapOptions options;
  options.seed = 11;
  auto first = BootstrapIntervals(counts, 1, share, options);
  auto second = BootstrapIntervals(counts, 1, share, options);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ((*first)[0].low, (*second)[0].low);
  EXPECT_EQ((*first)[0].high, (*second)[0].high);
  options.resamples = 5;
  EXPECT_FALSE(BootstrapIntervals(counts, 1, share, options).ok());
  options.resamples = 100;
  options.confidence = 1;
  EXPECT_FALSE(BootstrapIntervals(counts, 1, share, options).ok());
  EXPECT_FALSE(BootstrapIntervals(std::vector<int64_t>{0, 0}, 1, share, BootstrapOptions{}).ok());
  ResampleStatistic never = [](std::span<const int64_t>) -> std::optional<std::vector<double>> { return std::nullopt; };
  EXPECT_FALSE(BootstrapIntervals(counts, 1, never, BootstrapOptions{}).ok());
}

TEST(AlphaIntervalTest, PatternsCompressAndTheIntervalHoldsTheEstimate) {
  // 3,000 items from a few answer patterns.
  std::vector<std::vector<int32_t>> rows;
  for (int item = 0; item < 3000; ++item) {
    switch (item % 6) {
      case 0: case 1: case 2: rows.push_back({item % 3, item % 3, item % 3}); break;
      case 3: rows.push_back({0, 1, 1}); break;
      case 4: rows.push_back({2, 2, -1}); break;
      default: rows.push_back({0, 2, 1}); break;
    }
  }
  CodedAnswers answers = CodedAnswersFromMatrix(rows, 3);
  EXPECT_LE(PatternsOf(answers).size(), 6u);
  const double alpha = *KrippendorffAlpha(answers, Level::kOrdinal);
  Result<ConfidenceInterval> interval = AlphaInterval(answers, Level::kOrdinal, {}, BootstrapOptions{});
  ASSERT_TRUE(interval.ok()) << interval.error().ToString();
  EXPECT_LT(interval->low, alpha);
  EXPECT_GT(interval->high, alpha);
  EXPECT_LT(interval->high - interval->low, 0.1);
  // The same through the any-distance path, with the nominal distance.
  const auto nominal = [](int32_t a, int32_t b) { return a == b ? 0.0 : 1.0; };
  Result<ConfidenceInterval> by_distance = AlphaInterval(answers, nominal, BootstrapOptions{});
  Result<ConfidenceInterval> by_level = AlphaInterval(answers, Level::kNominal, {}, BootstrapOptions{});
  ASSERT_TRUE(by_distance.ok() && by_level.ok());
  EXPECT_NEAR(by_distance->low, by_level->low, 1e-9);
  EXPECT_NEAR(by_distance->high, by_level->high, 1e-9);
}

TEST(AlphaIntervalTest, UndefinedAlphaHasNoInterval) {
  EXPECT_FALSE(AlphaInterval(CodedAnswersFromMatrix({{1, 1}, {1, 1}}, 2), Level::kNominal, {}, BootstrapOptions{}).ok());
}

}  // namespace
}  // namespace quorum
