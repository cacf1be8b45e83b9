// A prepared SQLite statement and a Query: one use of it (bind, step, read columns).
// Private to src/store/sqlite. Not thread-safe: used under the store's mutex.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include <sqlite3.h>

#include "core/result.h"

namespace quorum::sqlite {

// Owns one sqlite3_stmt; finalizes it when destroyed.
class Statement {
 public:
  // Prepares `sql` (exactly one statement) on `db`. kInternal for SQL SQLite rejects (a bug).
  static Result<std::unique_ptr<Statement>> Prepare(sqlite3* db, std::string_view sql);

  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  sqlite3_stmt* handle() const { return stmt_; }
  // Set while a Query uses this statement, so a nested use prepares its own copy.
  bool in_use = false;

 private:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  sqlite3_stmt* stmt_;
};

// One use of a prepared statement. Parameters are bound in order (the first Bind* call binds
// parameter 1). Text is bound without copying: the bound bytes must outlive the Query's last
// Step(). When destroyed, the statement is reset and its bindings cleared, so it holds no read
// snapshot and no pointer into the caller's memory. Movable, not copyable.
class Query {
 public:
  // Uses `statement`, which must outlive the Query; `owned` (may be null) is the same statement
  // when the Query owns it (a nested use of a busy cached statement).
  Query(sqlite3* db, Statement* statement, std::unique_ptr<Statement> owned);
  ~Query();
  Query(Query&& other) noexcept;
  Query& operator=(Query&&) = delete;
  Query(const Query&) = delete;

  Query& BindInt(int64_t value);
  Query& BindDouble(double value);
  Query& BindText(std::string_view value);        // an empty view binds ''
  Query& BindTextOrNull(std::string_view value);  // an empty view binds NULL
  Query& BindOptionalDouble(std::optional<double> value);
  Query& BindNull();

  // Advances to the next row: true when there is one, false when the statement is done.
  // A failed bind or step is an Error (see SqliteError) naming the start of the SQL.
  Result<bool> Step();
  // Steps a statement that returns no rows (or whose rows are ignored) to completion.
  Status Run();

  // Columns of the current row, counted from 0. Text views are valid until the next Step()
  // or the Query's destruction; NULL reads as 0 or an empty view.
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string_view Text(int column) const;
  bool IsNull(int column) const;

 private:
  Error StepError(int code) const;

  sqlite3* db_;
  Statement* statement_;
  std::unique_ptr<Statement> owned_;
  int next_parameter_ = 1;
  int bind_error_ = SQLITE_OK;  // the first failed bind, reported by Step()
};

}  // namespace quorum::sqlite
