#include "dist/distribution_settings.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

TEST(DistributionSettingsTest, MissingKeysKeepTheDefaults) {
  Result<DistributionSettings> parsed = ParseDistributionSettings({{"show_suggestions", false}});
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(parsed->overlap, 1);
  EXPECT_EQ(parsed->lease_minutes, 15);
  EXPECT_EQ(parsed->ordering, QueueOrder::kFifo);
  EXPECT_EQ(parsed->gold_ratio, 0);
  EXPECT_FALSE(parsed->paused);
}

TEST(DistributionSettingsTest, ReadsEveryKey) {
  Result<DistributionSettings> parsed = ParseDistributionSettings({{"overlap", 3},
                                                                   {"lease_minutes", 30},
                                                                   {"ordering", "uncertainty"},
                                                                   {"seed", 42},
                                                                   {"finish_started_first", true},
                                                                   {"calibration", {7, 9}},
                                                                   {"gold_ratio", 0.05},
                                                                   {"discards_count_toward_overlap", true},
                                                                   {"paused", true},
                                                                   {"paused_annotators", {4}}});
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(parsed->overlap, 3);
  EXPECT_EQ(parsed->lease_minutes, 30);
  EXPECT_EQ(parsed->ordering, QueueOrder::kUncertainty);
  EXPECT_EQ(parsed->seed, 42);
  EXPECT_TRUE(parsed->finish_started_first);
  EXPECT_EQ(parsed->calibration_records, (std::vector<int64_t>{7, 9}));
  EXPECT_EQ(parsed->calibration_first, 0);
  EXPECT_DOUBLE_EQ(parsed->gold_ratio, 0.05);
  EXPECT_TRUE(parsed->discards_count_toward_overlap);
  EXPECT_TRUE(parsed->paused);
  EXPECT_EQ(parsed->paused_annotators, (std::vector<int64_t>{4}));
  EXPECT_EQ(ParseDistributionSettings({{"calibration", 5}})->calibration_first, 5);
}

struct BadCase {
  nlohmann::json settings;
  std::string key;
};

TEST(DistributionSettingsTest, NamesEveryBadKey) {
  const BadCase cases[] = {
      {{{"overlap", 0}}, "overlap"},          {{{"overlap", 11}}, "overlap"},
      {{{"overlap", "3"}}, "overlap"},        {{{"lease_minutes", 0}}, "lease_minutes"},
      {{{"ordering", "lifo"}}, "ordering"},   {{{"gold_ratio", 1.5}}, "gold_ratio"},
      {{{"gold_ratio", "5%"}}, "gold_ratio"}, {{{"calibration", "all"}}, "calibration"},
      {{{"calibration", {1, -2}}}, "calibration"}, {{{"paused", 1}}, "paused"},
      {{{"paused_annotators", {"bob"}}}, "paused_annotators"},
  };
  for (const BadCase& bad : cases) {
    Result<DistributionSettings> parsed = ParseDistributionSettings(bad.settings);
    ASSERT_FALSE(parsed.ok()) << bad.settings.dump();
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalid);
    ASSERT_EQ(parsed.error().problems.size(), 1u) << bad.settings.dump();
    EXPECT_EQ(parsed.error().problems[0].location, "settings");
    EXPECT_EQ(parsed.error().problems[0].subject, bad.key);
  }
  Result<DistributionSettings> two = ParseDistributionSettings({{"overlap", 0}, {"ordering", 3}});
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.error().problems.size(), 2u);
  EXPECT_EQ(two.error().message, "the distribution settings have 2 problems");
}

TEST(DistributionSettingsTest, PausingEditsOnlyItsKeys) {
  nlohmann::json settings = {{"overlap", 2}, {"paused_annotators", {7, 3}}};
  settings = WithAnnotatorPaused(settings, 5, true);
  EXPECT_EQ(settings["paused_annotators"], nlohmann::json({3, 5, 7}));
  settings = WithAnnotatorPaused(settings, 5, true);
  EXPECT_EQ(settings["paused_annotators"], nlohmann::json({3, 5, 7})) << "pausing twice lists once";
  settings = WithAnnotatorPaused(WithAnnotatorPaused(WithAnnotatorPaused(settings, 3, false), 5, false), 7, false);
  EXPECT_FALSE(settings.contains("paused_annotators"));
  settings = WithProjectPaused(settings, true);
  EXPECT_EQ(settings, nlohmann::json({{"overlap", 2}, {"paused", true}}));
  EXPECT_TRUE(ParseDistributionSettings(settings)->paused);
}

}  // namespace
}  // namespace quorum
