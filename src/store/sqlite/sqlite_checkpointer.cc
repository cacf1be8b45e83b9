#include "store/sqlite/sqlite_checkpointer.h"

#include <utility>

#include "store/sqlite/sql.h"

namespace quorum::sqlite {

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path) {
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, Connection::Open(path));
  int64_t page_size = 0;
  {
    QUORUM_ASSIGN_OR_RETURN(Query query, connection->Use(kPragmaPageSizeValue));
    QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
    if (found) page_size = query.Int(0);
  }
  if (page_size <= 0) return MakeError(ErrorCode::kIo, "cannot read the page size of '" + path + "'");
  const int restart_frames = static_cast<int>(kRestartBytes / page_size);
  return std::unique_ptr<Checkpointer>(new Checkpointer(std::move(connection), restart_frames));
}

Checkpointer::Checkpointer(std::unique_ptr<Connection> connection, int restart_frames)
    : connection_(std::move(connection)), restart_frames_(restart_frames) {
  thread_ = std::thread([this] { Run(); });
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void Checkpointer::Watch(Connection& connection) {
  sqlite3_wal_autocheckpoint(connection.handle(), 0);
  sqlite3_wal_hook(connection.handle(), &Checkpointer::OnCommit, this);
}

int Checkpointer::OnCommit(void* self, sqlite3*, const char*, int frames) {
  auto* checkpointer = static_cast<Checkpointer*>(self);
  // A WAL smaller than after the previous commit has started over: count from the start again.
  if (frames < checkpointer->last_frames_) checkpointer->next_wake_frames_ = kWakeFrames;
  checkpointer->last_frames_ = frames;
  if (frames < checkpointer->next_wake_frames_) return SQLITE_OK;
  checkpointer->next_wake_frames_ = frames + kWakeFrames;
  {
    std::lock_guard<std::mutex> lock(checkpointer->mutex_);
    checkpointer->pending_ = true;
    checkpointer->wal_frames_ = frames;
  }
  checkpointer->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::Run() {
  while (true) {
    int wal_frames = 0;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return pending_ || stopping_; });
      if (stopping_) return;
      pending_ = false;
      wal_frames = wal_frames_;
    }
    // PASSIVE never blocks the store's connection: it copies what no reader still needs and
    // leaves the rest. Whatever is left over (or a failure such as SQLITE_BUSY while another
    // process checkpoints) is retried at the next wake-up; the WAL stays valid throughout, so
    // nothing here can lose a write. RESTART then waits (busy timeout) for the writer, copies
    // the frames committed during the PASSIVE pass and lets the next commit start the WAL over.
    sqlite3_wal_checkpoint_v2(connection_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (wal_frames >= restart_frames_)
      sqlite3_wal_checkpoint_v2(connection_->handle(), nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
  }
}

}  // namespace quorum::sqlite
