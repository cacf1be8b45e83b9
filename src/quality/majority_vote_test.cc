#include "quality/majority_vote.h"

#include <gtest/gtest.h>

#include "quality/vote_weights.h"

namespace quorum {
namespace {

struct VoteCase {
  const char* name;
  std::vector<int32_t> row;  // one item, -1 = no answer
  TiePolicy policy;
  int32_t code;
  double confidence;
  bool tied;
};

class MajorityVoteTest : public ::testing::TestWithParam<VoteCase> {};

TEST_P(MajorityVoteTest, DecidesAsStated) {
  const VoteCase& test = GetParam();
  std::vector<ItemAggregate> votes = MajorityVote(CodedAnswersFromMatrix({test.row}, 4), test.policy);
  ASSERT_EQ(votes.size(), 1u) << test.name;
  EXPECT_EQ(votes[0].code, test.code) << test.name;
  EXPECT_DOUBLE_EQ(votes[0].confidence, test.confidence) << test.name;
  EXPECT_EQ(votes[0].tied, test.tied) << test.name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MajorityVoteTest,
    ::testing::Values(VoteCase{"clear majority", {2, 2, 1}, TiePolicy::kUnresolved, 2, 2.0 / 3, false},
                      VoteCase{"unanimous", {3, 3, 3}, TiePolicy::kUnresolved, 3, 1.0, false},
                      VoteCase{"single answer", {-1, 1, -1}, TiePolicy::kUnresolved, 1, 1.0, false},
                      VoteCase{"plurality", {0, 1, 2, 2}, TiePolicy::kUnresolved, 2, 0.5, false},
                      VoteCase{"tie left unresolved", {3, 1}, TiePolicy::kUnresolved, -1, 0.5, true},
                      VoteCase{"tie to first code", {3, 1}, TiePolicy::kFirstCode, 1, 0.5, true},
                      VoteCase{"three-way tie to first", {2, 0, 3}, TiePolicy::kFirstCode, 0, 1.0 / 3, true}),
    [](const auto& info) {
      std::string name = info.param.name;
      for (char& c : name) if (c == ' ' || c == '-') c = '_';
      return name;
    });

TEST(MajorityVoteTest, ItemsWithoutAnswersAreSkipped) {
  std::vector<ItemAggregate> votes = MajorityVote(CodedAnswersFromMatrix({{0, 0}, {-1, -1}, {1, 1}}, 2), TiePolicy::kUnresolved);
  ASSERT_EQ(votes.size(), 2u);
  EXPECT_EQ(votes[1].item, 2);
}

TEST(MajorityVoteTest, RandomTiesAreReproducibleAndUseEveryTiedCode) {
  std::vector<std::vector<int32_t>> rows(400, {0, 1});
  CodedAnswers answers = CodedAnswersFromMatrix(rows, 2);
  std::vector<ItemAggregate> first = MajorityVote(answers, TiePolicy::kRandom, 7);
  std::vector<ItemAggregate> again = MajorityVote(answers, TiePolicy::kRandom, 7);
  std::vector<ItemAggregate> other_seed = MajorityVote(answers, TiePolicy::kRandom, 8);
  int ones = 0, differ = 0;
  for (size_t index = 0; index < first.size(); ++index) {
    EXPECT_EQ(first[index].code, again[index].code);
    EXPECT_TRUE(first[index].tied);
    ones += first[index].code == 1;
    differ += first[index].code != other_seed[index].code;
  }
  EXPECT_GT(ones, 150);
  EXPECT_LT(ones, 250);
  EXPECT_GT(differ, 100);
}

TEST(WeightedVoteTest, AReliableAnnotatorOutweighsTwoUnreliableOnes) {
  CodedAnswers answers = CodedAnswersFromMatrix({{0, 1, 1}}, 2);
  EXPECT_EQ(MajorityVote(answers, TiePolicy::kUnresolved)[0].code, 1);
  std::vector<ItemAggregate> weighted = WeightedVote(answers, std::vector<double>{3.0, 1.0, 1.0}, TiePolicy::kUnresolved);
  EXPECT_EQ(weighted[0].code, 0);
  EXPECT_DOUBLE_EQ(weighted[0].confidence, 0.6);
  // All weights zero: heads are counted instead.
  EXPECT_EQ(WeightedVote(answers, std::vector<double>{0, 0, 0}, TiePolicy::kUnresolved)[0].code, 1);
}

TEST(VoteWeightsTest, FollowGoldAccuracy) {
  std::vector<GoldAccuracy> accuracy = {{0, 19, 20}, {1, 12, 20}, {2, 5, 20}, {3, 0, 0}, {4, 10, 20}};
  Result<std::vector<double>> weights = GoldVoteWeights(accuracy, 2);
  ASSERT_TRUE(weights.ok());
  EXPECT_GT((*weights)[0], (*weights)[1]);
  EXPECT_GT((*weights)[1], 0);
  EXPECT_EQ((*weights)[2], 0);  // worse than chance: ignored, not inverted
  EXPECT_EQ((*weights)[4], 0);  // chance
  // No gold: the median of the others (0.0, 0.0, w1, w0 -> (0 + w1) / 2).
  EXPECT_DOUBLE_EQ((*weights)[3], (0 + (*weights)[1]) / 2);
  // With more codes, chance is lower, so 50% is informative.
  EXPECT_GT((*GoldVoteWeights(accuracy, 5))[4], 0);
}

TEST(VoteWeightsTest, WithoutAnyGoldSaysWhatToDo) {
  Result<std::vector<double>> weights = GoldVoteWeights(std::vector<GoldAccuracy>{{0, 0, 0}, {1, 0, 0}}, 3);
  ASSERT_FALSE(weights.ok());
  EXPECT_NE(weights.error().message.find("gold"), std::string::npos);
}

TEST(GoldAccuracyTest, CountsOnlyGoldItems) {
  CodedAnswers answers = CodedAnswersFromMatrix({{0, 1}, {1, 1}, {0, 0}, {1, -1}}, 2);
  std::vector<GoldAccuracy> accuracy = GoldAccuracyOf(answers, std::vector<int32_t>{0, -1, 0, 0});
  ASSERT_EQ(accuracy.size(), 2u);
  EXPECT_EQ(accuracy[0].total, 3);
  EXPECT_EQ(accuracy[0].correct, 2);
  EXPECT_EQ(accuracy[1].total, 2);
  EXPECT_EQ(accuracy[1].correct, 1);
  EXPECT_DOUBLE_EQ(*accuracy[1].accuracy(), 0.5);
  std::vector<GoldAccuracy> sums;
  AddGoldAccuracy(sums, accuracy);
  AddGoldAccuracy(sums, accuracy);
  EXPECT_EQ(sums[0].total, 6);
}

}  // namespace
}  // namespace quorum
