// GroupCommitter on a bare connection: queued writes share one commit, each caller gets its
// own result, and a failure of the shared transaction reaches every caller in it.
#include "store/sqlite/sqlite_group_commit.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum::sqlite {
namespace {

using quorum::testing::TempDir;

constexpr char kCreate[] = "CREATE TABLE t (k INTEGER PRIMARY KEY)";
constexpr char kInsert[] = "INSERT INTO t (k) VALUES (?)";
constexpr char kCount[] = "SELECT count(*) FROM t";
constexpr char kRollback[] = "ROLLBACK";

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Connection>> opened = Connection::Open(dir_.File("group.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    connection_ = std::move(opened).value();
    ASSERT_TRUE(connection_->Exec(kCreate).ok());
    sqlite3_commit_hook(connection_->handle(), &GroupCommitTest::CountCommit, &commits_);
    committer_ = std::make_unique<GroupCommitter>(*connection_, mutex_, nullptr);
  }

  static int CountCommit(void* commits) {
    ++*static_cast<std::atomic<int>*>(commits);
    return 0;
  }

  static GroupCommitter::Write Insert(int64_t key) {
    return [key](Connection& connection) -> Status {
      QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsert));
      return insert.BindInt(key).Run();
    };
  }

  int64_t Count() {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    Result<Query> count = connection_->Use(kCount);
    EXPECT_TRUE(*count->Step());
    return count->Int(0);
  }

  // Runs `writes` on threads of their own while the connection is held, so that the first
  // one leads and waits for the connection while all the others queue behind it; then lets go.
  std::vector<Status> RunQueued(const std::vector<GroupCommitter::Write>& writes) {
    return RunQueued(*committer_, writes);
  }
  std::vector<Status> RunQueued(GroupCommitter& committer, const std::vector<GroupCommitter::Write>& writes) {
    std::vector<Status> results(writes.size(), OkStatus());
    std::vector<std::thread> threads;
    {
      std::unique_lock<std::recursive_mutex> hold(mutex_);
      for (size_t index = 0; index < writes.size(); ++index) {
        threads.emplace_back([&, index] { results[index] = committer.Run(writes[index]); });
        while (committer.pending() < index + 1) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }
    for (std::thread& thread : threads) thread.join();
    return results;
  }

  TempDir dir_;
  std::recursive_mutex mutex_;
  std::unique_ptr<Connection> connection_;
  std::atomic<int> commits_{0};
  std::unique_ptr<GroupCommitter> committer_;
};

TEST_F(GroupCommitTest, ASingleWriteCommitsAlone) {
  ASSERT_TRUE(committer_->Run(Insert(1)).ok());
  EXPECT_EQ(commits_.load(), 1);
  EXPECT_EQ(Count(), 1);
  EXPECT_FALSE(connection_->InTransaction());
}

TEST_F(GroupCommitTest, QueuedWritesShareOneCommitAndAFailureStaysWithItsCaller) {
  // Key 3 is written twice: the second write collides and is undone alone.
  std::vector<Status> results = RunQueued({Insert(1), Insert(2), Insert(3), Insert(3), Insert(4)});
  EXPECT_TRUE(results[0].ok());
  EXPECT_TRUE(results[1].ok());
  EXPECT_TRUE(results[2].ok());
  ASSERT_FALSE(results[3].ok());
  EXPECT_EQ(results[3].error().code, ErrorCode::kConflict);
  EXPECT_TRUE(results[4].ok());
  EXPECT_EQ(commits_.load(), 1);  // all five in the batch the first leader took
  EXPECT_EQ(Count(), 4);
}

TEST_F(GroupCommitTest, AThrowingWriteFailsAloneAndStrandsNobody) {
  GroupCommitter::Write throws = [](Connection&) -> Status { throw std::runtime_error("boom"); };
  std::vector<Status> results = RunQueued({Insert(1), Insert(2), throws, Insert(3)});
  EXPECT_TRUE(results[0].ok() && results[1].ok() && results[3].ok());
  ASSERT_FALSE(results[2].ok());
  EXPECT_EQ(results[2].error().code, ErrorCode::kInternal);
  EXPECT_EQ(results[2].error().message, "a store write threw: boom");
  EXPECT_EQ(Count(), 3);
}

// As after an I/O error, when SQLite rolls the whole transaction back: the writes before are
// lost with it, so their callers must hear of it, and the later ones must not run on their own.
TEST_F(GroupCommitTest, WhenTheSharedTransactionIsLostEveryCallerInItFails) {
  std::atomic<bool> ran_after{false};
  GroupCommitter::Write loses_all = [](Connection& connection) -> Status { return connection.Exec(kRollback); };
  GroupCommitter::Write after = [&](Connection& connection) -> Status {
    ran_after = true;
    return Insert(9)(connection);
  };
  ASSERT_TRUE(committer_->Run(Insert(1)).ok());  // committed before: stays
  std::vector<Status> results = RunQueued({Insert(2), Insert(3), loses_all, after});
  for (const Status& result : results) EXPECT_FALSE(result.ok());
  EXPECT_FALSE(ran_after.load());
  EXPECT_EQ(Count(), 1);
  EXPECT_FALSE(connection_->InTransaction());
  ASSERT_TRUE(committer_->Run(Insert(5)).ok());  // and the committer goes on
  EXPECT_EQ(Count(), 2);
}

TEST_F(GroupCommitTest, ManyThreadsEachGetTheirOwnResult) {
  constexpr int kThreads = 16, kWrites = 50;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (int index = 0; index < kWrites; ++index) {
        // Every fifth write repeats the previous key of this thread: exactly those fail.
        int64_t key = thread * 1000 + (index % 5 == 4 ? index - 1 : index);
        Status status = committer_->Run(Insert(key));
        if (status.ok() == (index % 5 == 4)) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Count(), kThreads * kWrites * 4 / 5);
  EXPECT_LT(commits_.load(), kThreads * kWrites);
}

// With a WalSync the commit skips its fsync: one sync of the WAL then covers the whole batch.
TEST_F(GroupCommitTest, WithAWalSyncABatchIsSyncedOnce) {
  ASSERT_TRUE(connection_->Exec("PRAGMA synchronous=NORMAL").ok());
  WalSync wal_sync(dir_.File("group.db-wal"));
  GroupCommitter committer(*connection_, mutex_, &wal_sync);
  std::vector<Status> results = RunQueued(committer, {Insert(1), Insert(2), Insert(3), Insert(4)});
  for (const Status& result : results) EXPECT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_EQ(commits_.load(), 1);
  EXPECT_EQ(wal_sync.syncs(), 1u);
  EXPECT_EQ(Count(), 4);
}

// A WAL that cannot be synced: a kOnDisk write is committed but its caller hears that it may
// not survive a power loss, and from then on every kOnDisk write does; a kCommitted write
// never waits for the sync, so it goes through.
TEST_F(GroupCommitTest, OnlyWritesThatAskForTheDiskWaitForTheSync) {
  ASSERT_TRUE(connection_->Exec("PRAGMA synchronous=NORMAL").ok());
  const std::string missing = dir_.File("missing/group.db-wal");
  WalSync wal_sync(missing);
  GroupCommitter committer(*connection_, mutex_, &wal_sync);
  EXPECT_TRUE(committer.Run(Insert(1), Durability::kCommitted).ok());
  EXPECT_EQ(wal_sync.syncs(), 0u);
  for (int64_t key : {2, 3}) {
    Status on_disk = committer.Run(Insert(key));
    ASSERT_FALSE(on_disk.ok());
    EXPECT_EQ(on_disk.error().code, ErrorCode::kIo);
    EXPECT_NE(on_disk.error().message.find(missing), std::string::npos) << on_disk.error().message;
  }
  EXPECT_EQ(wal_sync.syncs(), 1u);  // the failure is kept, not retried
  EXPECT_TRUE(committer.Run(Insert(4), Durability::kCommitted).ok());
  EXPECT_EQ(Count(), 4);
}

}  // namespace
}  // namespace quorum::sqlite
