#include "quality/annotator_scores.h"

#include <gtest/gtest.h>

#include "core/test_builders.h"

namespace quorum {
namespace {

using builders::Question;
using builders::WithLabels;

TEST(AnnotatorScoresTest, CombinesGoldPeersTimeAndSuggestionsIntoFlags) {
  // Three annotators, 20 items. 0 agrees with 1; 2 contradicts them. Gold on the first 10 items
  // (the consensus answer), a suggestion on every item equal to the consensus.
  QuestionAnswers label;
  label.question = WithLabels(Question("topic", QuestionKind::kLabel), {"a", "b"});
  label.scale = *ScaleFor(label.question);
  std::vector<std::vector<int32_t>> rows;
  for (int item = 0; item < 20; ++item) rows.push_back({item % 2, item % 2, 1 - item % 2});
  label.answers = CodedAnswersFromMatrix(rows, 2);
  for (int item = 0; item < 20; ++item) {
    label.gold.push_back(item < 10 ? item % 2 : -1);
    label.suggestions.push_back(item % 2);
  }
  QuestionAnswers text;
  text.question = Question("why", QuestionKind::kText);
  text.answers = CodedAnswersFromMatrix({{0, 1, 2}}, 3);
  std::vector<QuestionAnswers> questions = {label, text};

  std::vector<std::vector<int64_t>> times = {std::vector<int64_t>(20, 30000), std::vector<int64_t>(20, 2000),
                                             std::vector<int64_t>(20, 45000)};
  QualitySettings settings;
  settings.gold_suspend_below = 0.7;
  settings.gold_suspend_after = 10;
  std::vector<AnnotatorScore> scores = ScoreAnnotators(questions, times, 3, settings);
  ASSERT_EQ(scores.size(), 3u);

  EXPECT_EQ(scores[0].gold.total, 10);
  EXPECT_EQ(scores[0].gold.correct, 10);
  EXPECT_EQ(scores[2].gold.correct, 0);
  EXPECT_TRUE(scores[2].suspension.suspend);
  EXPECT_FALSE(scores[0].suspension.suspend);
  // Peer agreement: with 2 others left, 0's consensus is 1's answer and vice versa; 2 never
  // agrees, and 0 and 1 see no consensus (a tie between the others).
  EXPECT_EQ(scores[2].peer_items, 20);
  EXPECT_EQ(*scores[2].peer_agreement, 0);
  EXPECT_EQ(scores[0].peer_items, 0);
  EXPECT_EQ(scores[0].responses, 20);
  EXPECT_DOUBLE_EQ(scores[0].time.median_seconds, 30);

  auto has = [](const AnnotatorScore& score, const std::string& flag) {
    return std::find(score.flags.begin(), score.flags.end(), flag) != score.flags.end();
  };
  EXPECT_TRUE(has(scores[1], "too_fast"));
  EXPECT_TRUE(has(scores[0], "rubber_stamping"));    // never changed a suggestion
  EXPECT_TRUE(has(scores[2], "noisy_suggestions"));  // changed every one
  EXPECT_TRUE(has(scores[2], "failing_gold"));
  EXPECT_FALSE(has(scores[0], "failing_gold"));
  EXPECT_EQ(scores[0].override_reading, "rubber-stamping");
}

}  // namespace
}  // namespace quorum
