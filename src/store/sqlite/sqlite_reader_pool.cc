#include "store/sqlite/sqlite_reader_pool.h"

#include <algorithm>
#include <utility>

namespace quorum::sqlite {

Result<std::unique_ptr<ReaderPool>> ReaderPool::Open(const std::string& path, int size) {
  std::vector<std::unique_ptr<Connection>> connections;
  for (int index = 0; index < std::max(size, 1); ++index) {
    QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, Connection::Open(path, Access::kReadOnly));
    connections.push_back(std::move(connection));
  }
  return std::unique_ptr<ReaderPool>(new ReaderPool(std::move(connections)));
}

ReaderPool::ReaderPool(std::vector<std::unique_ptr<Connection>> connections) : connections_(std::move(connections)) {
  for (const std::unique_ptr<Connection>& connection : connections_) free_.push_back(connection.get());
}

ReaderPool::Lease ReaderPool::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  returned_.wait(lock, [this] { return !free_.empty(); });
  Connection* connection = free_.back();
  free_.pop_back();
  return Lease(this, connection);
}

std::optional<ReaderPool::Lease> ReaderPool::TryAcquire() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (free_.empty()) return std::nullopt;
  Connection* connection = free_.back();
  free_.pop_back();
  return Lease(this, connection);
}

void ReaderPool::Return(Connection* connection) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(connection);
  }
  returned_.notify_one();
}

ReaderPool::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)), connection_(std::exchange(other.connection_, nullptr)) {}

ReaderPool::Lease& ReaderPool::Lease::operator=(Lease&& other) noexcept {
  if (this != &other) {
    if (pool_ != nullptr) pool_->Return(connection_);
    pool_ = std::exchange(other.pool_, nullptr);
    connection_ = std::exchange(other.connection_, nullptr);
  }
  return *this;
}

ReaderPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->Return(connection_);
}

}  // namespace quorum::sqlite
