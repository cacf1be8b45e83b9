#include <gtest/gtest.h>

#include <cctype>
#include <cmath>

#include "core/test_builders.h"
#include "quality/preference_vote.h"
#include "quality/rating_summary.h"
#include "quality/scale.h"

namespace quorum {
namespace {

using builders::Question;
using builders::WithOptions;

TEST(RatingSummaryTest, MeanMedianSpreadAndConfidence) {
  const std::vector<double> values = {1, 2, 3, 4, 5};
  // codes are value - 1
  CodedAnswers answers = CodedAnswersFromMatrix({{4, 4, 4}, {0, 4, -1}, {1, 2, 3, 3}, {-1, -1, -1}}, 5);
  std::vector<RatingSummary> summaries = SummarizeRatings(answers, values);
  ASSERT_EQ(summaries.size(), 3u);
  EXPECT_DOUBLE_EQ(summaries[0].mean, 5);
  EXPECT_DOUBLE_EQ(summaries[0].stddev, 0);
  EXPECT_DOUBLE_EQ(summaries[0].confidence, 1);
  EXPECT_DOUBLE_EQ(summaries[1].median, 3);  // even count: mean of the middle two
  EXPECT_DOUBLE_EQ(summaries[1].confidence, 0);  // the two ends of the scale
  EXPECT_NEAR(summaries[1].stddev, std::sqrt(8.0), 1e-12);
  EXPECT_DOUBLE_EQ(summaries[2].mean, 3.25);
  EXPECT_DOUBLE_EQ(summaries[2].median, 3.5);
  EXPECT_EQ(summaries[2].answers, 4);
}

struct ShareCase {
  const char* name;
  PreferenceScale scale;
  std::vector<int32_t> codes;  // one item's votes
  double winner_share;
  int winner;
  const char* strength;
  double confidence;
};

class PreferenceShareTest : public ::testing::TestWithParam<ShareCase> {};

TEST_P(PreferenceShareTest, Decides) {
  const ShareCase& test = GetParam();
  QuestionSpec question = WithOptions(Question("preference", QuestionKind::kPreference), {"response_a", "response_b"}, test.scale);
  Result<std::vector<PreferenceVoteMeaning>> meanings = PreferenceMeanings(question);
  ASSERT_TRUE(meanings.ok());
  CodedAnswers answers = CodedAnswersFromMatrix({test.codes}, ScaleFor(question)->code_count());
  Result<std::vector<PreferenceVote>> votes = PreferenceVoteShare(answers, *meanings, {test.winner_share});
  ASSERT_TRUE(votes.ok());
  ASSERT_EQ(votes->size(), 1u);
  EXPECT_EQ((*votes)[0].winner, test.winner) << test.name;
  EXPECT_EQ((*votes)[0].strength, test.strength) << test.name;
  EXPECT_NEAR((*votes)[0].confidence, test.confidence, 1e-12) << test.name;
}

// Codes: binary A=0 B=1; three_way A=0 tie=1 B=2; five_point -2..2 = 0..4.
INSTANTIATE_TEST_SUITE_P(
    Cases, PreferenceShareTest,
    ::testing::Values(ShareCase{"binary 2 of 3", PreferenceScale::kBinary, {0, 0, 1}, 0.6, -1, "", 2.0 / 3},
                      ShareCase{"binary 2 of 3 below a 0.7 bar", PreferenceScale::kBinary, {0, 0, 1}, 0.7, 0, "", 1.0 / 3},
                      ShareCase{"3 of 5 exactly at 0.6", PreferenceScale::kBinary, {1, 1, 1, 0, 0}, 0.6, 1, "", 0.6},
                      ShareCase{"ties dilute a side", PreferenceScale::kThreeWay, {2, 1, 1}, 0.6, 0, "", 2.0 / 3},
                      ShareCase{"five point much", PreferenceScale::kFivePoint, {4, 4, 3}, 0.6, 1, "much", 1.0},
                      ShareCase{"five point slightly", PreferenceScale::kFivePoint, {1, 1, 0, 3}, 0.6, -1, "slightly", 0.75}),
    [](const auto& info) {
      std::string name = info.param.name;
      for (char& c : name) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(PreferenceShareTest, RefusesBadThresholdsAndNonPairwiseQuestions) {
  QuestionSpec question = WithOptions(Question("p", QuestionKind::kPreference), {"a", "b"});
  CodedAnswers answers = CodedAnswersFromMatrix({{0, 1}}, 2);
  EXPECT_FALSE(PreferenceVoteShare(answers, *PreferenceMeanings(question), {0.5}).ok());
  EXPECT_FALSE(PreferenceVoteShare(answers, *PreferenceMeanings(question), {1.2}).ok());
  QuestionSpec three = WithOptions(Question("p", QuestionKind::kPreference), {"a", "b", "c"});
  EXPECT_FALSE(PreferenceMeanings(three).ok());
}

TEST(ScaleTest, OrdersAndLevelsByKind) {
  QuestionSpec rating = builders::Rating("r", {5, 1, 3});
  Result<Scale> scale = ScaleFor(rating);
  ASSERT_TRUE(scale.ok());
  EXPECT_EQ(scale->values, (std::vector<double>{1, 3, 5}));
  EXPECT_EQ(scale->level, Level::kRatio);
  EXPECT_EQ(ScaleFor(builders::Rating("r", {-1, 0, 1}))->level, Level::kInterval);
  QuestionSpec three_way = WithOptions(Question("p", QuestionKind::kPreference), {"x", "y"}, PreferenceScale::kThreeWay);
  EXPECT_EQ(ScaleFor(three_way)->names, (std::vector<std::string>{"x", "tie", "y"}));
  EXPECT_EQ(ScaleFor(three_way)->level, Level::kOrdinal);
  QuestionSpec many = WithOptions(Question("p", QuestionKind::kPreference), {"x", "y", "z"});
  EXPECT_EQ(ScaleFor(many)->level, Level::kNominal);
  EXPECT_FALSE(ScaleFor(Question("t", QuestionKind::kText)).ok());
  EXPECT_FALSE(Supports(*ScaleFor(builders::Rating("r", {-1, 0, 1})), Level::kRatio));
}

}  // namespace
}  // namespace quorum
