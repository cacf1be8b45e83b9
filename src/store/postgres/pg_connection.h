// The RAII wrapper over libpq: one connection, its prepared statements, results and COPY.
// Private to src/store/postgres.
//
// Thread safety: a PgConnection is used by one thread at a time (the pool lends it out).
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace quorum::postgres {

// A command's result. Values are read as text (the text protocol): Int and Double parse it.
class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(PGresult* result) : result_(result, &PQclear) {}

  int rows() const { return result_ ? PQntuples(result_.get()) : 0; }
  bool empty() const { return rows() == 0; }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string_view Text(int row, int column) const {
    return std::string_view(PQgetvalue(result_.get(), row, column),
                            static_cast<size_t>(PQgetlength(result_.get(), row, column)));
  }
  int64_t Int(int row, int column) const;  // 0 for NULL; booleans read as 0/1
  double Double(int row, int column) const;
  std::optional<double> OptionalDouble(int row, int column) const;
  // Rows an INSERT, UPDATE or DELETE touched.
  int64_t affected() const;
  const PGresult* raw() const { return result_.get(); }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_{nullptr, &PQclear};
};

// The parameters of one statement, as text (NULL when absent). Values are never part of SQL.
class Params {
 public:
  Params& Int(int64_t value);
  Params& Double(double value);
  Params& Text(std::string_view value);
  Params& Null();
  Params& OptionalDouble(std::optional<double> value);
  Params& OptionalInt(std::optional<int64_t> value);

  int size() const { return static_cast<int>(values_.size()); }
  // False when a text value holds a NUL character, which PostgreSQL's text cannot store:
  // Exec then refuses the statement with kInvalid instead of storing a cut-off value.
  bool storable() const { return storable_; }
  std::vector<const char*> Pointers() const;
  std::vector<int> Lengths() const;

 private:
  std::vector<std::optional<std::string>> values_;
  bool storable_ = true;
};

class PgConnection {
 public:
  // Connects with a libpq connection string or URL. kIo naming the host and port (never the
  // password) when the server cannot be reached or refuses the login.
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& conninfo);

  // Runs `sql` (one statement, $1.. parameters) as a prepared statement of this connection,
  // prepared on first use and kept by the text's address: pass static texts only.
  Result<PgResult> Exec(const char* sql, const Params& params = {});
  // Runs one statement with parameters without preparing it: statements run once per use
  // (DECLARE of a cursor).
  Result<PgResult> ExecOnce(const char* sql, const Params& params = {});
  // Runs one or more statements without parameters (transaction control, migrations).
  Status Run(std::string_view sql);
  // The same, returning the last statement's result (FETCH from a cursor).
  Result<PgResult> Query(std::string_view sql);
  // COPY ... FROM STDIN with `data` in COPY's text format (see AppendCopyField).
  Status CopyIn(const char* copy_sql, std::string_view data);

  // False once the server connection is lost (or left in a state no statement can follow,
  // see PgPipeline); the pool then replaces the connection.
  bool healthy() const { return !broken_ && PQstatus(connection_.get()) == CONNECTION_OK; }
  // True while a transaction is open (or failed and not yet rolled back).
  bool InTransaction() const { return PQtransactionStatus(connection_.get()) != PQTRANS_IDLE; }
  PGconn* raw() const { return connection_.get(); }

 private:
  friend class PgPipeline;
  explicit PgConnection(PGconn* connection) : connection_(connection, &PQfinish) {}

  // The name of `sql`'s prepared statement on this connection, preparing it on first use.
  Result<const std::string*> Prepared(const char* sql);
  // `result` of `sql` when the command succeeded, else its error naming the statement.
  Result<PgResult> Outcome(PgResult result, std::string_view sql) const;

  std::unique_ptr<PGconn, decltype(&PQfinish)> connection_;
  std::unordered_map<const char*, std::string> prepared_;  // SQL text address -> statement name
  bool broken_ = false;
};

// Appends one field in COPY's text format (tab-separated, \N for NULL): backslash, tab,
// newline and carriage return escaped. `last` ends the row.
void AppendCopyField(std::string& row, std::optional<std::string_view> value, bool last = false);

}  // namespace quorum::postgres
