#include "store/postgres/pg_error.h"

#include <string>

namespace quorum::postgres {
namespace {

// Retryable errors are recognised by the SQLSTATE the message ends with (see PgResultError).
constexpr std::string_view kSerializationFailure = "40001";
constexpr std::string_view kDeadlockDetected = "40P01";
constexpr std::string_view kLockNotAvailable = "55P03";

}  // namespace

ErrorCode ErrorCodeForSqlState(std::string_view sqlstate) {
  if (sqlstate == "23505") return ErrorCode::kConflict;
  if (sqlstate == "23503") return ErrorCode::kNotFound;
  if (sqlstate == kSerializationFailure || sqlstate == kDeadlockDetected) return ErrorCode::kConflict;
  if (sqlstate.starts_with("23") || sqlstate.starts_with("22")) return ErrorCode::kInvalid;
  if (sqlstate.starts_with("42")) return ErrorCode::kInternal;  // our SQL is wrong: a bug
  return ErrorCode::kIo;  // 08 connection, 53 resources, 57 operator intervention, 58 system
}

Error PgResultError(const PGresult* result, const PGconn* connection, std::string_view context) {
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* detail = result != nullptr ? PQresultErrorMessage(result) : "";
  if (detail == nullptr || *detail == '\0') detail = PQerrorMessage(connection);
  std::string message(context);
  message += ": ";
  std::string_view text(detail != nullptr ? detail : "unknown error");
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  message += text;
  // No SQLSTATE: the connection itself failed (libpq reports it without one).
  if (sqlstate == nullptr) return MakeError(ErrorCode::kIo, std::move(message));
  message += " (SQLSTATE " + std::string(sqlstate) + ")";
  return MakeError(ErrorCodeForSqlState(sqlstate), std::move(message));
}

bool IsRetryable(const Error& error) {
  std::string_view message(error.message);
  return message.ends_with("(SQLSTATE " + std::string(kSerializationFailure) + ")") ||
         message.ends_with("(SQLSTATE " + std::string(kDeadlockDetected) + ")");
}

bool IsLockTimeout(const Error& error) {
  return std::string_view(error.message).ends_with("(SQLSTATE " + std::string(kLockNotAvailable) + ")");
}

}  // namespace quorum::postgres
