// Versioned schema migrations of the SQLite backend. Private to src/store/sqlite.
#pragma once

#include <cstdint>
#include <span>

#include "core/result.h"
#include "store/sqlite/sqlite_connection.h"

namespace quorum::sqlite {

// One step of the schema. Versions start at 1 and have no gaps; a released migration is never
// edited, only followed by a new one.
struct Migration {
  int version;
  const char* description;
  const char* sql;  // fixed DDL, possibly several statements
};

// The migrations this binary knows, in version order.
std::span<const Migration> Migrations();

// Applies every migration of `migrations` newer than the database's version, all in one
// transaction, recording each in the schema_version table with `now_ms`. When the database
// records a version newer than the last of `migrations` it is left untouched and kIo says so
// (an older binary must not write a schema it does not understand). Other failures: the
// failing migration's SQLite error, nothing applied.
Status Migrate(Connection& connection, std::span<const Migration> migrations, int64_t now_ms);

// The database's schema version: 0 for a fresh database.
Result<int> SchemaVersion(Connection& connection);

}  // namespace quorum::sqlite
