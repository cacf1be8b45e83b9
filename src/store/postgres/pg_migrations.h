// The PostgreSQL schema, versioned like SQLite's (src/store/sqlite/migrations.h): the same
// logical tables and counts, in PostgreSQL's dialect. Private to src/store/postgres.
#pragma once

#include <cstdint>
#include <span>

#include "core/result.h"
#include "store/postgres/pg_connection.h"

namespace quorum::postgres {

struct PgMigration {
  int version;
  const char* description;
  const char* sql;
};

// Every migration, oldest first.
std::span<const PgMigration> PgMigrations();

// Brings the schema the connection's search_path selects up to the latest version: each
// pending migration in one transaction with its schema_version row. Holds a session advisory
// lock throughout, so servers starting at once apply each migration exactly once (the others
// wait, then find nothing to do). kIo for a database newer than this binary.
Status MigratePostgres(PgConnection& connection, int64_t now_ms);

// The schema version recorded (0 for an empty schema).
Result<int> PostgresSchemaVersion(PgConnection& connection);

}  // namespace quorum::postgres
