// NextRecordFor: id order, the user's own responses, the overlap of submitted responses, and
// the bookkeeping behind it following every way a response changes.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreNextRecordTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
    records_ = ImportRecords(project_, {"r0", "r1", "r2", "r3"});
    ASSERT_EQ(records_.size(), 4u);
    for (const char* email : {"u0@example.com", "u1@example.com", "u2@example.com", "u3@example.com"})
      users_.push_back(NewUser(email));
  }

  Response Save(int64_t record_id, int64_t user_id, ResponseStatus status, int64_t id = 0) {
    Response response;
    response.id = id;
    response.record_id = record_id;
    response.user_id = user_id;
    response.status = status;
    Result<Response> saved = store_->SaveResponse(response, user_id);
    EXPECT_TRUE(saved.ok()) << saved.error().ToString();
    return saved.ok() ? *saved : Response{};
  }

  // The position (into records_) of the next record for `user`, or -1 for none.
  int Next(int user, int overlap) {
    Result<std::optional<Record>> next = store_->NextRecordFor(project_, users_[user], overlap);
    EXPECT_TRUE(next.ok()) << next.error().ToString();
    if (!next.ok() || !next->has_value()) return -1;
    auto at = std::find(records_.begin(), records_.end(), (*next)->id);
    return at == records_.end() ? -2 : static_cast<int>(at - records_.begin());
  }

  int64_t project_ = 0;
  std::vector<int64_t> records_;
  std::vector<int64_t> users_;
};

TEST_F(StoreNextRecordTest, FirstRecordInIdOrderTheUserHasNotAnswered) {
  EXPECT_EQ(Next(0, 1), 0);
  Result<std::optional<Record>> next = store_->NextRecordFor(project_, users_[0], 1);
  ASSERT_TRUE(next.ok() && next->has_value());
  EXPECT_EQ((*next)->external_id, "r0");
  EXPECT_EQ((*next)->fields["prompt"], "r0");

  // Any response of the user takes the record out of their queue, a draft or a discard too.
  Save(records_[0], users_[0], ResponseStatus::kDraft);
  EXPECT_EQ(Next(0, 3), 1);
  Save(records_[1], users_[0], ResponseStatus::kDiscarded);
  EXPECT_EQ(Next(0, 3), 2);
  EXPECT_EQ(Next(1, 3), 0);  // others still get the first record
}

TEST_F(StoreNextRecordTest, RecordsWithOverlapSubmittedResponsesAreDone) {
  Save(records_[0], users_[0], ResponseStatus::kSubmitted);
  Save(records_[0], users_[1], ResponseStatus::kSubmitted);
  Save(records_[1], users_[0], ResponseStatus::kSubmitted);
  Save(records_[1], users_[1], ResponseStatus::kDraft);  // drafts do not count toward the overlap
  EXPECT_EQ(Next(2, 2), 1);
  EXPECT_EQ(Next(2, 3), 0);
  EXPECT_EQ(Next(2, 1), 2);
  EXPECT_EQ(Next(1, 2), 2);  // user 1 answered records 0 and 1 themselves
}

TEST_F(StoreNextRecordTest, NoneWhenEverythingIsDoneOrAnswered) {
  for (int64_t record : records_) Save(record, users_[0], ResponseStatus::kSubmitted);
  EXPECT_EQ(Next(0, 5), -1);
  EXPECT_EQ(Next(1, 1), -1);
  EXPECT_EQ(Next(1, 2), 0);
  EXPECT_EQ(Next(1, 0), -1);  // nothing has fewer than 0 submissions
  Result<std::optional<Record>> other = store_->NextRecordFor(9999, users_[0], 1);
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(other->has_value());
}

TEST_F(StoreNextRecordTest, StatusChangesMoveARecordInAndOutOfTheQueue) {
  Response saved = Save(records_[0], users_[0], ResponseStatus::kSubmitted);
  EXPECT_EQ(Next(1, 1), 1);
  Save(records_[0], users_[0], ResponseStatus::kDraft, saved.id);  // back to draft: open again
  EXPECT_EQ(Next(1, 1), 0);
  Save(records_[0], users_[0], ResponseStatus::kSubmitted, saved.id);
  Save(records_[0], users_[0], ResponseStatus::kSubmitted, saved.id);  // resubmitting counts once
  EXPECT_EQ(Next(1, 2), 0);
  EXPECT_EQ(Next(1, 1), 1);
}

TEST_F(StoreNextRecordTest, ImportedAndReplacedResponsesCount) {
  int64_t u0 = users_[0], u1 = users_[1];
  auto import = [&](const char* external_id, std::vector<std::pair<int64_t, ResponseStatus>> answers) {
    Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project_);
    ASSERT_TRUE(batch.ok());
    std::string fields = std::string(R"({"prompt":")") + external_id + R"("})";
    Result<int64_t> id = (*batch)->PutRecord({external_id, fields, "{}", "{}", 0, 0}, OnDuplicate::kUpdate);
    ASSERT_TRUE(id.ok());
    for (const auto& [user, status] : answers) {
      ResponseRow row;
      row.user_id = user;
      row.values_json = "{}";
      row.status = status;
      ASSERT_TRUE((*batch)->PutResponse(*id, row).ok());
    }
    ASSERT_TRUE((*batch)->Commit().ok());
  };
  import("r0", {{u0, ResponseStatus::kSubmitted}, {u1, ResponseStatus::kSubmitted}});
  EXPECT_EQ(Next(2, 2), 1);
  import("r0", {{u0, ResponseStatus::kDraft}});  // the update replaces u0's response
  EXPECT_EQ(Next(2, 2), 0);
  import("new", {{u0, ResponseStatus::kSubmitted}});
  for (int64_t record : records_) Save(record, users_[3], ResponseStatus::kSubmitted);
  EXPECT_EQ(Next(3, 5), -2);  // the imported record (not in records_) is in the queue
  EXPECT_EQ(Next(2, 1), -1);  // and its imported submission counts
}

TEST_F(StoreNextRecordTest, DeletingAProjectTakesItsBookkeepingAlong) {
  Save(records_[0], users_[0], ResponseStatus::kSubmitted);
  ASSERT_TRUE(store_->DeleteProject(project_).ok());
  EXPECT_EQ(Next(1, 1), -1);
  int64_t again = NewProject(NewWorkspace("again"));
  std::vector<int64_t> fresh = ImportRecords(again, {"a"});
  ASSERT_EQ(fresh.size(), 1u);
  Result<std::optional<Record>> next = store_->NextRecordFor(again, users_[0], 1);
  ASSERT_TRUE(next.ok() && next->has_value());
  EXPECT_EQ((*next)->id, fresh[0]);
}

// Many completed records before the open ones: the answer is still the first open record, for
// every user (the user's own answers sit in the low buckets).
TEST_F(StoreNextRecordTest, SkipsALongCompletedPrefix) {
  int64_t project = NewProject(NewWorkspace("big"));
  std::vector<std::string> names;
  for (int index = 0; index < 300; ++index) names.push_back("b" + std::to_string(index));
  std::vector<int64_t> ids = ImportRecords(project, names);
  ASSERT_EQ(ids.size(), 300u);
  Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project);
  ASSERT_TRUE(batch.ok());
  for (int index = 0; index < 250; ++index) {
    for (int user = 0; user < 2; ++user) {
      ResponseRow row;
      row.user_id = users_[user];
      row.values_json = "{}";
      row.status = ResponseStatus::kSubmitted;
      ASSERT_TRUE((*batch)->PutResponse(ids[index], row).ok());
    }
  }
  ASSERT_TRUE((*batch)->Commit().ok());
  batch->reset();
  Save(ids[250], users_[2], ResponseStatus::kSubmitted);
  Save(ids[251], users_[2], ResponseStatus::kDraft);
  auto next = [&](int user, int overlap) -> int64_t {
    Result<std::optional<Record>> found = store_->NextRecordFor(project, users_[user], overlap);
    EXPECT_TRUE(found.ok());
    return found.ok() && found->has_value() ? (*found)->id : -1;
  };
  EXPECT_EQ(next(2, 2), ids[252]);
  EXPECT_EQ(next(3, 2), ids[250]);
  EXPECT_EQ(next(3, 3), ids[0]);
  EXPECT_EQ(next(0, 2), ids[250]);
  EXPECT_EQ(next(2, 1), ids[252]);
}

}  // namespace
}  // namespace quorum
