// Checkpoints the WAL on a background thread, so that no caller's write pays for one.
// Private to src/store/sqlite.
//
// Why: by default SQLite checkpoints inside the commit that pushes the WAL past 1000 pages. A
// million-record import then spends seconds in Commit() copying 1.5 GB from the WAL into the
// database, and an annotator's SaveResponse now and then waits for a 16 MB copy. The copy is
// not needed for durability (the commit already fsynced the WAL), so it moves here.
//
// Under a steady stream of commits a PASSIVE checkpoint never finds the WAL idle: a commit
// always lands while it copies, so the WAL is never completely copied when the next write
// begins, never starts over, and grows without bound. So the thread is woken once per
// kWakeFrames new frames (not after every commit of a long WAL), and once the WAL holds
// kRestartBytes it follows the PASSIVE pass with a RESTART one: that copies the few frames
// committed meanwhile while holding writers off (they wait, as for a busy database), and the
// next commit starts the WAL over.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"
#include "store/sqlite/sqlite_connection.h"

namespace quorum::sqlite {

class Checkpointer {
 public:
  // Opens a second connection to the database at `path` (already created and migrated) and
  // starts the thread that uses it. kIo when the connection cannot be opened.
  static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path);

  // Stops the thread, waiting for a checkpoint in progress to finish.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Turns off `connection`'s own automatic checkpoints and wakes this thread instead whenever
  // one of its commits has added kWakeFrames frames to the WAL since the last wake-up.
  // `connection` must be closed before this Checkpointer is destroyed. Call before `connection`
  // is shared. Watches one connection only.
  void Watch(Connection& connection);

  // Frames (pages) added to the WAL that wake the thread: SQLite's own default.
  static constexpr int kWakeFrames = 1000;
  // The WAL's size past which a checkpoint also restarts it: the size journal_size_limit
  // truncates the WAL to. Counted in frames of the database's page size.
  static constexpr int64_t kRestartBytes = 64 << 20;

 private:
  Checkpointer(std::unique_ptr<Connection> connection, int restart_frames);
  static int OnCommit(void* self, sqlite3* db, const char* database, int frames);
  void Run();

  std::unique_ptr<Connection> connection_;  // used by thread_ only
  const int restart_frames_;                // kRestartBytes in frames
  // The WAL's size after the watched connection's last commit, and the size that wakes the
  // thread next. Used by that connection's commits only, which its owner serializes.
  int last_frames_ = 0;
  int next_wake_frames_ = kWakeFrames;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;   // GUARDED_BY(mutex_)
  int wal_frames_ = 0;     // GUARDED_BY(mutex_): the WAL's size at the last wake-up
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;     // started last, joined first
};

}  // namespace quorum::sqlite
