// Checkpoints the WAL on a background thread, so that no caller's write pays for one.
// Private to src/store/sqlite.
//
// Why: by default SQLite checkpoints inside the commit that pushes the WAL past 1000 pages. A
// million-record import then spends seconds in Commit() copying 1.5 GB from the WAL into the
// database, and an annotator's SaveResponse now and then waits for a 16 MB copy. The copy is
// not needed for durability (the commit already fsynced the WAL), so it moves here.
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

  // Turns off `connection`'s own automatic checkpoints and wakes this thread instead after
  // each of its commits that leaves at least kWakeFrames frames in the WAL. `connection` must
  // be closed before this Checkpointer is destroyed. Call before `connection` is shared.
  void Watch(Connection& connection);

  // Frames (pages) in the WAL that make a commit wake the thread: SQLite's own default.
  static constexpr int kWakeFrames = 1000;

 private:
  explicit Checkpointer(std::unique_ptr<Connection> connection);
  static int OnCommit(void* self, sqlite3* db, const char* database, int frames);
  void Run();

  std::unique_ptr<Connection> connection_;  // used by thread_ only
  std::mutex mutex_;
  std::condition_variable wake_;
  bool pending_ = false;   // GUARDED_BY(mutex_)
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;     // started last, joined first
};

}  // namespace quorum::sqlite
