// Group commit: writes from many threads share one transaction, so one fsync acknowledges many.
// Private to src/store/sqlite.
//
// Why: with synchronous=FULL a commit fsyncs the WAL (about 0.3 ms here), so committing each
// write on its own caps a store at a few thousand writes a second however many threads call it.
// Here each caller queues its write; the caller at the head of the queue (the leader) runs up
// to kMaxBatch queued writes in one BEGIN IMMEDIATE transaction, each inside its own savepoint
// (a write that fails is undone alone and reports its own error), commits once, and hands every
// caller its result. Durability is unchanged: a caller returns only after the transaction
// holding its write has committed. While a leader commits, the next writers queue up behind it
// and form the next batch, so batches grow with the load and cost nothing when it is light.
// With a WalSync the commit skips its fsync: the leader lets the connection go to the next
// leader, waits for a WAL sync that covers its batch (see sqlite_wal_sync.h) and only then wakes
// the callers that asked for the disk, so one batch's fsync overlaps the next batch's statements.
// Lock order: the connection's mutex before the queue's; neither is held while syncing.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

#include "core/result.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_wal_sync.h"

namespace quorum::sqlite {

// When a write's caller may go on.
enum class Durability {
  kOnDisk,     // the write is on the disk: it survives a power loss. Anything a user is told was saved.
  kCommitted,  // the write is committed and seen by every reader; it survives a crash of the
               // process, and a power loss keeps it once any later kOnDisk write has returned.
               // For what can be made again on asking (an annotator's hold on a record).
};

class GroupCommitter {
 public:
  // One write: statements on the connection it is given, inside a savepoint. It must not commit,
  // begin transactions other than savepoints, call the store, or throw (anything that may throw,
  // such as serializing JSON, belongs before Run). What it returns is its caller's result unless
  // the shared transaction then fails to commit.
  using Write = std::function<Status(Connection&)>;

  // Writes run on `connection` while holding `connection_mutex`, which guards it. With
  // `wal_sync`, `connection` must commit without an fsync of its own (synchronous=NORMAL) and
  // the sync is waited for there; without it (null: an in-memory database) a commit is as
  // durable as the connection makes it. All must outlive the committer.
  GroupCommitter(Connection& connection, std::recursive_mutex& connection_mutex, WalSync* wal_sync);
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Runs `write` in a transaction shared with other callers' writes and returns once that
  // transaction has committed and, for kOnDisk, been synced: `write`'s own error (nothing of it
  // remains), the commit's error (nothing of the batch remains), the sync's error (the write
  // is committed but may not survive a power loss), or success. Thread-safe; blocks while
  // earlier batches commit. Must not be called by a thread holding `connection_mutex`.
  Status Run(const Write& write, Durability durability = Durability::kOnDisk);

  // Writes queued or running now: the load, for metrics and tests. Thread-safe.
  size_t pending();

  // The most writes one transaction holds: bounds a batch's latency and its savepoint work.
  static constexpr size_t kMaxBatch = 256;

 private:
  struct Pending {
    Pending(const Write* write, Durability durability) : write(write), durability(durability) {}
    const Write* write;
    const Durability durability;
    Status result = OkStatus();      // set by the leader before `done`
    bool done = false;               // GUARDED_BY(mutex_)
    std::condition_variable wake;    // the leader signals: done, or this one leads next
  };

  // Runs `batch` (the head of the queue) in one transaction and sets each one's result. Needs
  // `connection_mutex_` held.
  void RunBatch(Pending* const* batch, size_t count);

  Connection& connection_;
  std::recursive_mutex& connection_mutex_;
  WalSync* const wal_sync_;  // null: commits sync themselves
  std::mutex mutex_;
  std::deque<Pending*> queue_;  // GUARDED_BY(mutex_); the head is the leader or next to lead
};

}  // namespace quorum::sqlite
