#include "store/sqlite/sqlite_connection.h"

#include <string_view>
#include <utility>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_error.h"

namespace quorum::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// Reads the single text value a pragma returns (journal_mode answers with the mode it set).
Result<std::string> PragmaValue(sqlite3* db, const char* sql) {
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Statement> statement, Statement::Prepare(db, sql));
  Query query(db, statement.get(), nullptr);
  QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
  return has_row ? std::string(query.Text(0)) : std::string();
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, Access access) {
  sqlite3* db = nullptr;
  // NOMUTEX: SQLite's own per-connection mutex is redundant; the store serializes all use.
  int flags = access == Access::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int code = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    Error error = SqliteError(db, code, "opening database '" + path + "'");
    error.code = ErrorCode::kIo;
    sqlite3_close_v2(db);
    return error;
  }
  std::unique_ptr<Connection> connection(new Connection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);

  // The first read: fails here (kIo) when the file is not a SQLite database.
  Status page_size = connection->Exec(kPragmaPageSize);
  if (!page_size.ok()) {
    Error error = std::move(page_size).error();
    error.code = ErrorCode::kIo;
    error.message = "opening database '" + path + "': " + error.message;
    return error;
  }
  Result<std::string> journal_mode = PragmaValue(db, kPragmaJournalModeWal);
  if (!journal_mode.ok()) {
    Error error = std::move(journal_mode).error();
    error.code = ErrorCode::kIo;
    error.message = "opening database '" + path + "': " + error.message;
    return error;
  }
  // An in-memory database answers "memory"; a file database that cannot use WAL would lose
  // our concurrency and durability assumptions, so it is refused.
  if (*journal_mode != "wal" && path != ":memory:")
    return MakeError(ErrorCode::kIo, "opening database '" + path + "': cannot switch to WAL journal mode (got '" +
                                         *journal_mode + "')");
  Status pragmas = connection->Exec(kPragmaSettings);
  if (pragmas.ok())
    pragmas = connection->Exec(access == Access::kReadOnly ? kPragmaReaderSettings : kPragmaWriterSettings);
  if (!pragmas.ok()) {
    Error error = std::move(pragmas).error();
    error.code = ErrorCode::kIo;
    return error;
  }
  return connection;
}

Connection::~Connection() {
  statements_.clear();  // every statement must be finalized before the close
  sqlite3_close_v2(db_);
}

Status Connection::Exec(const char* sql) {
  char* message = nullptr;
  int code = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
  if (code == SQLITE_OK) return OkStatus();
  std::string detail = message != nullptr ? message : sqlite3_errstr(code);
  sqlite3_free(message);
  std::string excerpt = std::string(std::string_view(sql).substr(0, 60));
  return MakeError(ErrorCodeForSqlite(sqlite3_extended_errcode(db_)),
                   "running \"" + excerpt + "\": " + detail + " (sqlite code " + std::to_string(code) + ")");
}

Result<Query> Connection::Use(const char* sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Statement> statement, Statement::Prepare(db_, sql));
    found = statements_.emplace(sql, std::move(statement)).first;
  }
  Statement* statement = found->second.get();
  if (!statement->in_use) return Query(db_, statement, nullptr);
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Statement> own, Statement::Prepare(db_, sql));
  Statement* own_statement = own.get();
  return Query(db_, own_statement, std::move(own));
}

}  // namespace quorum::sqlite
