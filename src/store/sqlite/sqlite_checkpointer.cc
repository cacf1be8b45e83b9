#include "store/sqlite/sqlite_checkpointer.h"

#include <utility>

namespace quorum::sqlite {

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path) {
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, Connection::Open(path));
  return std::unique_ptr<Checkpointer>(new Checkpointer(std::move(connection)));
}

Checkpointer::Checkpointer(std::unique_ptr<Connection> connection) : connection_(std::move(connection)) {
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
  if (frames < kWakeFrames) return SQLITE_OK;
  auto* checkpointer = static_cast<Checkpointer*>(self);
  {
    std::lock_guard<std::mutex> lock(checkpointer->mutex_);
    checkpointer->pending_ = true;
  }
  checkpointer->wake_.notify_one();
  return SQLITE_OK;
}

void Checkpointer::Run() {
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return pending_ || stopping_; });
      if (stopping_) return;
      pending_ = false;
    }
    // PASSIVE never blocks the store's connection: it copies what no reader still needs and
    // leaves the rest. Whatever is left over (or a failure such as SQLITE_BUSY while another
    // process checkpoints) is retried after the next large commit; the WAL stays valid
    // throughout, so nothing here can lose a write.
    sqlite3_wal_checkpoint_v2(connection_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
}

}  // namespace quorum::sqlite
