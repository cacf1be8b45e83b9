#include "quality/project_aggregation.h"

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

std::vector<QuestionAnswers> Project() {
  std::vector<QuestionAnswers> questions;
  questions.push_back(Scaled(WithOptions(Question("pref", QuestionKind::kPreference), {"a", "b"}), {{0, 0, 1}, {1, 1, 0}, {0, 1, 1}}));
  questions.push_back(Scaled(builders::Rating("stars", {1, 2, 3}), {{0, 1, 2}, {2, 2, 2}, {1, 1, -1}}));
  QuestionAnswers why;
  why.question = Question("why", QuestionKind::kText);
  why.answers = CodedAnswersFromMatrix({{0, 1, 2}}, 3);
  questions.push_back(why);
  return questions;
}

TEST(ProjectAggregationTest, DefaultsPerQuestionAndTextSkipped) {
  Result<std::vector<QuestionAggregates>> result = AggregateQuestions(Project(), AggregationRequest{});
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  ASSERT_EQ(result->size(), 2u);
  EXPECT_EQ((*result)[0].method, "vote-share");
  EXPECT_EQ((*result)[1].method, "mean");
}

TEST(ProjectAggregationTest, AMethodSkipsQuestionsItDoesNotFitUnlessTheyWereNamed) {
  AggregationRequest request;
  request.method = AggregationMethod::kMedian;
  Result<std::vector<QuestionAggregates>> result = AggregateQuestions(Project(), request);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->size(), 1u);
  EXPECT_EQ((*result)[0].question, "stars");
  request.questions_named = true;
  EXPECT_FALSE(AggregateQuestions(Project(), request).ok());
  std::vector<QuestionAnswers> text_only = {Project()[2]};
  Result<std::vector<QuestionAggregates>> none = AggregateQuestions(text_only, AggregationRequest{});
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("text"), std::string::npos);
}

TEST(ProjectAggregationTest, WeightedVoteFallsBackToProjectWideGold) {
  std::vector<QuestionAnswers> questions = Project();
  // Gold only on "stars": annotator 2 is always right there, annotators 0 and 1 never.
  questions[1].gold = {2, -1, -1};
  questions[1].answers = CodedAnswersFromMatrix({{0, 1, 2}, {2, 2, 2}, {1, 1, -1}}, 3);
  AggregationRequest request;
  request.method = AggregationMethod::kWeighted;
  Result<std::vector<QuestionAggregates>> result = AggregateQuestions(questions, request);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  // "pref" has no gold of its own: annotator 2's project-wide record decides item 0 (0, 0, 1).
  EXPECT_EQ((*result)[0].question, "pref");
  EXPECT_EQ((*result)[0].rows[0].value, "b");
}

TEST(ProjectAggregationTest, LeaderboardNeedsAPreferenceAndModels) {
  std::vector<QuestionAnswers> questions = Project();
  std::vector<int32_t> model_a = {0, 1, 0}, model_b = {1, 2, 2};
  Result<ModelLeaderboard> board = PreferenceLeaderboard(questions, model_a, model_b, 3);
  ASSERT_TRUE(board.ok()) << board.error().ToString();
  EXPECT_EQ(board->question, "pref");
  EXPECT_EQ(board->records, 3);
  EXPECT_EQ(board->board.models.size(), 3u);
  std::vector<int32_t> none = {-1, -1, -1};
  EXPECT_FALSE(PreferenceLeaderboard(questions, none, none, 3).ok());
  std::vector<QuestionAnswers> ratings_only = {questions[1]};
  EXPECT_FALSE(PreferenceLeaderboard(ratings_only, model_a, model_b, 3).ok());
}

}  // namespace
}  // namespace quorum
