#include "http/login_limiter.h"

#include <algorithm>
#include <vector>

namespace quorum {
namespace {

// Seconds until the failures (newest first, at most `limit` of them) leave room for one more
// attempt: 0 below the limit; otherwise until the limit-th newest one ages out of the window.
int64_t WaitFor(const std::vector<int64_t>& failures, int limit, int64_t window_ms, int64_t now) {
  if (static_cast<int>(failures.size()) < limit) return 0;
  const int64_t wait_ms = failures.back() + window_ms - now;
  return std::max<int64_t>(1, (wait_ms + 999) / 1000);
}

}  // namespace

Result<int64_t> LoginLimiter::RetryAfterSeconds(const std::string& account, const std::string& address) {
  const int64_t now = clock_.NowMs();
  QUORUM_ASSIGN_OR_RETURN(Store::LoginFailureTimes failures,
                          store_.RecentLoginFailures(account, address, now - limits_.window_ms, limits_.per_account,
                                                     limits_.per_address));
  return std::max(WaitFor(failures.account, limits_.per_account, limits_.window_ms, now),
                  WaitFor(failures.address, limits_.per_address, limits_.window_ms, now));
}

Status LoginLimiter::RecordFailure(const std::string& account, const std::string& address) {
  const int64_t now = clock_.NowMs();
  return store_.RecordLoginFailure(account, address, now, now - limits_.window_ms);
}

Status LoginLimiter::RecordSuccess(const std::string& account) { return store_.ClearLoginFailures(account); }

}  // namespace quorum
