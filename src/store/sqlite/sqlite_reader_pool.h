// A fixed set of read-only connections to one database, lent to one reader at a time.
// Private to src/store/sqlite.
//
// Why: in WAL mode readers never wait for the writer (nor the writer for them), but a
// connection serves one thread at a time. With its own pool, a read runs while the writer
// connection is busy committing (fsync) or holding an import batch open.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sqlite/sqlite_connection.h"

namespace quorum::sqlite {

class ReaderPool {
 public:
  // A borrowed connection, returned to the pool when the Lease is destroyed. Movable. Every
  // Query on it must be destroyed first (so it holds no read snapshot when the next reader
  // takes it).
  class Lease {
   public:
    Lease() = default;
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();
    Connection& connection() const { return *connection_; }

   private:
    friend class ReaderPool;
    Lease(ReaderPool* pool, Connection* connection) : pool_(pool), connection_(connection) {}
    ReaderPool* pool_ = nullptr;
    Connection* connection_ = nullptr;
  };

  // Opens `size` (at least 1) read-only connections to the existing database at `path`. kIo
  // when one cannot be opened.
  static Result<std::unique_ptr<ReaderPool>> Open(const std::string& path, int size);

  // Every Lease must be gone before the pool is destroyed.
  ~ReaderPool() = default;
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;

  // Lends a free connection, waiting for one when all are lent. Thread-safe.
  Lease Acquire();
  // Lends a free connection, or nullopt at once when all are lent. Thread-safe.
  std::optional<Lease> TryAcquire();

  // Reads are short, so a handful of connections keep two cores busy; each keeps a 16 MiB page
  // cache (kPragmaReaderSettings), which bounds the pool's memory.
  static constexpr int kDefaultSize = 4;

 private:
  explicit ReaderPool(std::vector<std::unique_ptr<Connection>> connections);
  void Return(Connection* connection);

  const std::vector<std::unique_ptr<Connection>> connections_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<Connection*> free_;  // GUARDED_BY(mutex_)
};

}  // namespace quorum::sqlite
