// A pool of PostgreSQL connections lent to one caller at a time. Private to src/store/postgres.
//
// Thread safety: Acquire may be called from any thread. When every connection is lent out it
// blocks until one comes back. Connections are opened on demand, up to the pool's size; one
// whose server connection broke is closed on return and replaced by the next Acquire.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/postgres/pg_connection.h"

namespace quorum::postgres {

class PgPool {
 public:
  // A connection on loan; returned to the pool on destruction. Movable, not copyable.
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) { other.pool_ = nullptr; }
    Lease& operator=(Lease&& other) noexcept;
    ~Lease() { Return(); }
    PgConnection& operator*() const { return *connection_; }
    PgConnection* operator->() const { return connection_.get(); }

   private:
    friend class PgPool;
    Lease(PgPool* pool, std::unique_ptr<PgConnection> connection) : pool_(pool), connection_(std::move(connection)) {}
    void Return();
    PgPool* pool_ = nullptr;
    std::unique_ptr<PgConnection> connection_;
  };

  // `conninfo` for libpq; `size` >= 1 connections at most.
  PgPool(std::string conninfo, int size) : conninfo_(std::move(conninfo)), size_(size) {}

  // A connection, waiting while all `size` are lent. kIo when a new one cannot be opened, and
  // at once inside a NoWaitScope (store/no_wait_scope.h): a database server is never waited for there.
  Result<Lease> Acquire();
  int size() const { return size_; }

 private:
  void Give(std::unique_ptr<PgConnection> connection);

  const std::string conninfo_;
  const int size_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<PgConnection>> idle_;  // GUARDED_BY(mutex_)
  int open_ = 0;                                     // GUARDED_BY(mutex_): idle + lent
};

}  // namespace quorum::postgres
