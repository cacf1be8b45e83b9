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

class CheckpointerTest : public StoreTest {};

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

TEST_F(CheckpointerTest, SmallCommitsDoNotWakeIt) {
  // Nothing to observe but that the store works and shuts down promptly with an idle thread.
  for (int index = 0; index < 20; ++index) NewWorkspace("w" + std::to_string(index));
  EXPECT_EQ(store_->ListWorkspaces()->size(), 20u);
}

}  // namespace
}  // namespace quorum::sqlite
