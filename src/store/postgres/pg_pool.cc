#include "store/postgres/pg_pool.h"

#include <utility>

#include "store/no_wait_scope.h"

namespace quorum::postgres {

PgPool::Lease& PgPool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    Return();
    pool_ = other.pool_;
    connection_ = std::move(other.connection_);
    other.pool_ = nullptr;
  }
  return *this;
}

void PgPool::Lease::Return() {
  if (pool_ != nullptr && connection_ != nullptr) pool_->Give(std::move(connection_));
  pool_ = nullptr;
}

Result<PgPool::Lease> PgPool::Acquire() {
  // Every use of a connection waits for the server's answer.
  if (NoWaitScope::Refuse()) return MakeError(ErrorCode::kIo, "the store would wait here (inside a NoWaitScope)");
  {
    std::unique_lock<std::mutex> lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
    if (!idle_.empty()) {
      std::unique_ptr<PgConnection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }
    ++open_;  // a place reserved for the connection opened below, outside the lock
  }
  Result<std::unique_ptr<PgConnection>> opened = PgConnection::Open(conninfo_);
  if (!opened.ok()) {
    std::lock_guard<std::mutex> lock(mutex_);
    --open_;
    returned_.notify_one();
    return std::move(opened).error();
  }
  return Lease(this, std::move(opened).value());
}

void PgPool::Give(std::unique_ptr<PgConnection> connection) {
  // A connection left inside a transaction (a caller's bug or a failure mid-way) is rolled
  // back here, so the next borrower starts clean; a broken one is dropped.
  if (connection->healthy() && connection->InTransaction() && !connection->Run("ROLLBACK").ok()) connection.reset();
  if (connection && !connection->healthy()) connection.reset();
  std::lock_guard<std::mutex> lock(mutex_);
  if (connection) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  returned_.notify_one();
}

}  // namespace quorum::postgres
