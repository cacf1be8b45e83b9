// WalSync: callers at once share fdatasyncs, a ticket is synced only by a sync that began after
// it, and a failure sticks.
#include "store/sqlite/sqlite_wal_sync.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum::sqlite {
namespace {

using quorum::testing::TempDir;

std::string CreatedFile(const TempDir& dir) {
  const std::string path = dir.File("db-wal");
  int fd = ::open(path.c_str(), O_CREAT | O_WRONLY, 0600);
  EXPECT_GE(fd, 0);
  ::close(fd);
  return path;
}

TEST(WalSyncTest, EachTicketIsSyncedByASyncThatBeganAfterIt) {
  TempDir dir;
  WalSync wal_sync(CreatedFile(dir));
  EXPECT_TRUE(wal_sync.SyncThrough(0).ok());  // nothing committed: nothing to wait for
  EXPECT_EQ(wal_sync.syncs(), 0u);
  const uint64_t first = wal_sync.Committed();
  ASSERT_TRUE(wal_sync.SyncThrough(first).ok());
  EXPECT_EQ(wal_sync.syncs(), 1u);
  ASSERT_TRUE(wal_sync.SyncThrough(first).ok());  // already synced
  EXPECT_EQ(wal_sync.syncs(), 1u);
  const uint64_t second = wal_sync.Committed();
  const uint64_t third = wal_sync.Committed();
  ASSERT_TRUE(wal_sync.SyncThrough(second).ok());  // covers the third, committed before it began
  ASSERT_TRUE(wal_sync.SyncThrough(third).ok());
  EXPECT_EQ(wal_sync.syncs(), 2u);
}

TEST(WalSyncTest, CallersAtOnceShareSyncs) {
  TempDir dir;
  WalSync wal_sync(CreatedFile(dir));
  constexpr int kThreads = 8, kCommits = 100;
  std::atomic<int> failures{0}, ready{0};
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&] {
      // All start at once: a thread that ran its commits before the others began would sync alone.
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int commit = 0; commit < kCommits; ++commit)
        if (!wal_sync.SyncThrough(wal_sync.Committed()).ok()) ++failures;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(wal_sync.syncs(), 0u);
  EXPECT_LT(wal_sync.syncs(), static_cast<uint64_t>(kThreads * kCommits));
}

TEST(WalSyncTest, AFailureNamesTheFileAndSticks) {
  TempDir dir;
  const std::string missing = dir.File("db-wal");  // never created
  WalSync wal_sync(missing);
  Status failed = wal_sync.SyncThrough(wal_sync.Committed());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kIo);
  EXPECT_NE(failed.error().message.find("opening the WAL '" + missing + "'"), std::string::npos)
      << failed.error().message;
  CreatedFile(dir);  // the file is there now, but an earlier failure may have lost pages
  Status again = wal_sync.SyncThrough(wal_sync.Committed());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message, failed.error().message);
  EXPECT_EQ(wal_sync.syncs(), 1u);
}

}  // namespace
}  // namespace quorum::sqlite
