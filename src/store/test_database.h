// The database a test or benchmark runs on, chosen by the environment so that one suite runs
// on either backend: a SQLite file by default; when QUORUM_TEST_POSTGRES holds a PostgreSQL
// server URL (scripts/pg_cluster prints one), a fresh, empty schema on that server.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.h"

namespace quorum {

// The server URL in QUORUM_TEST_POSTGRES, or empty when tests run on SQLite.
std::string TestPostgresServer();

// A database URL for OpenStore and `quorum --db` that nothing has used yet: `dir / file_name`
// on SQLite; on PostgreSQL the server URL with a new schema selected by its search_path
// (`?options=-csearch_path%3Dt_...`), created here. The schema is left behind: the test
// cluster is thrown away with everything in it. kIo when the server cannot be reached.
Result<std::string> FreshTestDatabase(const std::filesystem::path& dir, std::string_view file_name = "quorum.db");

}  // namespace quorum
