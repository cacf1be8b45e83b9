// The second stage of group commit: one fdatasync of the WAL makes many commits durable.
// Private to src/store/sqlite.
//
// Why: with synchronous=FULL, SQLite fsyncs the WAL inside COMMIT, while the writer connection
// is held, so the next batch of writes cannot start until the disk has answered (about 0.3 ms
// here, a third of the wall time of the annotation cycle). The group committer instead commits
// with synchronous=NORMAL (the frames reach the operating system, which keeps them through a
// crash of the process, but not yet the disk) and lets the connection go; the callers then
// wait here for an fdatasync of the WAL file that began after their commit. While one fsync
// runs, the next batch executes and commits. A write is still acknowledged only once it is on
// the disk. The WAL is append-only between checkpoints and SQLite's recovery keeps a prefix of
// its commits, so a power loss can only drop commits nobody was told were durable (and, with
// them, everything committed later).
//
// What changes: a reader may see a commit in the fraction of a millisecond before its fsync
// ends. If the power fails then, what it saw is gone after the restart.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "core/result.h"

namespace quorum::sqlite {

class WalSync {
 public:
  // Syncs the WAL file at `wal_path` (the database path followed by "-wal"), which is opened
  // on the first sync: it exists once a transaction has committed.
  explicit WalSync(std::string wal_path);
  ~WalSync();
  WalSync(const WalSync&) = delete;
  WalSync& operator=(const WalSync&) = delete;

  // Records that a commit has just returned; returns its ticket for SyncThrough. Call it right
  // after each commit that skipped its own fsync, before the next commit, so that tickets
  // follow the commits' order. Thread-safe.
  uint64_t Committed();

  // Returns once an fdatasync of the WAL that began after commit `ticket` returned has ended:
  // that commit and every earlier one are on the disk. Concurrent callers share one fdatasync.
  // kIo when the file cannot be opened or synced; after that every call fails with the same
  // error, since a failed fsync may have dropped pages that a later one would not rewrite.
  // Thread-safe; must not be called while holding the writer connection.
  Status SyncThrough(uint64_t ticket);

  // fdatasync calls made so far: fewer than the tickets under load. Thread-safe.
  uint64_t syncs();

 private:
  // Opens the file on first use (and fsyncs its directory, so that a WAL created without a
  // sync of its own is found after a power loss), then fdatasyncs it. Called by one thread at
  // a time (the one that set syncing_).
  Status SyncFile();

  const std::string wal_path_;
  int fd_ = -1;  // owned by the thread that set syncing_
  std::mutex mutex_;
  std::condition_variable synced_cv_;
  uint64_t committed_ = 0;       // GUARDED_BY(mutex_): the last ticket given out
  uint64_t synced_ = 0;          // GUARDED_BY(mutex_): every ticket up to this is durable
  uint64_t syncs_ = 0;           // GUARDED_BY(mutex_)
  bool syncing_ = false;         // GUARDED_BY(mutex_): an fdatasync is running
  std::optional<Error> failed_;  // GUARDED_BY(mutex_): the first failure, returned from then on
};

// For owners whose WalSync may be null (an in-memory database, whose commits sync themselves):
// WalSync::Committed and WalSync::SyncThrough, or ticket 0 and nothing to wait for.
inline uint64_t CommitTicket(WalSync* wal_sync) { return wal_sync != nullptr ? wal_sync->Committed() : 0; }
inline Status SyncThrough(WalSync* wal_sync, uint64_t ticket) {
  return wal_sync != nullptr ? wal_sync->SyncThrough(ticket) : OkStatus();
}

}  // namespace quorum::sqlite
