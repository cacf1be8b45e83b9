// Store::Reserve and the bookkeeping behind it: what the triggers keep when records are
// re-imported (gold, requirements), responses arrive without a reservation, and projects go;
// saves that only the record's annotators may make.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum::testing {
namespace {

class StoreReserveTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
    user_ = NewUser("a@x.org");
  }

  ReserveRequest Request(int64_t user_id, int overlap = 1) {
    ReserveRequest request;
    request.project_id = project_;
    request.user_id = user_id;
    request.overlap = overlap;
    request.now_ms = clock_.NowMs();
    return request;
  }

  int64_t ReservedId(const ReserveRequest& request) {
    Result<std::optional<Reservation>> reserved = store_->Reserve(request);
    EXPECT_TRUE(reserved.ok()) << reserved.error().ToString();
    return reserved.ok() && *reserved ? (*reserved)->record_id : 0;
  }

  // Re-imports record `external_id` with new metadata and gold.
  void Update(const std::string& external_id, const std::string& metadata, const std::string& gold) {
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_).value();
    RecordRow row{external_id, R"({"prompt":"x"})", metadata, gold, 0, 0};
    ASSERT_TRUE(batch->PutRecord(row, OnDuplicate::kUpdate).ok());
    ASSERT_TRUE(batch->Commit().ok());
  }

  int64_t project_ = 0;
  int64_t user_ = 0;
};

TEST_F(StoreReserveTest, ReimportedGoldAndRequirementsReachTheQueue) {
  std::vector<int64_t> ids = ImportRecords(project_, {"a", "b"});
  EXPECT_EQ(store_->ProgressOf(project_, 0, 1)->records, 2);
  Update("a", R"({"min_tier": 1})", R"({"quality":"good"})");
  DistributionProgress progress = store_->ProgressOf(project_, 0, 1).value();
  EXPECT_EQ(progress.records, 1);
  EXPECT_EQ(progress.gold, 1);
  Update("b", R"({"specialization": "code"})", "{}");
  EXPECT_EQ(ReservedId(Request(user_)), 0) << "a is gold (not due), b needs the code specialization";
  ReserveRequest coder = Request(user_);
  coder.user_specializations = {"code"};
  EXPECT_EQ(ReservedId(coder), ids[1]);
}

TEST_F(StoreReserveTest, AnImportedResponseCountsAsAHandOut) {
  std::vector<int64_t> ids = ImportRecords(project_, {"a", "b"});
  Response response;
  response.record_id = ids[0];
  response.user_id = user_;
  response.status = ResponseStatus::kDraft;
  ASSERT_TRUE(store_->SaveResponse(response, user_).ok());
  EXPECT_TRUE(*store_->WasHandedOut(ids[0], user_));
  EXPECT_EQ(ReservedId(Request(user_, 2)), ids[1]);
}

TEST_F(StoreReserveTest, ALiveReservationIsReturnedUntilItExpires) {
  std::vector<int64_t> ids = ImportRecords(project_, {"a", "b"});
  ReserveRequest request = Request(user_);
  request.lease_ms = 1000;
  EXPECT_EQ(ReservedId(request), ids[0]);
  EXPECT_EQ(ReservedId(request), ids[0]);
  EXPECT_EQ(store_->ListReservations(project_, clock_.NowMs(), 10)->size(), 1u);
  request.now_ms += 1000;
  EXPECT_EQ(ReservedId(request), ids[1]) << "expired: a new record, never the old one again";
  EXPECT_EQ(ReservedId(Request(NewUser("b@x.org"))), ids[0]) << "the expired place is free again";
}

TEST_F(StoreReserveTest, DeletingAProjectTakesItsQueueAlong) {
  ImportRecords(project_, {"a", "b"});
  EXPECT_NE(ReservedId(Request(user_)), 0);
  ASSERT_TRUE(store_->DeleteProject(project_).ok());
  EXPECT_EQ(store_->ProgressOf(project_, user_, 1)->records, 0);
  EXPECT_TRUE(store_->ListReservations(project_, 0, 10)->empty());
  EXPECT_TRUE(store_->ListAnnotatorCounts(project_, 0)->empty());
}

TEST_F(StoreReserveTest, ASubmissionBeyondTheOverlapIsRefusedInTheSameWrite) {
  std::vector<int64_t> ids = ImportRecords(project_, {"a"});
  const int64_t other = NewUser("b@x.org");
  ResponseLimits limits;
  limits.overlap = 1;
  limits.now_ms = clock_.NowMs();
  Response response;
  response.record_id = ids[0];
  response.user_id = user_;
  response.status = ResponseStatus::kSubmitted;
  ASSERT_TRUE(store_->SaveResponseWithin(response, user_, limits).ok());
  response.user_id = other;
  Result<Response> refused = store_->SaveResponseWithin(response, other, limits);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(store_->FindResponse(ids[0], other)->has_value());
  limits.overlap = 0;
  EXPECT_TRUE(store_->SaveResponseWithin(response, other, limits).ok()) << "no limit: gold and calibration";
}

TEST_F(StoreReserveTest, UncertaintiesAreSetAllOrNothingWithinOneProject) {
  std::vector<int64_t> ids = ImportRecords(project_, {"a", "b", "c"});
  const int64_t other = ImportRecords(NewProject(NewWorkspace("other")), {"x"})[0];
  ReserveRequest request = Request(user_);
  request.order = QueueOrder::kUncertainty;
  const UncertaintyScore refused[] = {{ids[2], 0.9}, {other, 0.5}};
  Status status = store_->SetUncertainties(project_, refused);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kNotFound);
  EXPECT_NE(status.error().message.find(std::to_string(other)), std::string::npos) << status.error().message;
  const UncertaintyScore scores[] = {{ids[1], 0.2}, {ids[2], 0.7}};
  ASSERT_TRUE(store_->SetUncertainties(project_, scores).ok());
  EXPECT_EQ(ReservedId(request), ids[2]) << "the refused batch left no score behind: 0.7 is the largest";
  const UncertaintyScore cleared[] = {{ids[2], std::nullopt}};
  ASSERT_TRUE(store_->SetUncertainties(project_, cleared).ok());
  EXPECT_EQ(ReservedId(Request(NewUser("b@x.org"))), ids[0]) << "fifo for b, whose request asks fifo";
  ReserveRequest c = Request(NewUser("c@x.org"));
  c.order = QueueOrder::kUncertainty;
  EXPECT_EQ(ReservedId(c), ids[1]) << "ids[2] cleared (last), ids[0] held by b; 0.2 is next";
}

TEST_F(StoreReserveTest, AHandedOutOnlySaveNeedsTheRecordHandedToItsAuthor) {
  std::vector<int64_t> ids = ImportRecords(project_, {"a", "b"});
  ResponseLimits limits;
  limits.overlap = 2;
  limits.now_ms = clock_.NowMs();
  limits.handed_out_only = true;
  Response response;
  response.record_id = ids[1];
  response.user_id = user_;
  for (ResponseStatus status : {ResponseStatus::kDraft, ResponseStatus::kSubmitted}) {
    response.status = status;
    Result<Response> refused = store_->SaveResponseWithin(response, user_, limits);
    ASSERT_FALSE(refused.ok()) << "record b was never handed to the user";
    EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
    EXPECT_FALSE(store_->FindResponse(ids[1], user_)->has_value()) << "nothing written";
  }
  ReserveRequest request = Request(user_, 2);
  request.lease_ms = 1000;
  ASSERT_EQ(ReservedId(request), ids[0]);
  response.record_id = ids[0];
  response.status = ResponseStatus::kDraft;
  Result<Response> draft = store_->SaveResponseWithin(response, user_, limits);
  ASSERT_TRUE(draft.ok()) << draft.error().ToString();
  // A reservation that ran out still makes the record the user's to answer.
  limits.now_ms += 5000;
  response = *draft;
  response.status = ResponseStatus::kSubmitted;
  Result<Response> submitted = store_->SaveResponseWithin(response, user_, limits);
  ASSERT_TRUE(submitted.ok()) << submitted.error().ToString();
  EXPECT_EQ((*store_->FindResponse(ids[0], user_))->status, ResponseStatus::kSubmitted);
}

// Saves decide with the clock their caller read, and two callers' clocks may cross: a save that
// counts a hold as expired must end it for everyone, or a save with an earlier clock would
// count it again. Then the holder of a live reservation was refused ("full") on PostgreSQL
// and handed the same record back (DistributorStressTest, rarely).
TEST_F(StoreReserveTest, AHoldASaveFoundExpiredStaysEndedForSavesWithEarlierClocks) {
  std::vector<int64_t> ids = ImportRecords(project_, {"a"});
  const int64_t late = NewUser("late@x.org"), holder = NewUser("holder@x.org"), newcomer = NewUser("new@x.org");
  const int64_t start = clock_.NowMs();
  ReserveRequest first = Request(late, 2);
  first.lease_ms = 1000;
  ASSERT_EQ(ReservedId(first), ids[0]);  // late's hold ends at start + 1000
  ReserveRequest second = Request(holder, 2);
  second.now_ms = start + 900;
  second.lease_ms = 1000;
  ASSERT_EQ(ReservedId(second), ids[0]);  // holder's ends at start + 1900: the record is full
  ResponseLimits limits;
  limits.overlap = 2;
  Response response;
  response.record_id = ids[0];
  response.status = ResponseStatus::kSubmitted;
  response.user_id = newcomer;
  limits.now_ms = start + 1001;
  Result<Response> taken = store_->SaveResponseWithin(response, newcomer, limits);
  ASSERT_TRUE(taken.ok()) << "late's hold had ended: its place was free. " << taken.error().ToString();
  limits.now_ms = start + 950;  // a clock read before the newcomer's
  response.user_id = holder;
  Result<Response> held = store_->SaveResponseWithin(response, holder, limits);
  ASSERT_TRUE(held.ok()) << "the holder's reservation is live: " << held.error().ToString();
  response.user_id = late;
  Result<Response> refused = store_->SaveResponseWithin(response, late, limits);
  ASSERT_FALSE(refused.ok()) << "late's place went to the newcomer";
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->ListResponses(ids[0])->size(), 2u);
}

}  // namespace
}  // namespace quorum::testing
