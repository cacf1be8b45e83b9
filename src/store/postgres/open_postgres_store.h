// Opening the PostgreSQL store; OpenStore (store/open_store.h) is the only caller.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace quorum {

// Connects to the postgres:// or postgresql:// `url` (optional "pool_size=N" parameter, default
// 16; libpq's own parameters such as options=-csearch_path%3D... pass through), applies pending
// migrations under an advisory lock, and returns the store. kIo naming host and port (never the
// password) when the server cannot be reached; kInvalid for a bad pool_size.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const Clock& clock);

}  // namespace quorum
