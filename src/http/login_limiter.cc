#include "http/login_limiter.h"

#include <algorithm>

namespace quorum {

int64_t LoginLimiter::WaitFor(std::deque<int64_t>& failures, int limit, int64_t now) {
  while (!failures.empty() && failures.front() <= now - limits_.window_ms) failures.pop_front();
  if (static_cast<int>(failures.size()) < limit) return 0;
  // The oldest failure in the window must age out before another attempt.
  const int64_t wait_ms = failures.front() + limits_.window_ms - now;
  return std::max<int64_t>(1, (wait_ms + 999) / 1000);
}

int64_t LoginLimiter::RetryAfterSeconds(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  const int64_t now = clock_.NowMs();
  return std::max(WaitFor(by_account_[account], limits_.per_account, now),
                  WaitFor(by_address_[address], limits_.per_address, now));
}

void LoginLimiter::RecordFailure(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  const int64_t now = clock_.NowMs();
  by_account_[account].push_back(now);
  by_address_[address].push_back(now);
}

void LoginLimiter::RecordSuccess(const std::string& account) {
  std::lock_guard lock(mutex_);
  by_account_.erase(account);
}

}  // namespace quorum
