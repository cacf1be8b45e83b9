// Opening a store by its URL; the one place that knows which backends exist.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace quorum {

// Opens (creating if needed) the store at `url`: a file path (SQLite; "quorum.db"),
// "sqlite:PATH", or a PostgreSQL server URL "postgres://user:password@host:port/dbname" (or
// "postgresql://..."; optional "?pool_size=N", default 16, and libpq's own parameters). Applies
// pending migrations. `clock` must outlive the store.
// Fails with kIo when the database cannot be opened or reached (naming the file, or the host
// and port: never the password), kInvalid for an unknown scheme or a bad URL.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const Clock& clock = SystemClock());

}  // namespace quorum
