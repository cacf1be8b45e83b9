#include "export/export_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

namespace quorum {
namespace {

using ::testing::HasSubstr;

Result<ExportPolicy> Parse(const std::map<std::string, std::string, std::less<>>& options) {
  return ExportPolicyFrom([&](std::string_view name) -> std::optional<std::string> {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
  });
}

TEST(ExportPolicyTest, DefaultsAreTheDocumentedOnes) {
  Result<ExportPolicy> policy = Parse({{"format", "dpo"}});
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->method, AggregationMethod::kMajority);
  EXPECT_DOUBLE_EQ(policy->min_agreement, 0.6);
  EXPECT_EQ(policy->min_annotators, 1);
  EXPECT_FALSE(policy->keep_ties);
  EXPECT_FALSE(policy->include_gold);
  EXPECT_TRUE(policy->include_calibration);
  EXPECT_DOUBLE_EQ(policy->test_ratio, 0);
  EXPECT_FALSE(policy->provenance);
}

TEST(ExportPolicyTest, ReadsEveryOption) {
  Result<ExportPolicy> policy =
      Parse({{"format", "ranking-pairs"}, {"method", "dawid-skene"}, {"min_agreement", "0.75"}, {"min_annotators", "3"},
             {"ties", "keep"}, {"gold", "include"}, {"calibration", "exclude"}, {"test_ratio", "0.2"}, {"seed", "42"},
             {"provenance", "true"}, {"ranking_pairs", "best-vs-each"}, {"kto_threshold", "3.5"},
             {"kto_desirable", "safe,fine"}, {"question", "q"}});
  ASSERT_TRUE(policy.ok()) << policy.error().ToString();
  EXPECT_EQ(policy->format, TrainingFormat::kRankingPairs);
  EXPECT_EQ(policy->method, AggregationMethod::kDawidSkene);
  EXPECT_DOUBLE_EQ(policy->min_agreement, 0.75);
  EXPECT_EQ(policy->min_annotators, 3);
  EXPECT_TRUE(policy->keep_ties);
  EXPECT_TRUE(policy->include_gold);
  EXPECT_FALSE(policy->include_calibration);
  EXPECT_DOUBLE_EQ(policy->test_ratio, 0.2);
  EXPECT_EQ(policy->seed, 42u);
  EXPECT_TRUE(policy->provenance);
  EXPECT_EQ(policy->ranking_pairs, RankingPairs::kBestVsEach);
  EXPECT_EQ(policy->kto_threshold, 3.5);
  EXPECT_EQ(policy->kto_desirable, (std::vector<std::string>{"safe", "fine"}));
  EXPECT_EQ(PolicyJson(*policy)["ranking_pairs"], "best-vs-each");
}

TEST(ExportPolicyTest, BadValuesNameTheOptionAndWhatIsAccepted) {
  const std::pair<std::map<std::string, std::string, std::less<>>, const char*> cases[] = {
      {{}, "format: name one of dpo"},
      {{{"format", "parquet"}}, "format: expected one of dpo, dpo-chat"},
      {{{"format", "dpo"}, {"min_agreement", "1.5"}}, "min_agreement: expected a number from 0 to 1, got '1.5'"},
      {{{"format", "dpo"}, {"min_agreement", "high"}}, "min_agreement: expected a number from 0 to 1"},
      {{{"format", "dpo"}, {"min_annotators", "0"}}, "min_annotators: expected an integer of at least 1"},
      {{{"format", "dpo"}, {"method", "mean"}}, "method: expected majority, weighted or dawid-skene, got 'mean'"},
      {{{"format", "dpo"}, {"ties", "maybe"}}, "ties: expected keep or drop"},
      {{{"format", "dpo"}, {"gold", "yes"}}, "gold: expected include or exclude"},
      {{{"format", "dpo"}, {"only_accepted", "yes"}}, "only_accepted: expected true or false"},
      {{{"format", "sft-messages"}, {"method", "weighted"}}, "method: SFT formats export every written answer"},
  };
  for (const auto& [options, message] : cases) {
    Result<ExportPolicy> policy = Parse(options);
    ASSERT_FALSE(policy.ok()) << message;
    EXPECT_EQ(policy.error().code, ErrorCode::kInvalid);
    EXPECT_THAT(policy.error().message, HasSubstr(message));
  }
}

}  // namespace
}  // namespace quorum
