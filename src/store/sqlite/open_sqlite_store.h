// The one entry point of the SQLite backend, used only by store/open_store.cc.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace quorum {

// Opens (creating if needed) the SQLite database file at `path` and migrates it to the latest
// schema. kIo when the file cannot be opened, is not a database, or has a schema newer than
// this binary. `clock` stamps every time the store writes and must outlive the store.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock);

}  // namespace quorum
