// Issuing the credentials Quorum hands out: API tokens for scripts and login sessions. Only
// hashes are stored; the secrets are returned once, to be given to the user.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace quorum {

struct IssuedToken {
  ApiToken token;   // as stored (hash, prefix)
  std::string key;  // the secret: "qrm_" followed by 40 hex digits
};

// Creates an API token for the user. kInternal if randomness fails; store errors otherwise.
Result<IssuedToken> IssueApiToken(Store& store, int64_t user_id, const std::string& name);

struct IssuedSession {
  Session session;         // as stored (hash, csrf token, expiry)
  std::string session_id;  // the secret that goes into the cookie
};

inline constexpr int64_t kSessionLifetimeMs = 7LL * 24 * 3600 * 1000;

// Starts a login session that lasts kSessionLifetimeMs from now.
Result<IssuedSession> StartSession(Store& store, int64_t user_id, const Clock& clock);

}  // namespace quorum
