// The background checkpointer: a large commit returns before its pages reach the database
// file, and they get there afterwards without any further call.
#include "store/sqlite/sqlite_checkpointer.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum::sqlite {
namespace {

using quorum::testing::StoreTest;

// SQLite's WAL and its checkpoints: nothing to test when the suite runs on PostgreSQL.
class CheckpointerTest : public StoreTest {
 protected:
  void SetUp() override {
    if (testing::OnPostgres()) GTEST_SKIP() << "SQLite WAL checkpoints; QUORUM_TEST_POSTGRES selects PostgreSQL";
    StoreTest::SetUp();
  }
};

TEST_F(CheckpointerTest, PagesOfALargeCommitReachTheDatabaseFileInTheBackground) {
  int64_t project = NewProject(NewWorkspace());
  // About 24 MB: well past the kWakeFrames pages (16 MB) that wake the checkpointer.
  const std::string fields = R"({"prompt":")" + std::string(2000, 'x') + R"("})";
  Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project);
  ASSERT_TRUE(batch.ok());
  for (int index = 0; index < 12'000; ++index)
    ASSERT_TRUE((*batch)->PutRecord({"", fields, "{}", "{}", 0, 0}, OnDuplicate::kRefuse).ok());
  ASSERT_TRUE((*batch)->Commit().ok());

  // The pages were committed to the WAL; the checkpointer copies them into the database file,
  // which therefore grows, while the store stays open and idle.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  uintmax_t size = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    size = std::filesystem::file_size(path_);
    if (size > 20'000'000) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GT(size, 20'000'000u) << "the WAL was not checkpointed in the background";
  EXPECT_EQ(*store_->CountRecords(project), 12'000);
}

// Under a steady stream of commits a PASSIVE checkpoint never finds the WAL idle; past
// kRestartBytes the checkpointer restarts it, and journal_size_limit then cuts the file back.
TEST_F(CheckpointerTest, AWalKeptBusyByCommitsStillStartsOver) {
  int64_t project = NewProject(NewWorkspace());
  int64_t user = NewUser("ann@example.com");
  // About 75 MB in 16 KiB records: past the 64 MiB that call for a restart.
  const std::string fields = R"({"prompt":")" + std::string(16'000, 'x') + R"("})";
  Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project);
  ASSERT_TRUE(batch.ok());
  std::vector<int64_t> ids;
  for (int index = 0; index < 4'500; ++index)
    ids.push_back(*(*batch)->PutRecord({"", fields, "{}", "{}", 0, 0}, OnDuplicate::kRefuse));
  ASSERT_TRUE((*batch)->Commit().ok());
  batch->reset();
  const std::string wal = path_ + "-wal";
  EXPECT_GT(std::filesystem::file_size(wal), 70'000'000u);

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  size_t saved = 0;
  uintmax_t size = 0;
  Response last;
  while (std::chrono::steady_clock::now() < deadline) {
    Response response;
    if (saved < ids.size()) {
      response.record_id = ids[saved++];
      response.user_id = user;
    } else {
      // On a busy machine the checkpointer may not have had its turn yet: keep committing
      // (updates of the last response), slowly, until it has.
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      response = last;
    }
    Result<Response> stored = store_->SaveResponse(response, user);
    ASSERT_TRUE(stored.ok());
    last = *stored;
    size = std::filesystem::file_size(wal);
    if (size <= 64u << 20) break;
  }
  EXPECT_LE(size, 64u << 20) << "the WAL never started over after " << saved << " commits";
}

TEST_F(CheckpointerTest, SmallCommitsDoNotWakeIt) {
  // Nothing to observe but that the store works and shuts down promptly with an idle thread.
  for (int index = 0; index < 20; ++index) NewWorkspace("w" + std::to_string(index));
  EXPECT_EQ(store_->ListWorkspaces()->size(), 20u);
}

}  // namespace
}  // namespace quorum::sqlite
