// ImportBatch through the Store interface: atomicity, duplicates, responses, users, locking.
#include <chrono>
#include <future>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class ImportBatchTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    workspace_ = NewWorkspace();
    project_ = NewProject(workspace_);
    annotator_ = NewUser("ann@example.com");
    other_ = NewUser("other@example.com");
  }

  std::unique_ptr<ImportBatch> Begin() {
    Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project_);
    EXPECT_TRUE(batch.ok()) << batch.error().ToString();
    return batch.ok() ? std::move(batch).value() : nullptr;
  }

  static RecordRow Row(std::string_view external_id, std::string_view fields) {
    return RecordRow{external_id, fields, "{}", "{}", 0, 0};
  }

  static ResponseRow Answer(int64_t user_id, std::string_view values_json) {
    ResponseRow row;
    row.user_id = user_id;
    row.values_json = values_json;
    row.status = ResponseStatus::kSubmitted;
    row.created_at_ms = 50;
    row.updated_at_ms = 60;
    return row;
  }

  int64_t workspace_ = 0, project_ = 0, annotator_ = 0, other_ = 0;
};

TEST_F(ImportBatchTest, NothingIsVisibleWithoutCommit) {
  {
    std::unique_ptr<ImportBatch> batch = Begin();
    Result<int64_t> id = batch->PutRecord(Row("a", R"({"prompt":"a"})"), OnDuplicate::kRefuse);
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(batch->PutSuggestion(*id, {"quality", R"("good")", 0.5, "m"}).ok());
    ASSERT_TRUE(batch->PutResponse(*id, Answer(annotator_, R"({"quality":"bad"})")).ok());
    Result<ResolvedUser> created = batch->ResolveUser("new@example.com", true);
    ASSERT_TRUE(created.ok());
    // On SQLite the batch's own thread sees its uncommitted writes (on PostgreSQL the batch is
    // one connection's transaction, invisible to the store's other connections).
    if (!testing::OnPostgres()) {
      EXPECT_EQ(*store_->CountRecords(project_), 1);
    }
  }  // destroyed without Commit: rolled back
  EXPECT_EQ(*store_->CountRecords(project_), 0);
  EXPECT_EQ(store_->FindUserByEmail("new@example.com").error().code, ErrorCode::kNotFound);
  Reopen();
  EXPECT_EQ(*store_->CountRecords(project_), 0);
  // The store is usable afterwards, and the same external id can be imported.
  EXPECT_EQ(ImportRecords(project_, {"a"}).size(), 1u);
}

TEST_F(ImportBatchTest, CommitMakesEverythingVisibleAndDurable) {
  std::unique_ptr<ImportBatch> batch = Begin();
  Result<int64_t> id = batch->PutRecord(Row("a", R"({"prompt":"a"})"), OnDuplicate::kRefuse);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(batch->PutSuggestion(*id, {"quality", R"("good")", 0.5, "m"}).ok());
  ASSERT_TRUE(batch->PutResponse(*id, Answer(annotator_, R"({"quality":"bad"})")).ok());
  ASSERT_TRUE(batch->Commit().ok());
  Status again = batch->Commit();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kInvalid);
  EXPECT_FALSE(batch->PutRecord(Row("b", "{}"), OnDuplicate::kRefuse).ok());
  batch.reset();

  Reopen();
  EXPECT_EQ(*store_->CountRecords(project_), 1);
  EXPECT_EQ(store_->ListSuggestions(*id)->size(), 1u);
  Result<std::vector<Response>> responses = store_->ListResponses(*id);
  ASSERT_TRUE(responses.ok());
  ASSERT_EQ(responses->size(), 1u);
  EXPECT_EQ((*responses)[0].user_id, annotator_);
  EXPECT_EQ((*responses)[0].status, ResponseStatus::kSubmitted);
  EXPECT_EQ((*responses)[0].created_at_ms, 50);
  EXPECT_EQ((*responses)[0].updated_at_ms, 60);
  Result<std::vector<Revision>> revisions = store_->ListRevisions((*responses)[0].id);
  ASSERT_TRUE(revisions.ok());
  ASSERT_EQ(revisions->size(), 1u);  // written from the response when none are given
  EXPECT_EQ((*revisions)[0].at_ms, 60);
  EXPECT_EQ((*revisions)[0].values, nlohmann::json({{"quality", "bad"}}));
}

TEST_F(ImportBatchTest, RefusedDuplicatesAreReportedAndTheBatchGoesOn) {
  ImportRecords(project_, {"old"});
  std::unique_ptr<ImportBatch> batch = Begin();
  ASSERT_TRUE(batch->PutRecord(Row("new", R"({"prompt":"1"})"), OnDuplicate::kRefuse).ok());
  Result<int64_t> existing = batch->PutRecord(Row("old", R"({"prompt":"2"})"), OnDuplicate::kRefuse);
  ASSERT_FALSE(existing.ok());
  EXPECT_EQ(existing.error().code, ErrorCode::kConflict);
  EXPECT_EQ(existing.error().message,
            "a record with external id 'old' already exists in project " + std::to_string(project_));
  Result<int64_t> earlier = batch->PutRecord(Row("new", R"({"prompt":"3"})"), OnDuplicate::kRefuse);
  ASSERT_FALSE(earlier.ok());
  EXPECT_EQ(earlier.error().code, ErrorCode::kConflict);
  // Records without an external id never collide.
  ASSERT_TRUE(batch->PutRecord(Row("", R"({"prompt":"4"})"), OnDuplicate::kRefuse).ok());
  ASSERT_TRUE(batch->PutRecord(Row("", R"({"prompt":"5"})"), OnDuplicate::kRefuse).ok());
  ASSERT_TRUE(batch->Commit().ok());
  EXPECT_EQ(*store_->CountRecords(project_), 4);
}

TEST_F(ImportBatchTest, UpdateReplacesRecordSuggestionsAndMatchingResponses) {
  clock_.Set(1000);
  int64_t record = 0, kept_response = 0;
  {
    std::unique_ptr<ImportBatch> batch = Begin();
    RecordRow row{"a", R"({"prompt":"old"})", R"({"m":1})", R"({"quality":"good"})", 1.0, 0};
    Result<int64_t> id = batch->PutRecord(row, OnDuplicate::kRefuse);
    ASSERT_TRUE(id.ok());
    record = *id;
    ASSERT_TRUE(batch->PutSuggestion(record, {"quality", R"("good")", 0.1, "old-model"}).ok());
    ASSERT_TRUE(batch->PutResponse(record, Answer(annotator_, R"({"quality":"good"})")).ok());
    ASSERT_TRUE(batch->PutResponse(record, Answer(other_, R"({"quality":"good"})")).ok());
    ASSERT_TRUE(batch->Commit().ok());
    kept_response = (*store_->ListResponses(record))[1].id;
  }
  clock_.Set(2000);
  std::unique_ptr<ImportBatch> batch = Begin();
  RecordRow row{"a", R"({"prompt":"new"})", R"({"m":2})", "{}", 9.0, 0};
  Result<int64_t> refused = batch->PutRecord(row, OnDuplicate::kRefuse);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  Result<int64_t> updated = batch->PutRecord(row, OnDuplicate::kUpdate);
  ASSERT_TRUE(updated.ok()) << updated.error().ToString();
  EXPECT_EQ(*updated, record);
  ASSERT_TRUE(batch->PutSuggestion(record, {"quality", R"("bad")", 0.9, "new-model"}).ok());
  RevisionRow history[] = {{annotator_, 70, R"({"quality":"good"})", ResponseStatus::kDraft},
                           {other_, 80, R"({"quality":"bad"})", ResponseStatus::kSubmitted}};
  ResponseRow replacement = Answer(annotator_, R"({"quality":"bad"})");
  replacement.revisions = history;
  ASSERT_TRUE(batch->PutResponse(record, replacement).ok());
  Status twice = batch->PutResponse(record, Answer(annotator_, R"({"quality":"good"})"));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_NE(twice.error().message.find("in this import"), std::string::npos);
  ASSERT_TRUE(batch->Commit().ok());

  Result<Record> got = store_->GetRecord(record);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->fields, nlohmann::json({{"prompt", "new"}}));
  EXPECT_EQ(got->metadata, nlohmann::json({{"m", 2}}));
  EXPECT_EQ(got->gold, nlohmann::json::object());
  EXPECT_EQ(got->priority, 9.0);
  EXPECT_EQ(got->created_at_ms, 1000);
  EXPECT_EQ(*store_->CountRecords(project_), 1);

  Result<std::vector<Suggestion>> suggestions = store_->ListSuggestions(record);
  ASSERT_EQ(suggestions->size(), 1u);
  EXPECT_EQ((*suggestions)[0].agent, "new-model");

  Result<std::vector<Response>> responses = store_->ListResponses(record);
  ASSERT_EQ(responses->size(), 2u);
  const Response& mine = (*responses)[0].user_id == annotator_ ? (*responses)[0] : (*responses)[1];
  const Response& theirs = (*responses)[0].user_id == annotator_ ? (*responses)[1] : (*responses)[0];
  EXPECT_EQ(mine.values, nlohmann::json({{"quality", "bad"}}));
  EXPECT_EQ(theirs.id, kept_response);
  EXPECT_EQ(theirs.values, nlohmann::json({{"quality", "good"}}));
  Result<std::vector<Revision>> revisions = store_->ListRevisions(mine.id);
  ASSERT_EQ(revisions->size(), 2u);  // the old history is replaced by the imported one
  EXPECT_EQ((*revisions)[0].at_ms, 70);
  EXPECT_EQ((*revisions)[1].user_id, other_);
  EXPECT_EQ((*revisions)[1].status, ResponseStatus::kSubmitted);
}

TEST_F(ImportBatchTest, SecondResponseOfAUserToANewRecordIsAConflict) {
  std::unique_ptr<ImportBatch> batch = Begin();
  Result<int64_t> id = batch->PutRecord(Row("a", "{}"), OnDuplicate::kUpdate);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(batch->PutResponse(*id, Answer(annotator_, "{}")).ok());
  Status second = batch->PutResponse(*id, Answer(annotator_, "{}"));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(batch->Commit().ok());
  EXPECT_EQ(store_->ListResponses(*id)->size(), 1u);
}

TEST_F(ImportBatchTest, ARefusedRevisionTakesItsResponseWithIt) {
  std::unique_ptr<ImportBatch> batch = Begin();
  Result<int64_t> id = batch->PutRecord(Row("a", "{}"), OnDuplicate::kRefuse);
  ASSERT_TRUE(id.ok());
  RevisionRow history[] = {{annotator_, 1, "{}", ResponseStatus::kDraft}, {4242, 2, "{}", ResponseStatus::kDraft}};
  ResponseRow row = Answer(annotator_, "{}");
  row.revisions = history;
  Status refused = batch->PutResponse(*id, row);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(refused.error().message, "user 4242 not found");
  Status unknown_user = batch->PutResponse(*id, Answer(4343, "{}"));
  EXPECT_EQ(unknown_user.error().code, ErrorCode::kNotFound);
  // The annotator may still answer: the refused attempt left nothing.
  ASSERT_TRUE(batch->PutResponse(*id, Answer(annotator_, "{}")).ok());
  ASSERT_TRUE(batch->Commit().ok());
  ASSERT_EQ(store_->ListResponses(*id)->size(), 1u);
}

TEST_F(ImportBatchTest, SuggestionsAndResponsesNeedARecordOfThisProject) {
  int64_t other_project = NewProject(workspace_, "other");
  std::vector<int64_t> foreign = ImportRecords(other_project, {"f"});
  std::unique_ptr<ImportBatch> batch = Begin();
  Status missing = batch->PutSuggestion(987654, {"quality", "1", std::nullopt, "m"});
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  Status elsewhere = batch->PutResponse(foreign[0], Answer(annotator_, "{}"));
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kInvalid);
  EXPECT_NE(elsewhere.error().message.find("belongs to project"), std::string::npos);
}

TEST_F(ImportBatchTest, BeginImportErrors) {
  Result<std::unique_ptr<ImportBatch>> missing = store_->BeginImport(555);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  if (testing::OnPostgres()) GTEST_SKIP() << "on PostgreSQL each batch is a connection of its own: nesting is allowed";
  std::unique_ptr<ImportBatch> batch = Begin();
  Result<std::unique_ptr<ImportBatch>> nested = store_->BeginImport(project_);
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().code, ErrorCode::kConflict);
}

TEST_F(ImportBatchTest, ResolveUserFindsOrCreatesAnnotators) {
  std::unique_ptr<ImportBatch> batch = Begin();
  Result<ResolvedUser> existing = batch->ResolveUser("ANN@example.com", false);
  ASSERT_TRUE(existing.ok());
  EXPECT_EQ(existing->id, annotator_);
  EXPECT_FALSE(existing->created);
  Result<ResolvedUser> unknown = batch->ResolveUser("who@example.com", false);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  Result<ResolvedUser> created = batch->ResolveUser("New.Person@Example.com", true);
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->created);
  Result<ResolvedUser> again = batch->ResolveUser("new.person@example.com", true);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, created->id);
  EXPECT_FALSE(again->created);
  ASSERT_TRUE(batch->Commit().ok());

  Result<User> user = store_->GetUser(created->id);
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->email, "new.person@example.com");
  EXPECT_EQ(user->password_hash, "");
  Result<std::optional<Role>> role = store_->GetRole(workspace_, created->id);
  ASSERT_TRUE(role.ok());
  EXPECT_EQ(*role, Role::kAnnotator);
}

// Another thread reads without waiting for the batch, and sees none of it until the commit.
TEST_F(ImportBatchTest, OtherThreadsReadWithoutWaitingAndSeeOnlyCommittedRows) {
  std::unique_ptr<ImportBatch> batch = Begin();
  ASSERT_TRUE(batch->PutRecord(Row("a", "{}"), OnDuplicate::kRefuse).ok());
  auto count_elsewhere = [&] {
    return std::async(std::launch::async, [&] { return *store_->CountRecords(project_); }).get();
  };
  EXPECT_EQ(count_elsewhere(), 0);
  if (!testing::OnPostgres()) {
    EXPECT_EQ(*store_->CountRecords(project_), 1);  // SQLite: the batch's thread sees its rows
  }
  ASSERT_TRUE(batch->Commit().ok());
  EXPECT_EQ(count_elsewhere(), 1);
}

// Another thread's write waits for the batch; then it goes through.
TEST_F(ImportBatchTest, OtherThreadsWritesWaitForTheBatch) {
  if (testing::OnPostgres()) GTEST_SKIP() << "SQLite's single writer: on PostgreSQL other writes do not wait for a batch";
  std::unique_ptr<ImportBatch> batch = Begin();
  ASSERT_TRUE(batch->PutRecord(Row("a", "{}"), OnDuplicate::kRefuse).ok());
  std::future<Result<Workspace>> created =
      std::async(std::launch::async, [&] { return store_->CreateWorkspace("during the batch"); });
  EXPECT_EQ(created.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  ASSERT_TRUE(batch->Commit().ok());
  EXPECT_TRUE(created.get().ok());
  EXPECT_EQ(*store_->CountRecords(project_), 1);
}

// On the batch's thread, writes join the batch (no deadlock) and go with it if it rolls back;
// reads of every kind see the batch's rows.
TEST_F(ImportBatchTest, TheBatchThreadsOwnCallsJoinTheBatch) {
  if (testing::OnPostgres()) GTEST_SKIP() << "SQLite's writer connection: on PostgreSQL the batch is one connection's transaction";
  {
    std::unique_ptr<ImportBatch> batch = Begin();
    Result<int64_t> id = batch->PutRecord(Row("a", R"({"prompt":"inside"})"), OnDuplicate::kRefuse);
    ASSERT_TRUE(id.ok());
    Response response;
    response.record_id = *id;
    response.user_id = annotator_;
    response.status = ResponseStatus::kSubmitted;
    Result<Response> saved = store_->SaveResponse(response, annotator_);
    ASSERT_TRUE(saved.ok()) << saved.error().ToString();
    EXPECT_TRUE(store_->GetRecord(*id).ok());
    EXPECT_TRUE((*store_->FindResponse(*id, annotator_)).has_value());
    RecordFilter filter;
    filter.project_id = project_;
    filter.text = "INSIDE";
    EXPECT_EQ(store_->FindRecords(filter)->size(), 1u);
    // The distribution counts see the batch's rows too.
    EXPECT_EQ(store_->ProgressOf(project_, annotator_, 2)->started, 1);
    EXPECT_EQ(store_->ProgressOf(project_, annotator_, 1)->complete, 1);
    EXPECT_EQ(store_->ProgressOf(project_, annotator_, 1)->mine_submitted, 1);
  }  // rolled back, the response with it
  EXPECT_EQ(*store_->CountRecords(project_), 0);
  Reopen();
  EXPECT_EQ(*store_->CountRecords(project_), 0);
  RecordFilter filter;
  filter.project_id = project_;
  Result<std::vector<Record>> none = store_->FindRecords(filter);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace quorum
