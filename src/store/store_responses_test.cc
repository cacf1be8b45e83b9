// SaveResponse and the response/revision readers through the Store interface.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreResponsesTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    int64_t project = NewProject(NewWorkspace());
    records_ = ImportRecords(project, {"r1", "r2"});
    ASSERT_EQ(records_.size(), 2u);
    annotator_ = NewUser("ann@example.com");
    reviewer_ = NewUser("rev@example.com");
  }

  Response Draft(int64_t record_id, int64_t user_id) {
    Response response;
    response.record_id = record_id;
    response.user_id = user_id;
    response.values = {{"quality", "good"}};
    response.status = ResponseStatus::kDraft;
    response.time_spent_ms = 1500;
    response.guideline_version = 2;
    return response;
  }

  std::vector<int64_t> records_;
  int64_t annotator_ = 0;
  int64_t reviewer_ = 0;
};

TEST_F(StoreResponsesTest, InsertStampsTimesAndWritesOneRevision) {
  clock_.Set(10'000);
  Result<Response> saved = store_->SaveResponse(Draft(records_[0], annotator_), annotator_);
  ASSERT_TRUE(saved.ok()) << saved.error().ToString();
  EXPECT_GT(saved->id, 0);
  EXPECT_EQ(saved->created_at_ms, 10'000);
  EXPECT_EQ(saved->updated_at_ms, 10'000);

  Result<Response> got = store_->GetResponse(saved->id);
  ASSERT_TRUE(got.ok()) << got.error().ToString();
  EXPECT_EQ(got->record_id, records_[0]);
  EXPECT_EQ(got->user_id, annotator_);
  EXPECT_EQ(got->values, nlohmann::json({{"quality", "good"}}));
  EXPECT_EQ(got->status, ResponseStatus::kDraft);
  EXPECT_EQ(got->time_spent_ms, 1500);
  EXPECT_EQ(got->guideline_version, 2);
  EXPECT_EQ(got->created_at_ms, 10'000);
  EXPECT_EQ(got->updated_at_ms, 10'000);

  Result<std::vector<Revision>> revisions = store_->ListRevisions(saved->id);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ((*revisions)[0].response_id, saved->id);
  EXPECT_EQ((*revisions)[0].user_id, annotator_);
  EXPECT_EQ((*revisions)[0].at_ms, 10'000);
  EXPECT_EQ((*revisions)[0].values, got->values);
  EXPECT_EQ((*revisions)[0].status, ResponseStatus::kDraft);
}

TEST_F(StoreResponsesTest, UpdateKeepsOwnerAndCreationAndAppendsARevisionByTheActor) {
  clock_.Set(1000);
  Result<Response> saved = store_->SaveResponse(Draft(records_[0], annotator_), annotator_);
  ASSERT_TRUE(saved.ok());

  clock_.Set(2000);
  Response edit = *saved;
  edit.values = {{"quality", "bad"}};
  edit.status = ResponseStatus::kSubmitted;
  edit.time_spent_ms = 4000;
  edit.record_id = records_[1];  // ignored: who answered what never changes
  edit.user_id = reviewer_;
  Result<Response> updated = store_->SaveResponse(edit, reviewer_);
  ASSERT_TRUE(updated.ok()) << updated.error().ToString();
  EXPECT_EQ(updated->id, saved->id);
  EXPECT_EQ(updated->record_id, records_[0]);
  EXPECT_EQ(updated->user_id, annotator_);
  EXPECT_EQ(updated->created_at_ms, 1000);
  EXPECT_EQ(updated->updated_at_ms, 2000);

  Result<Response> got = store_->GetResponse(saved->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->status, ResponseStatus::kSubmitted);
  EXPECT_EQ(got->values, nlohmann::json({{"quality", "bad"}}));
  EXPECT_EQ(got->time_spent_ms, 4000);
  EXPECT_EQ(got->record_id, records_[0]);
  EXPECT_EQ(got->updated_at_ms, 2000);

  Result<std::vector<Revision>> revisions = store_->ListRevisions(saved->id);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 2u);
  EXPECT_EQ((*revisions)[0].user_id, annotator_);
  EXPECT_EQ((*revisions)[0].status, ResponseStatus::kDraft);
  EXPECT_EQ((*revisions)[1].user_id, reviewer_);
  EXPECT_EQ((*revisions)[1].at_ms, 2000);
  EXPECT_EQ((*revisions)[1].status, ResponseStatus::kSubmitted);
  EXPECT_EQ((*revisions)[1].values, nlohmann::json({{"quality", "bad"}}));
}

TEST_F(StoreResponsesTest, SecondResponseOfTheSameUserIsAConflictAndChangesNothing) {
  Result<Response> first = store_->SaveResponse(Draft(records_[0], annotator_), annotator_);
  ASSERT_TRUE(first.ok());
  Result<Response> second = store_->SaveResponse(Draft(records_[0], annotator_), annotator_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second.error().message, "user " + std::to_string(annotator_) + " already has a response (response " +
                                        std::to_string(first->id) + ") to record " + std::to_string(records_[0]));
  EXPECT_EQ(store_->ListResponses(records_[0])->size(), 1u);
  EXPECT_EQ(store_->ListRevisions(first->id)->size(), 1u);
}

TEST_F(StoreResponsesTest, MissingRowsAreNotFoundAndLeaveNothingBehind) {
  Result<Response> no_record = store_->SaveResponse(Draft(9999, annotator_), annotator_);
  ASSERT_FALSE(no_record.ok());
  EXPECT_EQ(no_record.error().code, ErrorCode::kNotFound);

  Result<Response> no_user = store_->SaveResponse(Draft(records_[0], 9999), 9999);
  ASSERT_FALSE(no_user.ok());
  EXPECT_EQ(no_user.error().code, ErrorCode::kNotFound);

  // The response row would be fine; its revision's actor is not. Nothing may remain.
  Result<Response> no_actor = store_->SaveResponse(Draft(records_[0], annotator_), 9999);
  ASSERT_FALSE(no_actor.ok());
  EXPECT_EQ(no_actor.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(no_actor.error().message, "user 9999 not found");
  EXPECT_TRUE(store_->ListResponses(records_[0])->empty());

  Response ghost = Draft(records_[0], annotator_);
  ghost.id = 4242;
  Result<Response> no_response = store_->SaveResponse(ghost, annotator_);
  ASSERT_FALSE(no_response.ok());
  EXPECT_EQ(no_response.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(no_response.error().message, "response 4242 not found");

  EXPECT_EQ(store_->GetResponse(4242).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListRevisions(4242)->empty());
}

TEST_F(StoreResponsesTest, ListResponsesOfARecordById) {
  Result<Response> by_reviewer = store_->SaveResponse(Draft(records_[0], reviewer_), reviewer_);
  Result<Response> by_annotator = store_->SaveResponse(Draft(records_[0], annotator_), annotator_);
  Result<Response> elsewhere = store_->SaveResponse(Draft(records_[1], annotator_), annotator_);
  ASSERT_TRUE(by_reviewer.ok() && by_annotator.ok() && elsewhere.ok());
  Result<std::vector<Response>> responses = store_->ListResponses(records_[0]);
  ASSERT_TRUE(responses.ok());
  ASSERT_EQ(responses->size(), 2u);
  EXPECT_EQ((*responses)[0].id, by_reviewer->id);
  EXPECT_EQ((*responses)[1].id, by_annotator->id);
}

TEST_F(StoreResponsesTest, FindResponseOfAUserToARecord) {
  Result<Response> mine = store_->SaveResponse(Draft(records_[0], annotator_), annotator_);
  Result<Response> theirs = store_->SaveResponse(Draft(records_[0], reviewer_), reviewer_);
  ASSERT_TRUE(mine.ok() && theirs.ok());
  Result<std::optional<Response>> found = store_->FindResponse(records_[0], annotator_);
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, mine->id);
  EXPECT_EQ((*found)->user_id, annotator_);
  EXPECT_EQ((*found)->values, mine->values);
  EXPECT_EQ((*found)->guideline_version, 2);
  EXPECT_EQ((*store_->FindResponse(records_[0], reviewer_))->id, theirs->id);

  Result<std::optional<Response>> none = store_->FindResponse(records_[1], annotator_);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_FALSE(store_->FindResponse(9999, annotator_)->has_value());
}

TEST_F(StoreResponsesTest, ResponsesSurviveReopening) {
  Result<Response> saved = store_->SaveResponse(Draft(records_[0], annotator_), annotator_);
  ASSERT_TRUE(saved.ok());
  Reopen();
  Result<Response> got = store_->GetResponse(saved->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->values, saved->values);
}

}  // namespace
}  // namespace quorum
