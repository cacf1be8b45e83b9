#include "store/postgres/pg_connection.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "store/postgres/pg_error.h"

namespace quorum::postgres {

int64_t PgResult::Int(int row, int column) const {
  std::string_view text = Text(row, column);
  if (text == "t") return 1;
  if (text == "f") return 0;
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

double PgResult::Double(int row, int column) const {
  std::string_view text = Text(row, column);
  if (text.empty()) return 0;
  if (text == "Infinity") return INFINITY;
  if (text == "-Infinity") return -INFINITY;
  // PQgetvalue's text is NUL-terminated, so strtod may read it in place.
  return std::strtod(text.data(), nullptr);
}

std::optional<double> PgResult::OptionalDouble(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Double(row, column);
}

int64_t PgResult::affected() const {
  const char* tuples = result_ ? PQcmdTuples(result_.get()) : "";
  return tuples[0] == '\0' ? 0 : std::strtoll(tuples, nullptr, 10);
}

Params& Params::Int(int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

Params& Params::Double(double value) {
  if (std::isinf(value)) {
    values_.emplace_back(value > 0 ? "Infinity" : "-Infinity");
    return *this;
  }
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest exact form
  values_.emplace_back(std::string(buffer, end));
  return *this;
}

Params& Params::Text(std::string_view value) {
  if (value.find('\0') != std::string_view::npos) storable_ = false;
  values_.emplace_back(std::string(value));
  return *this;
}

Params& Params::Null() {
  values_.emplace_back(std::nullopt);
  return *this;
}

Params& Params::OptionalDouble(std::optional<double> value) { return value ? Double(*value) : Null(); }
Params& Params::OptionalInt(std::optional<int64_t> value) { return value ? Int(*value) : Null(); }

std::vector<const char*> Params::Pointers() const {
  std::vector<const char*> pointers;
  pointers.reserve(values_.size());
  for (const auto& value : values_) pointers.push_back(value ? value->c_str() : nullptr);
  return pointers;
}

std::vector<int> Params::Lengths() const {
  std::vector<int> lengths;
  lengths.reserve(values_.size());
  for (const auto& value : values_) lengths.push_back(value ? static_cast<int>(value->size()) : 0);
  return lengths;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& conninfo) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  std::unique_ptr<PgConnection> connection(new PgConnection(raw));
  if (raw == nullptr) return MakeError(ErrorCode::kIo, "cannot connect to PostgreSQL: out of memory");
  if (PQstatus(raw) != CONNECTION_OK) {
    // libpq's message names the server and the reason; it never contains the password.
    std::string detail = PQerrorMessage(raw);
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    const char* host = PQhost(raw);
    const char* port = PQport(raw);
    return MakeError(ErrorCode::kIo, std::string("cannot connect to PostgreSQL at ") +
                                         (host != nullptr && *host ? host : "localhost") + ":" +
                                         (port != nullptr && *port ? port : "5432") + ": " + detail);
  }
  // Notices (e.g. "relation already exists, skipping") are not errors: keep them off stderr.
  PQsetNoticeProcessor(raw, [](void*, const char*) {}, nullptr);
  return connection;
}

namespace {

bool Succeeded(const PGresult* result) {
  ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// The first line of a statement, to say which one failed without quoting whole queries.
std::string Summary(std::string_view sql) {
  std::string_view line = sql.substr(0, sql.find('\n'));
  return std::string(line.substr(0, 80));
}

}  // namespace

Error NulRefused() {
  return MakeError(ErrorCode::kInvalid, "a text value contains a NUL character, which PostgreSQL cannot store");
}

Result<const std::string*> PgConnection::Prepared(const char* sql) {
  auto found = prepared_.find(sql);
  if (found != prepared_.end()) return &found->second;
  PGconn* raw = connection_.get();
  std::string name = "q" + std::to_string(prepared_.size());
  PgResult prepared(PQprepare(raw, name.c_str(), sql, 0, nullptr));
  if (!Succeeded(prepared.raw())) return PgResultError(prepared.raw(), raw, "preparing '" + Summary(sql) + "'");
  return &prepared_.emplace(sql, std::move(name)).first->second;
}

Result<PgResult> PgConnection::Outcome(PgResult result, std::string_view sql) const {
  if (!Succeeded(result.raw())) return PgResultError(result.raw(), connection_.get(), "'" + Summary(sql) + "'");
  return result;
}

Result<PgResult> PgConnection::Exec(const char* sql, const Params& params) {
  if (!params.storable()) return NulRefused();
  QUORUM_ASSIGN_OR_RETURN(const std::string* name, Prepared(sql));
  std::vector<const char*> values = params.Pointers();
  std::vector<int> lengths = params.Lengths();
  PGconn* raw = connection_.get();
  return Outcome(PgResult(PQexecPrepared(raw, name->c_str(), params.size(), values.data(), lengths.data(), nullptr, 0)),
                 sql);
}

Result<PgResult> PgConnection::ExecOnce(const char* sql, const Params& params) {
  if (!params.storable()) return NulRefused();
  std::vector<const char*> values = params.Pointers();
  std::vector<int> lengths = params.Lengths();
  PgResult result(PQexecParams(connection_.get(), sql, params.size(), nullptr, values.data(), lengths.data(), nullptr, 0));
  if (!Succeeded(result.raw())) return PgResultError(result.raw(), connection_.get(), "'" + Summary(sql) + "'");
  return result;
}

Result<PgResult> PgConnection::Query(std::string_view sql) {
  std::string text(sql);
  PgResult result(PQexec(connection_.get(), text.c_str()));
  if (!Succeeded(result.raw())) return PgResultError(result.raw(), connection_.get(), "'" + Summary(sql) + "'");
  return result;
}

Status PgConnection::Run(std::string_view sql) {
  QUORUM_RETURN_IF_ERROR(Query(sql));
  return OkStatus();
}

Status PgConnection::CopyIn(const char* copy_sql, std::string_view data) {
  if (data.find('\0') != std::string_view::npos) return NulRefused();
  PGconn* raw = connection_.get();
  {
    PgResult start(PQexec(raw, copy_sql));
    if (PQresultStatus(start.raw()) != PGRES_COPY_IN) return PgResultError(start.raw(), raw, Summary(copy_sql));
  }
  // Sent in pieces: libpq buffers what it is given, and one call per megabyte keeps that small.
  constexpr size_t kPiece = 1 << 20;
  bool sent = true;
  for (size_t offset = 0; offset < data.size() && sent; offset += kPiece) {
    std::string_view piece = data.substr(offset, kPiece);
    sent = PQputCopyData(raw, piece.data(), static_cast<int>(piece.size())) == 1;
  }
  if (PQputCopyEnd(raw, sent ? nullptr : "sending COPY data failed") != 1)
    return MakeError(ErrorCode::kIo, std::string("ending COPY: ") + PQerrorMessage(raw));
  Status outcome = OkStatus();
  while (PGresult* next = PQgetResult(raw)) {
    PgResult result(next);
    if (outcome.ok() && PQresultStatus(next) != PGRES_COMMAND_OK) outcome = PgResultError(next, raw, Summary(copy_sql));
  }
  return outcome;
}

void AppendCopyField(std::string& row, std::optional<std::string_view> value, bool last) {
  if (!value) {
    row += "\\N";
  } else {
    for (char c : *value) {
      switch (c) {
        case '\\': row += "\\\\"; break;
        case '\t': row += "\\t"; break;
        case '\n': row += "\\n"; break;
        case '\r': row += "\\r"; break;
        default: row += c;
      }
    }
  }
  row += last ? '\n' : '\t';
}

}  // namespace quorum::postgres
