// Time per record, suggestion overrides, the gold suspension rule and the settings they read.
#include <gtest/gtest.h>

#include "quality/override_rate.h"
#include "quality/quality_settings.h"
#include "quality/suspension.h"
#include "quality/time_stats.h"

namespace quorum {
namespace {

TEST(TimeStatsTest, QuantilesHistogramAndFlags) {
  QualitySettings settings;
  settings.min_seconds_per_record = 10;
  settings.max_seconds_per_record = 100;
  std::vector<int64_t> times = {4000, 0, 20000, 8000, 12000, 700000, -5};
  TimeSummary summary = SummarizeTimes(times, settings);
  EXPECT_EQ(summary.records, 5);  // 0 and negative are "not recorded"
  EXPECT_DOUBLE_EQ(summary.median_seconds, 12);
  EXPECT_DOUBLE_EQ(summary.p25_seconds, 8);
  EXPECT_EQ(summary.under_minimum, 2);
  EXPECT_EQ(summary.histogram[0], 1);  // < 5 s
  EXPECT_EQ(summary.histogram[1], 2);  // 5-15 s
  EXPECT_EQ(summary.histogram[2], 1);  // 15-30 s
  EXPECT_EQ(summary.histogram[7], 1);  // >= 600 s
  EXPECT_FALSE(summary.too_fast);
  EXPECT_FALSE(summary.too_slow);
  std::vector<int64_t> hasty = {2000, 3000, 4000};
  EXPECT_TRUE(SummarizeTimes(hasty, settings).too_fast);
  std::vector<int64_t> slow = {200000, 300000};
  EXPECT_TRUE(SummarizeTimes(slow, settings).too_slow);
  EXPECT_EQ(TimeBucketLabels().size(), summary.histogram.size());
  EXPECT_EQ(TimeBucketLabels().front(), "<5s");
  EXPECT_EQ(TimeBucketLabels().back(), ">=600s");
}

TEST(OverrideRateTest, RatesAndReadings) {
  // Annotator 0 keeps every suggestion, 1 changes 2 of 3, 2 never saw one.
  CodedAnswers answers = CodedAnswersFromMatrix({{1, 0, -1}, {2, 1, -1}, {0, 0, -1}, {1, -1, 1}}, 3);
  std::vector<OverrideRate> rates = OverrideRatesOf(answers, std::vector<int32_t>{1, 2, 0, -1});
  EXPECT_EQ(rates[0].suggested, 3);
  EXPECT_EQ(rates[0].overridden, 0);
  EXPECT_EQ(rates[1].suggested, 3);
  EXPECT_EQ(rates[1].overridden, 2);
  EXPECT_FALSE(rates[2].rate().has_value());
  QualitySettings settings;
  EXPECT_STREQ(OverrideReading(rates[0], settings), "rubber-stamping");
  EXPECT_STREQ(OverrideReading(rates[1], settings), "suggestions look like noise");
  EXPECT_STREQ(OverrideReading(rates[2], settings), "no suggestions");
  OverrideRate normal{3, 10, 3};
  EXPECT_STREQ(OverrideReading(normal, settings), "normal");
}

struct SuspensionCase {
  const char* name;
  int64_t correct, total;
  std::optional<double> below;
  std::optional<int64_t> after;
  bool suspend;
  const char* says;
};

class SuspensionTest : public ::testing::TestWithParam<SuspensionCase> {};

TEST_P(SuspensionTest, Decides) {
  const SuspensionCase& test = GetParam();
  QualitySettings settings;
  settings.gold_suspend_below = test.below;
  settings.gold_suspend_after = test.after;
  SuspensionDecision decision = DecideSuspension(test.correct, test.total, settings);
  EXPECT_EQ(decision.suspend, test.suspend) << test.name;
  EXPECT_NE(decision.reason.find(test.says), std::string::npos) << test.name << ": " << decision.reason;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SuspensionTest,
    ::testing::Values(SuspensionCase{"rule off", 0, 50, std::nullopt, std::nullopt, false, "off"},
                      SuspensionCase{"too few gold answers yet", 0, 9, 0.7, 10, false, "9 of 10"},
                      SuspensionCase{"below after enough", 6, 10, 0.7, 10, true, "60% (6 of 10) is below 70%"},
                      SuspensionCase{"exactly at the threshold stays", 7, 10, 0.7, 10, false, "at or above"},
                      SuspensionCase{"well above", 19, 20, 0.7, 10, false, "95%"}));

TEST(QualitySettingsTest, DefaultsAndReadValues) {
  Result<QualitySettings> defaults = QualitySettingsFrom(nlohmann::json::object());
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->min_seconds_per_record, 5);
  EXPECT_FALSE(defaults->gold_suspend_below.has_value());
  Result<QualitySettings> read = QualitySettingsFrom({{"overlap", 3},
                                                      {"min_seconds_per_record", 8},
                                                      {"max_seconds_per_record", 120},
                                                      {"gold_suspend_below", 0.75},
                                                      {"gold_suspend_after", 20},
                                                      {"preference_winner_share", 0.7}});
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(read->min_seconds_per_record, 8);
  EXPECT_EQ(read->gold_suspend_below, 0.75);
  EXPECT_EQ(read->gold_suspend_after, 20);
  EXPECT_EQ(read->preference_winner_share, 0.7);
}

struct BadSettings {
  const char* name;
  nlohmann::json settings;
  const char* key;
};

class BadSettingsTest : public ::testing::TestWithParam<BadSettings> {};

TEST_P(BadSettingsTest, NamesTheKey) {
  Result<QualitySettings> result = QualitySettingsFrom(GetParam().settings);
  ASSERT_FALSE(result.ok()) << GetParam().name;
  ASSERT_FALSE(result.error().problems.empty());
  EXPECT_EQ(result.error().problems[0].subject, GetParam().key) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadSettingsTest,
    ::testing::Values(BadSettings{"string seconds", {{"min_seconds_per_record", "5"}}, "min_seconds_per_record"},
                      BadSettings{"negative", {{"max_seconds_per_record", -1}}, "max_seconds_per_record"},
                      BadSettings{"min above max", {{"min_seconds_per_record", 50}, {"max_seconds_per_record", 10}},
                                  "min_seconds_per_record"},
                      BadSettings{"accuracy above 1", {{"gold_suspend_below", 70}, {"gold_suspend_after", 5}},
                                  "gold_suspend_below"},
                      BadSettings{"fractional count", {{"gold_suspend_below", 0.7}, {"gold_suspend_after", 2.5}},
                                  "gold_suspend_after"},
                      BadSettings{"only one gold key", {{"gold_suspend_below", 0.7}}, "gold_suspend_after"},
                      BadSettings{"half share", {{"preference_winner_share", 0.5}}, "preference_winner_share"}));

}  // namespace
}  // namespace quorum
