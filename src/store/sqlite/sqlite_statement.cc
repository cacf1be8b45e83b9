#include "store/sqlite/sqlite_statement.h"

#include <string>
#include <utility>

#include "store/sqlite/sqlite_error.h"

namespace quorum::sqlite {
namespace {

// Enough of the SQL to recognize the statement in an error message.
std::string SqlExcerpt(sqlite3_stmt* stmt) {
  const char* sql = sqlite3_sql(stmt);
  std::string excerpt = sql != nullptr ? sql : "";
  for (char& c : excerpt)
    if (c == '\n') c = ' ';
  if (excerpt.size() > 60) excerpt = excerpt.substr(0, 60) + "...";
  return excerpt;
}

}  // namespace

Result<std::unique_ptr<Statement>> Statement::Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  // PERSISTENT: these statements are cached for the connection's life.
  int code = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                nullptr);
  if (code != SQLITE_OK) {
    std::string excerpt(sql.substr(0, 60));
    Error error = SqliteError(db, code, "preparing \"" + excerpt + "\"");
    sqlite3_finalize(stmt);
    return error;
  }
  return std::unique_ptr<Statement>(new Statement(stmt));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Query::Query(sqlite3* db, Statement* statement, std::unique_ptr<Statement> owned)
    : db_(db), statement_(statement), owned_(std::move(owned)) {
  statement_->in_use = true;
}

Query::Query(Query&& other) noexcept
    : db_(other.db_),
      statement_(std::exchange(other.statement_, nullptr)),
      owned_(std::move(other.owned_)),
      next_parameter_(other.next_parameter_),
      bind_error_(other.bind_error_) {}

Query::~Query() {
  if (statement_ == nullptr) return;
  // reset's return value repeats the last step's error, which was already reported.
  sqlite3_reset(statement_->handle());
  sqlite3_clear_bindings(statement_->handle());
  statement_->in_use = false;
}

Query& Query::BindInt(int64_t value) {
  int code = sqlite3_bind_int64(statement_->handle(), next_parameter_++, value);
  if (bind_error_ == SQLITE_OK) bind_error_ = code;
  return *this;
}

Query& Query::BindDouble(double value) {
  int code = sqlite3_bind_double(statement_->handle(), next_parameter_++, value);
  if (bind_error_ == SQLITE_OK) bind_error_ = code;
  return *this;
}

Query& Query::BindText(std::string_view value) {
  // A default-constructed view has a null data() that SQLite would bind as NULL.
  const char* data = value.data() != nullptr ? value.data() : "";
  // SQLITE_STATIC: no copy; the caller keeps the bytes alive until the last Step (contract).
  int code = sqlite3_bind_text64(statement_->handle(), next_parameter_++, data, value.size(), SQLITE_STATIC,
                                 SQLITE_UTF8);
  if (bind_error_ == SQLITE_OK) bind_error_ = code;
  return *this;
}

Query& Query::BindTextOrNull(std::string_view value) {
  return value.empty() ? BindNull() : BindText(value);
}

Query& Query::BindOptionalDouble(std::optional<double> value) {
  return value ? BindDouble(*value) : BindNull();
}

Query& Query::BindNull() {
  int code = sqlite3_bind_null(statement_->handle(), next_parameter_++);
  if (bind_error_ == SQLITE_OK) bind_error_ = code;
  return *this;
}

Result<bool> Query::Step() {
  if (bind_error_ != SQLITE_OK) return StepError(bind_error_);
  int code = sqlite3_step(statement_->handle());
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return StepError(code);
}

Status Query::Run() {
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, Step());
    if (!has_row) return OkStatus();
  }
}

Error Query::StepError(int code) const {
  return SqliteError(db_, code, "running \"" + SqlExcerpt(statement_->handle()) + "\"");
}

int64_t Query::Int(int column) const { return sqlite3_column_int64(statement_->handle(), column); }

double Query::Double(int column) const { return sqlite3_column_double(statement_->handle(), column); }

std::string_view Query::Text(int column) const {
  // text before bytes: bytes then reports the length of the UTF-8 form just produced.
  const unsigned char* text = sqlite3_column_text(statement_->handle(), column);
  if (text == nullptr) return {};
  int size = sqlite3_column_bytes(statement_->handle(), column);
  return {reinterpret_cast<const char*>(text), static_cast<size_t>(size)};
}

bool Query::IsNull(int column) const {
  return sqlite3_column_type(statement_->handle(), column) == SQLITE_NULL;
}

}  // namespace quorum::sqlite
