// The HTTP/1.1 server: Boost.Beast over Asio. I/O threads read and write; handlers that may wait
// (writes wait for their commit, long reads, any call to a database server) run on a separate
// worker pool, so a slow query never stalls the sockets. Quick reads (Route::quick) and the web
// UI's files are answered on the I/O thread when the store can answer without waiting
// (Router::HandleWithoutWaiting); otherwise they go to the workers too.
// The session owns the limits: body size, read timeouts, the number of connections.
#pragma once

#include <atomic>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <mutex>
#include <string>

#include "core/result.h"
#include "http/router.h"

namespace quorum {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port (tests)
  int io_threads = 0;    // 0: one per core
  int worker_threads = 64;  // handlers block on the database; many let group commit batch
  std::size_t max_body_bytes = 256u << 20;  // larger bodies get 413
  // Bodies of routes that spool to a file (imports): they never sit in memory, so the limit is
  // the disk's. The files go to `spool_dir` (the system's temporary directory when empty).
  uint64_t max_spooled_body_bytes = 64ull << 30;
  std::string spool_dir;
  int read_timeout_seconds = 30;  // a request (headers and body) must arrive within this
  int idle_timeout_seconds = 75;  // a keep-alive connection with no request is closed
  int max_connections = 4096;     // beyond it new connections get 503 and are closed
};

// Thread-safe: Stop may be called from any thread (a signal handler's strand, a test).
class HttpServer {
 public:
  // `router` and `access_log` must outlive the server. The access log gets one JSON line per
  // request (written under a lock).
  HttpServer(Router& router, ServerOptions options, std::ostream& access_log);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. kIo when the address cannot be bound (in use, bad host).
  Status Start();
  // The bound port (after Start), useful with port 0.
  uint16_t port() const;
  // Serves until Stop; returns once in-flight requests are answered and every thread is joined.
  void Run();
  // Stops accepting, lets in-flight requests finish (up to 10 s), then ends Run.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quorum
