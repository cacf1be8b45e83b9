// The engine against a real SQLite store: overlap, leases, skips, calibration, gold,
// eligibility, pauses and progress.
#include "dist/distributor.h"

#include <set>

#include <gtest/gtest.h>

#include "dist/dist_test_support.h"

namespace quorum::testing {
namespace {

constexpr int64_t kMinute = 60 * 1000;

using DistributorTest = DistTest;

TEST_F(DistributorTest, OverlapFillsEachRecordWithDistinctAnnotators) {
  Settings({{"overlap", 2}});
  std::vector<int64_t> ids = AddPlainRecords(2);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org"), c = Annotator("c@x.org");
  EXPECT_EQ(NextId(a), ids[0]);
  EXPECT_EQ(NextId(a), ids[0]) << "asking again returns the live reservation";
  EXPECT_EQ(NextId(b), ids[0]);
  EXPECT_EQ(NextId(c), ids[1]) << "both places of the first record are held";
  ASSERT_TRUE(Answer(a, ids[0]).ok());
  EXPECT_EQ(NextId(a), ids[1]);
  ASSERT_TRUE(Answer(b, ids[0]).ok());
  EXPECT_EQ(NextId(b), 0) << "record 1 answered, record 2 held by a and c";
  ASSERT_TRUE(Answer(a, ids[1]).ok());
  ASSERT_TRUE(Answer(c, ids[1]).ok());
  ProgressFigures progress = distributor_->Progress(CurrentProject(), a.id).value();
  EXPECT_EQ(progress.project_done, 2);
  EXPECT_EQ(progress.project_total, 2);
  EXPECT_TRUE(progress.complete);
  EXPECT_EQ(progress.mine_done, 2);
  EXPECT_EQ(progress.mine_total, 2);
}

TEST_F(DistributorTest, ADiscardedRecordNeverComesBack) {
  std::vector<int64_t> ids = AddPlainRecords(2);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  EXPECT_EQ(NextId(a), ids[0]);
  ASSERT_TRUE(Answer(a, ids[0], ResponseStatus::kDiscarded).ok());
  EXPECT_EQ(NextId(a), ids[1]);
  ASSERT_TRUE(Answer(a, ids[1]).ok());
  EXPECT_EQ(NextId(a), 0);
  EXPECT_EQ(NextId(b), ids[0]) << "a discard does not take a place by default";
}

TEST_F(DistributorTest, DiscardsCanCountTowardOverlap) {
  Settings({{"discards_count_toward_overlap", true}});
  std::vector<int64_t> ids = AddPlainRecords(1);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  EXPECT_EQ(NextId(a), ids[0]);
  ASSERT_TRUE(Answer(a, ids[0], ResponseStatus::kDiscarded).ok());
  EXPECT_EQ(NextId(b), 0);
}

TEST_F(DistributorTest, ExpiredReservationsReturnToThePoolAndLateSubmitsAreCheckedForRoom) {
  Settings({{"lease_minutes", 15}});
  std::vector<int64_t> ids = AddPlainRecords(2);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org"), c = Annotator("c@x.org");
  Result<NextOutcome> first = distributor_->Next(CurrentProject(), a);
  ASSERT_TRUE(first->assignment);
  EXPECT_EQ(first->assignment->expires_at_ms, clock_.NowMs() + 15 * kMinute);
  EXPECT_EQ(NextId(b), ids[1]);
  clock_.Advance(16 * kMinute);
  EXPECT_EQ(NextId(c), ids[0]) << "a's lease ran out";
  ASSERT_TRUE(Answer(c, ids[0]).ok());
  Result<Response> late = Answer(a, ids[0]);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_NE(late.error().message.find("already has all the responses it needs"), std::string::npos);
  // b's lease ran out too, but nobody took record 2: b's late submission is accepted.
  EXPECT_TRUE(Answer(b, ids[1]).ok());
  EXPECT_EQ(NextId(a), 0) << "a never gets record 1 again, and record 2 is full";
}

TEST_F(DistributorTest, ALateSubmitLosesToALiveReservation) {
  std::vector<int64_t> ids = AddPlainRecords(1);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  EXPECT_EQ(NextId(a), ids[0]);
  clock_.Advance(16 * kMinute);
  EXPECT_EQ(NextId(b), ids[0]);
  EXPECT_EQ(Answer(a, ids[0]).error().code, ErrorCode::kConflict);
  EXPECT_TRUE(Answer(b, ids[0]).ok());
}

TEST_F(DistributorTest, DraftsExtendTheLease) {
  std::vector<int64_t> ids = AddPlainRecords(1);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  EXPECT_EQ(NextId(a), ids[0]);
  clock_.Advance(10 * kMinute);
  ASSERT_TRUE(Answer(a, ids[0], ResponseStatus::kDraft).ok());
  clock_.Advance(10 * kMinute);  // 20 minutes after the hand-out, 10 after the draft
  EXPECT_EQ(NextId(b), 0);
  clock_.Advance(6 * kMinute);
  EXPECT_EQ(NextId(b), ids[0]);
}

TEST_F(DistributorTest, CalibrationGoesToEveryoneFirstAndIsNotHeldToOverlap) {
  Settings({{"calibration", 2}});
  std::vector<int64_t> ids = AddPlainRecords(4);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  EXPECT_EQ(TakeAndSubmit(a), ids[0]);
  EXPECT_EQ(TakeAndSubmit(a), ids[1]);
  EXPECT_EQ(NextId(a), ids[2]);
  EXPECT_EQ(TakeAndSubmit(b), ids[0]);
  EXPECT_EQ(TakeAndSubmit(b), ids[1]);
  EXPECT_EQ(NextId(b), ids[3]);
  Settings({{"calibration", {ids[3]}}});
  User c = Annotator("c@x.org");
  EXPECT_EQ(NextId(c), ids[3]) << "a chosen calibration record, though b holds it";
}

TEST_F(DistributorTest, GoldIsMixedInAtTheRatioOncePerAnnotatorAndFillsNothing) {
  Settings({{"gold_ratio", 0.5}, {"overlap", 2}});
  std::vector<int64_t> plain = AddPlainRecords(3);
  RecordSpec gold_spec;
  gold_spec.gold_json = R"({"quality":"good"})";
  std::vector<int64_t> gold = AddRecords({gold_spec, gold_spec});
  const std::set<int64_t> gold_ids(gold.begin(), gold.end());
  for (const char* email : {"a@x.org", "b@x.org"}) {
    User user = Annotator(email);
    std::vector<int64_t> stream;
    while (int64_t id = TakeAndSubmit(user)) stream.push_back(id);
    std::set<int64_t> distinct(stream.begin(), stream.end());
    EXPECT_EQ(distinct.size(), stream.size()) << email << " got a record twice";
    ASSERT_GE(stream.size(), 4u) << email;
    EXPECT_FALSE(gold_ids.count(stream[0]));
    EXPECT_TRUE(gold_ids.count(stream[1])) << "the second of every two is gold";
    EXPECT_FALSE(gold_ids.count(stream[2]));
    EXPECT_TRUE(gold_ids.count(stream[3]));
    int gold_seen = 0;
    for (int64_t id : stream) gold_seen += gold_ids.count(id);
    EXPECT_EQ(gold_seen, 2) << "both gold records, once each, for every annotator";
  }
  ProgressFigures progress = distributor_->Progress(CurrentProject(), 0).value();
  EXPECT_EQ(progress.project_total, 3) << "gold records are not counted";
  EXPECT_TRUE(progress.complete);
}

TEST_F(DistributorTest, AnnotatorsGetOnlyRecordsTheyQualifyFor) {
  std::vector<int64_t> ids = AddRecords({{R"({"min_tier": 2})"}, {R"({"specialization": "medical"})"}, {}});
  User novice = Annotator("novice@x.org");
  User expert = Annotator("expert@x.org", 2, {"medical", "code"});
  User senior = Annotator("senior@x.org", 3);
  EXPECT_EQ(TakeAndSubmit(novice), ids[2]);
  EXPECT_EQ(NextId(novice), 0);
  EXPECT_EQ(TakeAndSubmit(expert), ids[0]);
  EXPECT_EQ(TakeAndSubmit(expert), ids[1]);
  EXPECT_EQ(NextId(senior), 0) << "record 1 is full, record 2 needs medical";
}

TEST_F(DistributorTest, ManagersCanPauseTheProjectOrOneAnnotator) {
  AddPlainRecords(2);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  Settings({{"paused", true}});
  EXPECT_EQ(distributor_->Next(CurrentProject(), a)->reason, NoRecordReason::kProjectPaused);
  Settings({{"paused_annotators", {a.id}}});
  Result<NextOutcome> paused = distributor_->Next(CurrentProject(), a);
  EXPECT_FALSE(paused->assignment);
  EXPECT_EQ(paused->reason, NoRecordReason::kAnnotatorPaused);
  EXPECT_NE(NextId(b), 0);
}

TEST_F(DistributorTest, InvalidSettingsAreReported) {
  AddPlainRecords(1);
  Settings({{"overlap", 0}});
  Result<NextOutcome> next = distributor_->Next(CurrentProject(), Annotator("a@x.org"));
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().problems.at(0).subject, "overlap");
}

TEST_F(DistributorTest, QueueStatisticsShowStatesReservationsAndAnnotators) {
  Settings({{"overlap", 2}});
  std::vector<int64_t> ids = AddPlainRecords(3);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  TakeAndSubmit(a);
  TakeAndSubmit(b);
  EXPECT_EQ(NextId(a), ids[1]);
  QueueStats stats = distributor_->Queue(CurrentProject(), 10).value();
  EXPECT_EQ(stats.counts.records, 3);
  EXPECT_EQ(stats.counts.complete, 1);
  EXPECT_EQ(stats.counts.started, 0);
  EXPECT_EQ(stats.live_reservations, 1);
  ASSERT_EQ(stats.reservations.size(), 1u);
  EXPECT_EQ(stats.reservations[0].record_id, ids[1]);
  EXPECT_EQ(stats.reservations[0].user_id, a.id);
  ASSERT_EQ(stats.annotators.size(), 2u);
  EXPECT_EQ(stats.annotators[0].user_id, a.id);
  EXPECT_EQ(stats.annotators[0].served, 2);
  EXPECT_EQ(stats.annotators[0].submitted, 1);
  EXPECT_EQ(stats.annotators[0].holding, 1);
}

}  // namespace
}  // namespace quorum::testing
