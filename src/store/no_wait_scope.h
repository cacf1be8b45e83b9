// Answering without waiting: how an HTTP I/O thread runs a cheap read inline (no hand-off to a
// worker) while keeping the rule that nothing it does ever waits for the writer's commit or
// for a database server's answer.
#pragma once

#include <memory>

namespace quorum {

// While a NoWaitScope lives on a thread, every store call on that thread that could wait (a
// write, which waits for its durable commit; any call to a database server, which waits for
// the network; a read when every local read connection is lent) fails at once, changing
// nothing, and the scope notes it. The code that opened the scope then discards what it got
// and does the work again where waiting is fine (the HTTP server: on its worker pool).
// Scopes do not nest. Not shared between threads: each scope belongs to the thread that made it.
class NoWaitScope {
 public:
  NoWaitScope();
  ~NoWaitScope();
  NoWaitScope(const NoWaitScope&) = delete;
  NoWaitScope& operator=(const NoWaitScope&) = delete;

  // Whether a store call was refused inside this scope.
  bool refused() const;

  // For the stores: true when the calling thread is inside a scope (the call must then fail
  // without effect), and notes the refusal. False, noting nothing, elsewhere.
  static bool Refuse();

  // For the stores: something kept until the scope ends, such as a read connection holding
  // one snapshot for every read the scope makes (nothing in a scope writes, so its reads may
  // share one). Destroyed when the scope is.
  class Kept {
   public:
    virtual ~Kept() = default;
  };
  // Whether the calling thread is inside a scope that keeps nothing yet.
  static bool CanKeep();
  // Keeps `kept` under `owner` (the store) for the rest of this thread's scope. Only after
  // CanKeep said yes on this thread.
  static void Keep(const void* owner, std::unique_ptr<Kept> kept);
  // What `owner` keeps in this thread's scope, or null.
  static Kept* KeptBy(const void* owner);
};

}  // namespace quorum
