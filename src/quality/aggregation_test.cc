#include "quality/aggregation.h"

#include <gtest/gtest.h>

#include "core/test_builders.h"

namespace quorum {
namespace {

using builders::Question;
using builders::WithLabels;
using builders::WithOptions;

QuestionAnswers Scaled(QuestionSpec question, const std::vector<std::vector<int32_t>>& rows) {
  QuestionAnswers answers;
  answers.scale = *ScaleFor(question);
  answers.question = std::move(question);
  answers.answers = CodedAnswersFromMatrix(rows, answers.scale.code_count());
  return answers;
}

TEST(AggregationTest, DefaultMethodsByKind) {
  EXPECT_EQ(*DefaultAggregationMethod(builders::Rating("r", {1, 2})), AggregationMethod::kMean);
  EXPECT_EQ(*DefaultAggregationMethod(WithOptions(Question("p", QuestionKind::kPreference), {"a", "b"})),
            AggregationMethod::kVoteShare);
  EXPECT_EQ(*DefaultAggregationMethod(WithLabels(Question("l", QuestionKind::kLabel), {"a"})), AggregationMethod::kMajority);
  EXPECT_FALSE(DefaultAggregationMethod(Question("t", QuestionKind::kText)).ok());
  for (const char* name : {"majority", "weighted", "dawid-skene", "mean", "median", "vote-share"})
    EXPECT_STREQ(AggregationMethodName(*ParseAggregationMethod(name)), name);
  EXPECT_FALSE(ParseAggregationMethod("bradley-terry").has_value());  // a leaderboard, not per record
}

struct Inapplicable {
  const char* name;
  QuestionSpec question;
  AggregationMethod method;
};

class InapplicableTest : public ::testing::TestWithParam<Inapplicable> {};

TEST_P(InapplicableTest, SaysWhy) {
  QuestionAnswers answers;
  answers.question = GetParam().question;
  Result<QuestionAggregates> result = AggregateQuestion(answers, GetParam().method, AggregationOptions{});
  ASSERT_FALSE(result.ok()) << GetParam().name;
  EXPECT_NE(result.error().message.find("'" + GetParam().question.name + "'"), std::string::npos) << result.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, InapplicableTest,
    ::testing::Values(Inapplicable{"mean of labels", WithLabels(Question("topic", QuestionKind::kLabel), {"a", "b"}),
                                   AggregationMethod::kMean},
                      Inapplicable{"vote share of ratings", builders::Rating("stars", {1, 2}), AggregationMethod::kVoteShare},
                      Inapplicable{"dawid-skene of spans", builders::Spans("ner", "text", {"PER"}, false),
                                   AggregationMethod::kDawidSkene},
                      Inapplicable{"text", Question("why", QuestionKind::kText), AggregationMethod::kMajority}));

TEST(AggregationTest, MajorityRowsCarryValueConfidenceAndTies) {
  QuestionAnswers answers = Scaled(WithLabels(Question("topic", QuestionKind::kLabel), {"a", "b", "c"}),
                                   {{0, 0, 1}, {1, 2, -1}, {-1, -1, -1}});
  Result<QuestionAggregates> result = AggregateQuestion(answers, AggregationMethod::kMajority, AggregationOptions{});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->method, "majority");
  EXPECT_EQ(result->tie_policy, "unresolved");
  ASSERT_EQ(result->rows.size(), 2u);
  EXPECT_EQ(result->rows[0].value, "a");
  EXPECT_NEAR(result->rows[0].confidence, 2.0 / 3, 1e-12);
  EXPECT_TRUE(result->rows[1].value.is_null());
  EXPECT_EQ(result->rows[1].details["tie"], true);
}

TEST(AggregationTest, WeightedVoteUsesGoldAndFailsWithoutIt) {
  QuestionAnswers answers = Scaled(WithLabels(Question("topic", QuestionKind::kLabel), {"a", "b"}),
                                   {{0, 0, 0}, {1, 0, 1}, {1, 1, 0}, {0, 1, 1}});
  EXPECT_FALSE(AggregateQuestion(answers, AggregationMethod::kWeighted, AggregationOptions{}).ok());
  // Gold on items 0-2: annotator 0 is right 3/3, annotators 1 and 2 right 2/3 each.
  answers.gold = {0, 1, 1, -1};
  Result<QuestionAggregates> result = AggregateQuestion(answers, AggregationMethod::kWeighted, AggregationOptions{});
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(result->rows[3].value, "a");  // annotator 0 outweighs 1 and 2 together
  Result<QuestionAggregates> plain = AggregateQuestion(answers, AggregationMethod::kMajority, AggregationOptions{});
  EXPECT_EQ(plain->rows[3].value, "b");
}

TEST(AggregationTest, RatingsAndFivePointPreferencesAverage) {
  QuestionAnswers ratings = Scaled(builders::Rating("stars", {1, 2, 3, 4, 5}), {{4, 3, 4}});
  Result<QuestionAggregates> mean = AggregateQuestion(ratings, AggregationMethod::kMean, AggregationOptions{});
  Result<QuestionAggregates> median = AggregateQuestion(ratings, AggregationMethod::kMedian, AggregationOptions{});
  ASSERT_TRUE(mean.ok() && median.ok());
  EXPECT_NEAR(mean->rows[0].value.get<double>(), 14.0 / 3, 1e-12);
  EXPECT_EQ(median->rows[0].value.get<double>(), 5);
  EXPECT_TRUE(mean->rows[0].details.contains("stddev"));
  QuestionAnswers five = Scaled(WithOptions(Question("p", QuestionKind::kPreference), {"a", "b"}, PreferenceScale::kFivePoint),
                                {{0, 1, 3}});
  Result<QuestionAggregates> five_mean = AggregateQuestion(five, AggregationMethod::kMean, AggregationOptions{});
  ASSERT_TRUE(five_mean.ok());
  EXPECT_NEAR(five_mean->rows[0].value.get<double>(), (-2 - 1 + 1) / 3.0, 1e-12);
}

TEST(AggregationTest, VoteShareNamesTheWinnerOrTie) {
  QuestionAnswers answers = Scaled(WithOptions(Question("p", QuestionKind::kPreference), {"response_a", "response_b"}),
                                   {{0, 0, 1}, {0, 1, -1}});
  AggregationOptions options;
  Result<QuestionAggregates> result = AggregateQuestion(answers, AggregationMethod::kVoteShare, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rows[0].value, "response_a");
  EXPECT_EQ(result->rows[1].value, "tie");
  options.winner_share = 0.7;
  EXPECT_EQ(AggregateQuestion(answers, AggregationMethod::kVoteShare, options)->rows[0].value, "tie");
}

TEST(AggregationTest, MultiLabelMajorityIsPerLabel) {
  QuestionAnswers answers;
  answers.question = WithLabels(Question("issues", QuestionKind::kMultiLabel), {"x", "y", "z"});
  answers.label_sets = {{0}, {0, 1}, {1}};
  answers.answers = CodedAnswersFromMatrix({{0, 1, 2}}, 3);
  Result<QuestionAggregates> result = AggregateQuestion(answers, AggregationMethod::kMajority, AggregationOptions{});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rows[0].value, nlohmann::json({"x", "y"}));  // each ticked by 2 of 3
}

TEST(AggregationTest, RankingMeanIsBorda) {
  QuestionAnswers answers;
  answers.question = WithOptions(Question("rank", QuestionKind::kRanking), {"r1", "r2", "r3"});
  answers.rankings = {{0, 1, 2}, {1, 0, 2}};
  answers.answers = CodedAnswersFromMatrix({{0, 1, 1}}, 2);
  Result<QuestionAggregates> result = AggregateQuestion(answers, AggregationMethod::kMean, AggregationOptions{});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rows[0].value, nlohmann::json({"r2", "r1", "r3"}));
  EXPECT_GT(result->rows[0].confidence, 0.5);
  EXPECT_LT(result->rows[0].confidence, 1.0);
}

TEST(AggregationTest, DawidSkeneReportsItsFit) {
  std::vector<std::vector<int32_t>> rows;
  for (int item = 0; item < 90; ++item) rows.push_back({item % 3, item % 3, item % 7 == 0 ? (item + 1) % 3 : item % 3});
  QuestionAnswers answers = Scaled(WithLabels(Question("topic", QuestionKind::kLabel), {"a", "b", "c"}), rows);
  Result<QuestionAggregates> result = AggregateQuestion(answers, AggregationMethod::kDawidSkene, AggregationOptions{});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rows.size(), 90u);
  EXPECT_TRUE(result->summary["converged"].get<bool>());
  EXPECT_TRUE(result->summary["priors"].contains("b"));
  EXPECT_EQ(result->rows[1].value, "b");
}

}  // namespace
}  // namespace quorum
