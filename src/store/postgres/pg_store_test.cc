// What is new on PostgreSQL: errors mapped from SQLSTATEs, the COPY import's rollback, and the
// distribution guarantees across several stores (as several servers) on one database.
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "store/open_store.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_test_support.h"
#include "store/postgres/pg_url.h"

namespace quorum::postgres {
namespace {

using quorum::testing::FakeClock;

class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QUORUM_REQUIRE_POSTGRES();
    url_ = testing::FreshSchemaUrl();
    store_ = Open();
    workspace_ = store_->CreateWorkspace("team").value().id;
    Project project;
    project.workspace_id = workspace_;
    project.name = "p";
    project.schema = quorum::testing::TestSchema();
    project_ = store_->CreateProject(project).value().id;
  }

  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> opened = OpenStore(url_, clock_);
    EXPECT_TRUE(opened.ok()) << opened.error().ToString();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

  std::unique_ptr<PgConnection> Connect() {
    return PgConnection::Open(ParsePgUrl(url_).value().conninfo).value();
  }

  std::string url_;
  FakeClock clock_;
  std::unique_ptr<Store> store_;
  int64_t workspace_ = 0, project_ = 0;
};

TEST_F(PgStoreTest, AUniqueViolationIsAConflictAndAMissingReferenceNotFound) {
  std::unique_ptr<PgConnection> connection = Connect();
  const char* insert = "INSERT INTO workspaces (id, name, created_at) VALUES ($1, 'w', 0)";
  ASSERT_TRUE(connection->Exec(insert, Params().Int(777)).ok());
  Result<PgResult> duplicate = connection->Exec(insert, Params().Int(777));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_NE(duplicate.error().message.find("SQLSTATE 23505"), std::string::npos) << duplicate.error().message;

  Result<PgResult> orphan =
      connection->Exec("INSERT INTO memberships (workspace_id, user_id, role) VALUES (777, 999, 'owner')");
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kNotFound);

  // Through the store: a second user with the same email, in any case.
  User user;
  user.email = "Same@Example.com";
  ASSERT_TRUE(store_->CreateUser(user).ok());
  user.email = "same@example.COM";
  Result<User> again = store_->CreateUser(user);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().message, "a user with email 'same@example.com' already exists");
}

// A batch large enough to have sent several COPYs before it fails: nothing of it remains.
TEST_F(PgStoreTest, AnImportThatFailsAfterItsCopiesLeavesNothing) {
  const std::string big_text(2000, 'x');
  const std::string fields = R"({"prompt":")" + big_text + R"("})";
  {
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_).value();
    // The batch's first record loads the project's external ids (none yet) and is only buffered.
    ASSERT_TRUE(batch->PutRecord({"first", "{}", "{}", "{}", 0, 0}, OnDuplicate::kRefuse).ok());
    // Meanwhile another server imports an external id this batch will put too, and commits.
    // (It must commit before the batch sends rows: an open batch holds its project's progress
    // counts, so a second import into the project waits for it.)
    std::unique_ptr<Store> other = Open();
    std::unique_ptr<ImportBatch> competing = other->BeginImport(project_).value();
    ASSERT_TRUE(competing->PutRecord({"last", "{}", "{}", "{}", 0, 0}, OnDuplicate::kRefuse).ok());
    ASSERT_TRUE(competing->Commit().ok());
    for (int index = 0; index < 5000; ++index) {  // 10 MB: the buffer is sent at least twice
      const std::string external_id = "r" + std::to_string(index);
      RecordRow row{external_id, fields, "{}", "{}", 0, 0};
      Result<int64_t> id = batch->PutRecord(row, OnDuplicate::kRefuse);
      ASSERT_TRUE(id.ok()) << id.error().ToString();
      ASSERT_TRUE(batch->PutSuggestion(*id, {"quality", R"("good")", 0.5, "model"}).ok());
    }
    ASSERT_TRUE(batch->PutRecord({"last", "{}", "{}", "{}", 0, 0}, OnDuplicate::kRefuse).ok());
    Status committed = batch->Commit();
    ASSERT_FALSE(committed.ok());
    EXPECT_EQ(committed.error().code, ErrorCode::kConflict) << committed.error().ToString();
    EXPECT_FALSE(batch->Commit().ok()) << "a failed batch is spent";
  }
  EXPECT_EQ(*store_->CountRecords(project_), 1);  // the competing record alone
  std::unique_ptr<PgConnection> connection = Connect();
  EXPECT_EQ(connection->Exec("SELECT count(*) FROM suggestions").value().Int(0, 0), 0);
  EXPECT_EQ(connection->Exec("SELECT count(*) FROM record_progress").value().Int(0, 0), 1);
  EXPECT_EQ(connection->Exec("SELECT sum(records) FROM progress_counts").value().Int(0, 0), 1);
}

TEST_F(PgStoreTest, ADestroyedBatchRollsBackEvenAfterItsCopiesWereSent) {
  const std::string fields = R"({"prompt":")" + std::string(5000, 'y') + R"("})";
  {
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_).value();
    for (int index = 0; index < 2000; ++index)  // 10 MB
      ASSERT_TRUE(batch->PutRecord({"", fields, "{}", "{}", 0, 0}, OnDuplicate::kRefuse).ok());
  }
  EXPECT_EQ(*store_->CountRecords(project_), 0);
  // Ids are never given twice, not even those of a rolled-back batch.
  std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_).value();
  Result<int64_t> id = batch->PutRecord({"", "{}", "{}", "{}", 0, 0}, OnDuplicate::kRefuse);
  ASSERT_TRUE(id.ok());
  EXPECT_GT(*id, 2000);
  ASSERT_TRUE(batch->Commit().ok());
}

// Three stores on one database, as three servers: 24 annotators spread over them reserve and
// submit at once. No record gets more than `overlap` submissions, nobody gets a record twice,
// and every acknowledged submission is there.
TEST_F(PgStoreTest, DistributionGuaranteesHoldAcrossStoresSharingTheDatabase) {
  constexpr int kServers = 3, kAnnotators = 24, kRecords = 60, kOverlap = 2;
  {
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_).value();
    for (int index = 0; index < kRecords; ++index)
      ASSERT_TRUE(batch->PutRecord({"", R"({"prompt":"p"})", "{}", "{}", 0, 0}, OnDuplicate::kRefuse).ok());
    ASSERT_TRUE(batch->Commit().ok());
  }
  std::vector<std::unique_ptr<Store>> servers;
  for (int server = 0; server < kServers; ++server) servers.push_back(Open());
  std::vector<int64_t> users;
  for (int index = 0; index < kAnnotators; ++index) {
    User user;
    user.email = "a" + std::to_string(index) + "@x.org";
    users.push_back(store_->CreateUser(user).value().id);
  }

  std::mutex mutex;
  std::map<int64_t, std::set<int64_t>> handed;  // user -> records handed out
  std::vector<int64_t> acknowledged;             // response ids
  std::atomic<int> errors{0};
  // One annotator asking and answering until there is nothing for them.
  auto annotate = [&](int index) {
    Store& store = *servers[index % kServers];
    while (true) {
      ReserveRequest request;
      request.project_id = project_;
      request.user_id = users[index];
      request.overlap = kOverlap;
      request.now_ms = clock_.NowMs();
      Result<std::optional<Reservation>> reserved = store.Reserve(request);
      if (!reserved.ok()) {
        ++errors;
        return;
      }
      if (!*reserved) return;
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (!handed[users[index]].insert((*reserved)->record_id).second) ++errors;  // twice
      }
      Response response;
      response.record_id = (*reserved)->record_id;
      response.user_id = users[index];
      response.values = {{"quality", "good"}};
      response.status = ResponseStatus::kSubmitted;
      ResponseLimits limits{kOverlap, false, clock_.NowMs(), 0, std::nullopt};
      Result<Response> saved = store.SaveResponseWithin(response, users[index], limits);
      if (!saved.ok()) {
        ++errors;
        return;
      }
      std::lock_guard<std::mutex> lock(mutex);
      acknowledged.push_back(saved->id);
    }
  };
  std::vector<std::thread> threads;
  for (int index = 0; index < kAnnotators; ++index) threads.emplace_back(annotate, index);
  for (std::thread& thread : threads) thread.join();
  // A record another server is claiming or answering at that moment is skipped (SKIP LOCKED),
  // so near the end an annotator may hear "nothing for you" while a place is still open, and
  // stop. One quiet pass over everyone fills what is left: a place lost to a leaked hold would
  // stay empty and fail the count below.
  for (int index = 0; index < kAnnotators; ++index) annotate(index);
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(acknowledged.size(), static_cast<size_t>(kRecords * kOverlap)) << "every place filled once";
  std::unique_ptr<PgConnection> connection = Connect();
  Result<PgResult> most = connection->Exec(
      "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM responses WHERE status = 'submitted' "
      "GROUP BY record_id) counts");
  ASSERT_TRUE(most.ok());
  EXPECT_EQ(most->Int(0, 0), kOverlap);
  for (int64_t response_id : acknowledged) EXPECT_TRUE(store_->GetResponse(response_id).ok()) << response_id;
  DistributionProgress progress = store_->ProgressOf(project_, 0, kOverlap).value();
  EXPECT_EQ(progress.complete, kRecords);
  EXPECT_EQ(store_->CountLiveReservations(project_, clock_.NowMs()).value(), 0);
}

}  // namespace
}  // namespace quorum::postgres
