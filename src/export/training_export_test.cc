// Golden tests: each training format on the hand-worked fixtures of export_test_support.h.
// The expected lines are worked out by hand from the votes listed there.
#include "export/training_export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "export/export_test_support.h"

namespace quorum::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class TrainingExportTest : public ExportTest {
 protected:
  void SetUp() override {
    ExportTest::SetUp();
    preferences_ = MakeProject(PreferenceSchema());
    Import(preferences_, kPreferenceRows);
  }

  int64_t LeftOut(const ExportSummary& summary, LeftOutReason reason) {
    return summary.left_out[static_cast<int>(reason)];
  }

  Project preferences_;
};

TEST_F(TrainingExportTest, DpoKeepsMajorityPicksAndLeavesOutTiesSplitVotesGoldAndUnanswered) {
  ExportSummary summary;
  EXPECT_EQ(Export(preferences_, Policy(TrainingFormat::kDpo), &summary),
            "{\"prompt\":\"p1\",\"chosen\":\"a1\",\"rejected\":\"b1\"}\n"
            "{\"prompt\":\"p4\",\"chosen\":\"b4\",\"rejected\":\"a4\"}\n");
  EXPECT_EQ(summary.records, 8);
  EXPECT_EQ(summary.rows, 2);
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kGold), 1);            // r5
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kUnanswered), 2);      // r6, r8 (a draft)
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kTie), 2);             // r2 level, r7 "tie"
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kLowAgreement), 1);    // r3: B has 2 of 4
  EXPECT_EQ(summary.left_out_total(), 6);
  EXPECT_DOUBLE_EQ(summary.agreement_sum, 2.0 / 3 + 1);
  EXPECT_DOUBLE_EQ(summary.agreement_min, 2.0 / 3);
}

TEST_F(TrainingExportTest, PolicyOptionsChangeWhatIsKept) {
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.min_agreement = 0.5;  // r3 (B 2/4) now passes
  policy.include_gold = true;  // r5 (A A) too
  EXPECT_EQ(Export(preferences_, policy),
            "{\"prompt\":\"p1\",\"chosen\":\"a1\",\"rejected\":\"b1\"}\n"
            "{\"prompt\":\"p3\",\"chosen\":\"b3\",\"rejected\":\"a3\"}\n"
            "{\"prompt\":\"p4\",\"chosen\":\"b4\",\"rejected\":\"a4\"}\n"
            "{\"prompt\":\"p5\",\"chosen\":\"a5\",\"rejected\":\"b5\"}\n");

  policy.min_annotators = 3;  // r5 had two answers
  ExportSummary summary;
  EXPECT_EQ(Lines(Export(preferences_, policy, &summary)).size(), 3u);
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kTooFewAnnotators), 3);  // r2, r5, r7

  // Ties kept: r2's level vote is settled by the seeded coin (and passes 0.5); r7's "tie" is
  // still nothing to choose.
  ExportPolicy keep = Policy(TrainingFormat::kDpo);
  keep.keep_ties = true;
  keep.min_agreement = 0.5;
  const std::vector<std::string> lines = Lines(Export(preferences_, keep, &summary));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_THAT(lines[1], HasSubstr("\"prompt\":\"p2\""));
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kTie), 1);
  EXPECT_EQ(Export(preferences_, keep), Export(preferences_, keep)) << "the coin is seeded";
}

TEST_F(TrainingExportTest, RewardCarriesTheMarginTowardTheChosenResponse) {
  // r1: A +1, A +1, B -1 over 3 votes = 1/3 toward A; r4: three B votes = 1 toward B.
  EXPECT_EQ(Export(preferences_, Policy(TrainingFormat::kReward)),
            "{\"prompt\":\"p1\",\"chosen\":\"a1\",\"rejected\":\"b1\",\"margin\":0.3333333333333333}\n"
            "{\"prompt\":\"p4\",\"chosen\":\"b4\",\"rejected\":\"a4\",\"margin\":1.0}\n");
}

TEST_F(TrainingExportTest, FivePointMarginsCountMuchAsTwo) {
  Project project = MakeTemplateProject("preference-5point-rubric");
  Import(project, R"({"id":"f1","fields":{"prompt":"p","response_a":"a","response_b":"b"},"responses":[{"user":"ann1@x.org","values":{"preference":2,"helpfulness_a":1,"helpfulness_b":5,"safety_a":5,"safety_b":5,"rationale":"r"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":1,"helpfulness_a":1,"helpfulness_b":5,"safety_a":5,"safety_b":5,"rationale":"r"},"status":"submitted"}]})");
  // B much (2) and B slightly (1): margin 1.5.
  EXPECT_EQ(Export(project, Policy(TrainingFormat::kReward)),
            "{\"prompt\":\"p\",\"chosen\":\"b\",\"rejected\":\"a\",\"margin\":1.5}\n");
}

TEST_F(TrainingExportTest, DpoChatWrapsTextsAsMessages) {
  EXPECT_EQ(Lines(Export(preferences_, Policy(TrainingFormat::kDpoChat)))[0],
            R"({"prompt":[{"role":"user","content":"p1"}],"chosen":[{"role":"assistant","content":"a1"}],)"
            R"("rejected":[{"role":"assistant","content":"b1"}]})");
}

TEST_F(TrainingExportTest, DpoChatKeepsTheTurnsOfAMultiTurnPrompt) {
  Project project = MakeProject(ChatPreferenceSchema());
  Import(project, kChatPreferenceRows);
  EXPECT_EQ(Export(project, Policy(TrainingFormat::kDpoChat)),
            R"({"prompt":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"},)"
            R"({"role":"user","content":"Tell a joke"}],"chosen":[{"role":"assistant","content":"joke B"}],)"
            R"("rejected":[{"role":"assistant","content":"joke A"}]})"
            "\n");
  // The standard form flattens the turns into one string.
  EXPECT_EQ(Export(project, Policy(TrainingFormat::kDpo)),
            R"({"prompt":"user: Hi\n\nassistant: Hello\n\nuser: Tell a joke","chosen":"joke B","rejected":"joke A"})"
            "\n");
}

TEST_F(TrainingExportTest, KtoFromARatingUsesTheUpperHalfOfTheScale) {
  // Threshold 4 on 1..5. r1: 5 4 2 -> desirable 2/3; r2: 4 3 -> level; r4: 1 2 1 -> undesirable.
  ExportSummary summary;
  EXPECT_EQ(Export(preferences_, Policy(TrainingFormat::kKto), &summary),
            "{\"prompt\":\"p1\",\"completion\":\"a1\",\"label\":true}\n"
            "{\"prompt\":\"p4\",\"completion\":\"a4\",\"label\":false}\n");
  EXPECT_EQ(summary.question, "quality");
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kTie), 1);
  ExportPolicy strict = Policy(TrainingFormat::kKto);
  strict.kto_threshold = 5;  // r1: only the 5 is desirable -> undesirable 2/3
  EXPECT_EQ(Lines(Export(preferences_, strict))[0], "{\"prompt\":\"p1\",\"completion\":\"a1\",\"label\":false}");
}

TEST_F(TrainingExportTest, KtoFromAPreferenceWritesBothResponses) {
  ExportPolicy policy = Policy(TrainingFormat::kKto);
  policy.question = "preference";
  EXPECT_EQ(Export(preferences_, policy),
            "{\"prompt\":\"p1\",\"completion\":\"a1\",\"label\":true}\n"
            "{\"prompt\":\"p1\",\"completion\":\"b1\",\"label\":false}\n"
            "{\"prompt\":\"p4\",\"completion\":\"b4\",\"label\":true}\n"
            "{\"prompt\":\"p4\",\"completion\":\"a4\",\"label\":false}\n");
}

TEST_F(TrainingExportTest, KtoOnADialogueJudgesTheLastAssistantTurn) {
  Project project = MakeTemplateProject("dialogue-rating");
  Import(project, kDialogueRows);
  // quality 1..7: desirable from 5. d1: 6 7 -> true; d2: 2 -> false.
  EXPECT_EQ(Export(project, Policy(TrainingFormat::kKto)),
            R"({"prompt":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"},)"
            R"({"role":"user","content":"Capital of France?"}],"completion":[{"role":"assistant","content":"Paris."}],"label":true})"
            "\n"
            R"({"prompt":[{"role":"user","content":"2+2?"}],"completion":[{"role":"assistant","content":"5"}],"label":false})"
            "\n");
  ExportPolicy safety = Policy(TrainingFormat::kKto);
  safety.question = "safe";  // a label question: its first label, "safe", is desirable
  const std::vector<std::string> lines = Lines(Export(project, safety));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_THAT(lines[0], HasSubstr("\"label\":true"));
  EXPECT_THAT(lines[1], HasSubstr("\"label\":false"));
}

TEST_F(TrainingExportTest, SftFormatsWriteEveryWrittenAnswer) {
  EXPECT_EQ(Export(preferences_, Policy(TrainingFormat::kSftMessages)),
            R"({"messages":[{"role":"user","content":"p1"},{"role":"assistant","content":"better 1"}]})"
            "\n"
            R"({"messages":[{"role":"user","content":"p4"},{"role":"assistant","content":"better 4a"}]})"
            "\n"
            R"({"messages":[{"role":"user","content":"p4"},{"role":"assistant","content":"better 4b"}]})"
            "\n");
  EXPECT_EQ(Export(preferences_, Policy(TrainingFormat::kSftAlpaca)),
            "{\"instruction\":\"p1\",\"input\":\"\",\"output\":\"better 1\"}\n"
            "{\"instruction\":\"p4\",\"input\":\"\",\"output\":\"better 4a\"}\n"
            "{\"instruction\":\"p4\",\"input\":\"\",\"output\":\"better 4b\"}\n");
  ExportSummary summary;
  EXPECT_EQ(Export(preferences_, Policy(TrainingFormat::kSftPromptCompletion), &summary),
            "{\"prompt\":\"p1\",\"completion\":\"better 1\"}\n"
            "{\"prompt\":\"p4\",\"completion\":\"better 4a\"}\n"
            "{\"prompt\":\"p4\",\"completion\":\"better 4b\"}\n");
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kUnanswered), 5);  // r2 r3 r6 r7 r8
  EXPECT_EQ(summary.agreement_rows, 0) << "written text has no vote";
}

TEST_F(TrainingExportTest, RankingPairsAllAndBestVsEach) {
  Project project = MakeTemplateProject("best-of-n-ranking");
  Import(project, kRankingRows);
  EXPECT_EQ(Export(project, Policy(TrainingFormat::kRankingPairs)),
            "{\"prompt\":\"rank me\",\"chosen\":\"one\",\"rejected\":\"two\"}\n"
            "{\"prompt\":\"rank me\",\"chosen\":\"one\",\"rejected\":\"three\"}\n"
            "{\"prompt\":\"rank me\",\"chosen\":\"one\",\"rejected\":\"four\"}\n"
            "{\"prompt\":\"rank me\",\"chosen\":\"two\",\"rejected\":\"three\"}\n"
            "{\"prompt\":\"rank me\",\"chosen\":\"two\",\"rejected\":\"four\"}\n"
            "{\"prompt\":\"rank me\",\"chosen\":\"three\",\"rejected\":\"four\"}\n");
  ExportPolicy best = Policy(TrainingFormat::kRankingPairs);
  best.ranking_pairs = RankingPairs::kBestVsEach;
  best.min_agreement = 0.7;  // 1 > 2 has 2 of 3
  ExportSummary summary;
  EXPECT_EQ(Export(project, best, &summary),
            "{\"prompt\":\"rank me\",\"chosen\":\"one\",\"rejected\":\"three\"}\n"
            "{\"prompt\":\"rank me\",\"chosen\":\"one\",\"rejected\":\"four\"}\n");
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kLowAgreement), 1);
  // dpo from a ranking: the best against the worst.
  EXPECT_EQ(Export(project, Policy(TrainingFormat::kDpo)),
            "{\"prompt\":\"rank me\",\"chosen\":\"one\",\"rejected\":\"four\"}\n");
}

TEST_F(TrainingExportTest, ProvenanceNamesTheRecordTheVoteAndTheAnnotators) {
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.provenance = true;
  const std::vector<std::string> lines = Lines(Export(preferences_, policy));
  ASSERT_EQ(lines.size(), 2u);
  const nlohmann::json first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["external_id"], "r1");
  EXPECT_EQ(first["record_id"], store_->ListRecords(preferences_.id, 0, 1).value()[0].id);
  EXPECT_DOUBLE_EQ(first["agreement"].get<double>(), 2.0 / 3);
  EXPECT_EQ(first["n_annotators"], 3);
  EXPECT_EQ(first["annotator_ids"], nlohmann::json({UserId("ann1@x.org"), UserId("ann2@x.org"), UserId("ann3@x.org")}));
  EXPECT_EQ(first["guideline_version"], 1);
}

TEST_F(TrainingExportTest, DawidSkeneAndWeightedVotes) {
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.method = AggregationMethod::kDawidSkene;
  policy.provenance = true;
  const std::vector<std::string> lines = Lines(Export(preferences_, policy));
  ASSERT_FALSE(lines.empty());
  // r4 is unanimous: its posterior for B is near 1.
  nlohmann::json r4;
  for (const std::string& line : lines)
    if (nlohmann::json row = nlohmann::json::parse(line); row["external_id"] == "r4") r4 = row;
  ASSERT_TRUE(r4.is_object());
  EXPECT_EQ(r4["chosen"], "b4");
  EXPECT_GT(r4["agreement"].get<double>(), 0.9);

  // Weighted by gold accuracy: r5 is the only gold record and ann1 and ann2 got it right, so
  // they outweigh ann3 (no gold: the median weight) as they do in the plain vote.
  policy.method = AggregationMethod::kWeighted;
  policy.provenance = false;
  EXPECT_EQ(Lines(Export(preferences_, policy))[0], "{\"prompt\":\"p1\",\"chosen\":\"a1\",\"rejected\":\"b1\"}");
}

TEST_F(TrainingExportTest, CalibrationRecordsAreMarkedInMetadata) {
  Project project = MakeProject(ChatPreferenceSchema());
  Import(project, R"({"id":"c2","fields":{"prompt":[{"role":"user","content":"q"}],"response_a":"a","response_b":"b"},"metadata":{"calibration":true},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a"},"status":"submitted"}]}
{"id":"c3","fields":{"prompt":[{"role":"user","content":"r"}],"response_a":"a","response_b":"b"},"metadata":{"calibration":"yes"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_b"},"status":"submitted"}]})");
  EXPECT_EQ(Lines(Export(project, Policy(TrainingFormat::kDpo))).size(), 2u);
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.include_calibration = false;
  ExportSummary summary;
  // Only the boolean true marks a calibration record.
  EXPECT_EQ(Export(project, policy, &summary), "{\"prompt\":\"user: r\",\"chosen\":\"b\",\"rejected\":\"a\"}\n");
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kCalibration), 1);
}

// Calibration as the distribution engine defines it: the project's first K records by id, and
// listed ids. Fixture r1 (A 2/3), r3 (split), r4 (B 3/3), r7 ("tie") and r2 (level) give no row
// anyway; r1 and r4 are the two rows, so each rule shows in what is left.
TEST_F(TrainingExportTest, CalibrationRecordsComeFromTheDistributionSettings) {
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.include_calibration = false;
  const std::vector<Record> records = store_->ListRecords(preferences_.id, 0, 10).value();
  ASSERT_EQ(records.size(), 8u);

  Project first_two = preferences_;
  first_two.settings = {{"calibration", 2}};  // r1 and r2
  ASSERT_TRUE(store_->UpdateProject(first_two).ok());
  ExportSummary summary;
  EXPECT_EQ(Export(first_two, policy, &summary), "{\"prompt\":\"p4\",\"chosen\":\"b4\",\"rejected\":\"a4\"}\n");
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kCalibration), 2);

  Project listed = preferences_;
  listed.settings = {{"calibration", {records[3].id, records[6].id}}};  // r4 and r7
  ASSERT_TRUE(store_->UpdateProject(listed).ok());
  EXPECT_EQ(Export(listed, policy, &summary), "{\"prompt\":\"p1\",\"chosen\":\"a1\",\"rejected\":\"b1\"}\n");
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kCalibration), 2);

  // Included (the default), calibration records are rows like the others.
  EXPECT_EQ(Lines(Export(listed, Policy(TrainingFormat::kDpo))).size(), 2u);

  Project malformed = preferences_;
  malformed.settings = {{"calibration", "all"}};
  std::string out;
  std::unique_ptr<ByteSink> sink = StringSink(out);
  Result<ExportSummary> refused = ExportTraining(*store_, malformed, policy, *sink);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().ToString().find("calibration"), std::string::npos) << refused.error().ToString();
}

TEST_F(TrainingExportTest, RefusesWhatDoesNotFitWithAClearMessage) {
  std::string out;
  std::unique_ptr<ByteSink> sink = StringSink(out);
  ExportPolicy policy = Policy(TrainingFormat::kRankingPairs);
  Result<ExportSummary> result = ExportTraining(*store_, preferences_, policy, *sink);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("ranking-pairs needs a ranking question and the project has none"));

  policy = Policy(TrainingFormat::kDpo);
  policy.question = "quality";
  result = ExportTraining(*store_, preferences_, policy, *sink);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("'quality' is a rating question; dpo reads preference or ranking"));

  policy.question = "nope";
  EXPECT_THAT(ExportTraining(*store_, preferences_, policy, *sink).error().message,
              HasSubstr("the project has no question 'nope'"));

  Project chat = MakeProject(ChatPreferenceSchema());
  Import(chat, kChatPreferenceRows);
  policy = Policy(TrainingFormat::kDpo);
  policy.method = AggregationMethod::kWeighted;  // no gold anywhere
  result = ExportTraining(*store_, chat, policy, *sink);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("method weighted"));

  Schema list_ranking;
  list_ranking.fields = {builders::Field("prompt", FieldKind::kText), builders::Field("items", FieldKind::kItemList)};
  QuestionSpec rank = builders::Question("rank", QuestionKind::kRanking);
  rank.field = "items";
  list_ranking.questions = {rank};
  result = ExportTraining(*store_, MakeProject(list_ranking), Policy(TrainingFormat::kRankingPairs), *sink);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.error().message, HasSubstr("'rank' ranks the items of list field 'items'"));
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace quorum::testing
