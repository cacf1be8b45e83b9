// One SQLite database connection with its cache of prepared statements.
// Private to src/store/sqlite. Not thread-safe: the store serializes access with its mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include <sqlite3.h>

#include "core/result.h"
#include "store/sqlite/sqlite_statement.h"

namespace quorum::sqlite {

enum class Access {
  kReadWrite,  // creates the file if needed
  kReadOnly,   // an existing WAL database; writes fail (SQLITE_READONLY, kIo)
};

class Connection {
 public:
  // Opens (creating if needed) the database file at `path` and applies Quorum's pragmas:
  // WAL journal, foreign keys on, synchronous=FULL (a committed transaction survives kill -9
  // and power loss), a busy timeout and a bounded page cache. kIo when the file cannot be
  // opened or is not a database. A kReadOnly connection never creates the file, keeps a smaller
  // page cache (kPragmaReaderSettings) and refuses every write.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, Access access = Access::kReadWrite);

  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql`, which may hold several statements, ignoring any rows. Only for fixed text
  // (pragmas, migrations): never for SQL built from values.
  Status Exec(const char* sql);

  // A Query on the statement for `sql`, prepared on first use and cached for the connection's
  // life. `sql` must have static storage (a constant from sql.h): the cache is keyed by its
  // address. When the cached statement is already in use (a nested call), the Query gets a
  // freshly prepared statement of its own.
  Result<Query> Use(const char* sql);

  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t Changes() const { return sqlite3_changes64(db_); }
  // True inside an explicit transaction (BEGIN ... not yet committed or rolled back).
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }
  sqlite3* handle() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<const char*, std::unique_ptr<Statement>> statements_;
};

}  // namespace quorum::sqlite
