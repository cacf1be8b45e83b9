// Changing and deleting single records and responses (Label Studio's task and annotation API).
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreRecordChangesTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
    user_ = NewUser("ann@example.org");
    other_ = NewUser("bob@example.org");
    ids_ = ImportRecords(project_, {"r1", "r2", "r3"});
  }

  int64_t Answer(int64_t record_id, int64_t user_id, ResponseStatus status = ResponseStatus::kSubmitted) {
    Response response;
    response.record_id = record_id;
    response.user_id = user_id;
    response.values = {{"quality", "good"}};
    response.status = status;
    Result<Response> saved = store_->SaveResponse(response, user_id);
    EXPECT_TRUE(saved.ok()) << saved.error().ToString();
    return saved.ok() ? saved->id : 0;
  }

  int64_t project_ = 0, user_ = 0, other_ = 0;
  std::vector<int64_t> ids_;
};

TEST_F(StoreRecordChangesTest, UpdateRecordReplacesDataButKeepsIdentity) {
  Record record = store_->GetRecord(ids_[0]).value();
  record.fields = {{"prompt", "changed"}};
  record.metadata = {{"source", "web"}};
  record.gold = {{"quality", "bad"}};
  record.priority = 3;
  record.external_id = "ignored";
  ASSERT_TRUE(store_->UpdateRecord(record).ok());
  Reopen();
  Record stored = store_->GetRecord(ids_[0]).value();
  EXPECT_EQ(stored.fields, nlohmann::json({{"prompt", "changed"}}));
  EXPECT_EQ(stored.metadata, nlohmann::json({{"source", "web"}}));
  EXPECT_EQ(stored.gold, nlohmann::json({{"quality", "bad"}}));
  EXPECT_EQ(stored.priority, 3);
  EXPECT_EQ(stored.external_id, "r1");
  EXPECT_EQ(stored.project_id, project_);
  record.id = 999999;
  EXPECT_EQ(store_->UpdateRecord(record).error().code, ErrorCode::kNotFound);
}

TEST_F(StoreRecordChangesTest, DeleteRecordTakesItsAnswersAndFreesItsPlace) {
  const int64_t response = Answer(ids_[0], user_);
  Suggestion suggestion{0, ids_[0], "quality", "good", 0.5, "model"};
  ASSERT_TRUE(store_->UpsertSuggestions({&suggestion, 1}).ok());
  ASSERT_TRUE(store_->DeleteRecord(ids_[0]).ok());
  EXPECT_EQ(store_->GetRecord(ids_[0]).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetResponse(response).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListSuggestions(ids_[0]).value().empty());
  EXPECT_EQ(store_->CountRecords(project_).value(), 2);
  EXPECT_EQ(store_->DeleteRecord(ids_[0]).error().code, ErrorCode::kNotFound);
  // The deleted record's id is not given again.
  std::vector<int64_t> more = ImportRecords(project_, {"r4"});
  ASSERT_EQ(more.size(), 1u);
  EXPECT_GT(more[0], ids_[2]);
}

TEST_F(StoreRecordChangesTest, DeleteResponseReopensTheRecordForOthers) {
  const int64_t response = Answer(ids_[0], user_);
  // The record a newcomer is handed (overlap 1): each newcomer holds what they get.
  auto next_for_newcomer = [this](const std::string& email) {
    ReserveRequest request;
    request.project_id = project_;
    request.user_id = NewUser(email);
    return store_->Reserve(request).value()->record_id;
  };
  // With overlap 1, the answered record is no longer anyone's next.
  EXPECT_EQ(next_for_newcomer("first@example.com"), ids_[1]);
  ASSERT_TRUE(store_->DeleteResponse(response).ok());
  EXPECT_EQ(store_->GetResponse(response).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->ListRevisions(response).value().empty());
  EXPECT_EQ(next_for_newcomer("second@example.com"), ids_[0]) << "record progress follows the delete";
  EXPECT_EQ(store_->DeleteResponse(response).error().code, ErrorCode::kNotFound);
  // The author may answer again.
  EXPECT_NE(Answer(ids_[0], user_), 0);
}

}  // namespace
}  // namespace quorum
