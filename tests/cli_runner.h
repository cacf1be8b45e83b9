// Running the real quorum binary from tests, in a temporary directory of its own.
#pragma once

#include <string>
#include <vector>

#include "store/temp_dir.h"

namespace quorum::testing {

struct CliResult {
  int status = -1;  // exit status, or -1 when the process did not exit normally
  std::string out;
  std::string err;
};

// A database for `quorum --db` that nothing has used: FreshTestDatabase(dir, name), a SQLite file
// in `dir`, or a new schema on the test PostgreSQL server when QUORUM_TEST_POSTGRES is set.
// Throws std::runtime_error when that server cannot be reached (the test fails, naming it).
std::string FreshDatabase(const TempDir& dir, const std::string& name = "quorum.db");

// Runs QUORUM_BINARY with `args` and the environment variable QUORUM_DB set to `db`, captures
// both streams, and waits for it.
CliResult RunQuorum(const std::string& db, const std::vector<std::string>& args);

// Reads a whole file; empty when it does not exist.
std::string ReadFile(const std::string& path);

}  // namespace quorum::testing
