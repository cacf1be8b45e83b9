// Opening a store by its URL; the one place that knows which backends exist.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace quorum {

// Opens (creating if needed) the store at `url`: a file path (SQLite; "quorum.db") or
// "sqlite:PATH". Applies pending migrations. `clock` must outlive the store.
// Fails with kIo when the database cannot be opened, kInvalid for an unknown scheme
// (PostgreSQL URLs are refused until that backend exists).
Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const Clock& clock = SystemClock());

}  // namespace quorum
