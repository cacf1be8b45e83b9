// Rate limiting of login attempts, per account and per client address.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace quorum {

// Counts failed logins in a sliding window. The failures are kept in the store, so every server
// on one database enforces the same limit (an attacker gains nothing by spreading attempts over
// the servers behind a load balancer). Thread-safe as the store is; holds no state of its own.
class LoginLimiter {
 public:
  struct Limits {
    int per_account = 10;   // failures per account within the window
    int per_address = 50;   // failures per client address within the window
    int64_t window_ms = 15 * 60 * 1000;
  };

  // `store` and `clock` must outlive the limiter.
  LoginLimiter(Store& store, const Clock& clock, Limits limits) : store_(store), clock_(clock), limits_(limits) {}
  LoginLimiter(Store& store, const Clock& clock) : LoginLimiter(store, clock, Limits{}) {}

  // 0 when an attempt for (account, address) may go ahead; otherwise the seconds to wait.
  // The store's error when it cannot be read.
  Result<int64_t> RetryAfterSeconds(const std::string& account, const std::string& address);
  // Records a failed attempt.
  Status RecordFailure(const std::string& account, const std::string& address);
  // Forgets the account's failures after a successful login.
  Status RecordSuccess(const std::string& account);

 private:
  Store& store_;
  const Clock& clock_;
  const Limits limits_;
};

}  // namespace quorum
