// Rate limiting of login attempts, per account and per client address.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace quorum {

// Counts failed logins in a sliding window. Kept in this process's memory: with several servers
// each keeps its own count, which only makes the limit per server (documented in the README).
// Thread-safe.
class LoginLimiter {
 public:
  struct Limits {
    int per_account = 10;   // failures per account within the window
    int per_address = 50;   // failures per client address within the window
    int64_t window_ms = 15 * 60 * 1000;
  };

  LoginLimiter(const Clock& clock, Limits limits) : clock_(clock), limits_(limits) {}
  explicit LoginLimiter(const Clock& clock) : LoginLimiter(clock, Limits{}) {}

  // 0 when an attempt for (account, address) may go ahead; otherwise the seconds to wait.
  int64_t RetryAfterSeconds(const std::string& account, const std::string& address);
  // Records a failed attempt.
  void RecordFailure(const std::string& account, const std::string& address);
  // Forgets the account's failures after a successful login.
  void RecordSuccess(const std::string& account);

 private:
  int64_t WaitFor(std::deque<int64_t>& failures, int limit, int64_t now);  // needs mutex_

  const Clock& clock_;
  const Limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<int64_t>> by_account_;  // GUARDED_BY(mutex_)
  std::unordered_map<std::string, std::deque<int64_t>> by_address_;  // GUARDED_BY(mutex_)
};

}  // namespace quorum
