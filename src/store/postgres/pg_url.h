// Reading a postgres:// URL: quorum's own parameters out, the rest for libpq. Private to
// src/store/postgres.
#pragma once

#include <string>

#include "core/result.h"

namespace quorum::postgres {

struct PgUrl {
  std::string conninfo;  // the URL as libpq takes it (quorum's parameters removed)
  int pool_size = 16;    // connections the store keeps at most ("pool_size=N", 1..256)
};

// Splits `url` (postgres://[user[:password]@]host[:port]/dbname[?param=value&...]).
// kInvalid naming the bad parameter for a pool_size that is not a number in range; messages
// show the URL with its password replaced by "***".
Result<PgUrl> ParsePgUrl(const std::string& url);

// `url` with the password (user:PASSWORD@ or password=...) replaced by "***", for messages.
std::string RedactPassword(const std::string& url);

}  // namespace quorum::postgres
