// Keeping ids through the Store interface (quorum migrate): SetNextId for workspaces, users,
// projects and tokens, and RecordRow::id / ResponseRow::id in an import batch.
#include <gtest/gtest.h>

#include <vector>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreKeepIdsTest : public StoreTest {};

TEST_F(StoreKeepIdsTest, SetNextIdChoosesTheNextIdOfEachKindAndNeverGoesBack) {
  ASSERT_TRUE(store_->SetNextId(IdKind::kWorkspace, 7).ok());
  EXPECT_EQ(store_->CreateWorkspace("w").value().id, 7);
  EXPECT_EQ(store_->CreateWorkspace("w2").value().id, 8);

  ASSERT_TRUE(store_->SetNextId(IdKind::kUser, 40).ok());
  const int64_t user = NewUser("ann@x.org");
  EXPECT_EQ(user, 40);

  ASSERT_TRUE(store_->SetNextId(IdKind::kProject, 3).ok());
  EXPECT_EQ(NewProject(7), 3);

  ASSERT_TRUE(store_->SetNextId(IdKind::kApiToken, 12).ok());
  ApiToken token;
  token.user_id = user;
  token.name = "t";
  token.token_hash = "hash";
  token.prefix = "qrm_";
  EXPECT_EQ(store_->CreateToken(token).value().id, 12);

  // An id at or below one already given out would repeat it: refused, and nothing changes.
  Status again = store_->SetNextId(IdKind::kWorkspace, 8);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->CreateWorkspace("w3").value().id, 9);
}

TEST_F(StoreKeepIdsTest, ImportedRowsKeepTheirIdsAndLaterRowsGoAbove) {
  const int64_t project = NewProject(NewWorkspace());
  const int64_t ann = NewUser("ann@x.org");
  {
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project).value();
    RecordRow row{"a", R"({"prompt":"a"})", "{}", "{}", 0, 0, 50};
    ASSERT_EQ(batch->PutRecord(row, OnDuplicate::kRefuse).value(), 50);
    RecordRow lower{"b", R"({"prompt":"b"})", "{}", "{}", 0, 0, 20};
    ASSERT_EQ(batch->PutRecord(lower, OnDuplicate::kRefuse).value(), 20);
    ResponseRow response;
    response.user_id = ann;
    response.values_json = R"({"quality":"good"})";
    response.status = ResponseStatus::kSubmitted;
    response.id = 300;
    ASSERT_TRUE(batch->PutResponse(20, response).ok());
    ASSERT_TRUE(batch->Commit().ok());
  }
  {
    // A taken id is refused by PutRecord, or by Commit in a store that sends rows in bulk.
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project).value();
    RecordRow taken{"c", R"({"prompt":"c"})", "{}", "{}", 0, 0, 50};
    Result<int64_t> put = batch->PutRecord(taken, OnDuplicate::kRefuse);
    Status refused = put.ok() ? batch->Commit() : Status(put.error());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict) << refused.error().ToString();
  }
  EXPECT_EQ(store_->GetRecord(50).value().external_id, "a");
  EXPECT_EQ(store_->GetResponse(300).value().record_id, 20);
  EXPECT_EQ(ImportRecords(project, {"d"}), (std::vector<int64_t>{51}));
  Response next;
  next.record_id = 50;
  next.user_id = ann;
  next.status = ResponseStatus::kDraft;
  EXPECT_EQ(store_->SaveResponse(next, ann).value().id, 301);
}

// LastId is the high-water mark, deleted rows included; SetNextId moves records' and
// responses' numbering too.
TEST_F(StoreKeepIdsTest, LastIdCountsDeletedRowsAndSetNextIdMovesRecordsAndResponses) {
  const int64_t project = NewProject(NewWorkspace());
  const int64_t ann = NewUser("ann@x.org");
  EXPECT_EQ(store_->LastId(IdKind::kRecord).value(), 0);
  EXPECT_EQ(store_->LastId(IdKind::kResponse).value(), 0);
  const std::vector<int64_t> records = ImportRecords(project, {"a", "b", "c"});
  Response response;
  response.record_id = records[2];
  response.user_id = ann;
  response.status = ResponseStatus::kDraft;
  const int64_t response_id = store_->SaveResponse(response, ann).value().id;
  ASSERT_TRUE(store_->DeleteRecord(records[2]).ok());  // the largest record, with its response
  // At least the deleted record's id (PostgreSQL's import batch takes ids from its sequence in
  // blocks, and counts the whole block as given out).
  const int64_t last_record = store_->LastId(IdKind::kRecord).value();
  EXPECT_GE(last_record, records[2]);
  EXPECT_EQ(store_->LastId(IdKind::kResponse).value(), response_id);
  EXPECT_EQ(store_->LastId(IdKind::kProject).value(), project);
  EXPECT_EQ(store_->LastId(IdKind::kUser).value(), ann);

  ASSERT_TRUE(store_->SetNextId(IdKind::kRecord, last_record + 100).ok());
  ASSERT_TRUE(store_->SetNextId(IdKind::kResponse, response_id + 500).ok());
  EXPECT_EQ(store_->LastId(IdKind::kRecord).value(), last_record + 99);
  EXPECT_EQ(ImportRecords(project, {"d"}), (std::vector<int64_t>{last_record + 100}));
  response.record_id = records[0];
  EXPECT_EQ(store_->SaveResponse(response, ann).value().id, response_id + 500);
  Status back = store_->SetNextId(IdKind::kRecord, last_record);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace quorum
