#include "store/sqlite/sqlite_error.h"

#include <string>

namespace quorum::sqlite {

ErrorCode ErrorCodeForSqlite(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return ErrorCode::kConflict;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return ErrorCode::kNotFound;
    default:
      break;
  }
  switch (extended_code & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
      return ErrorCode::kInvalid;
    case SQLITE_ERROR:
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
    case SQLITE_INTERNAL:
      return ErrorCode::kInternal;
    default:
      return ErrorCode::kIo;
  }
}

Error SqliteError(sqlite3* db, int code, std::string_view context) {
  // sqlite3_errmsg describes the most recent failed call on `db`, which is the one we report;
  // without a handle only the generic text of the code is known.
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  std::string message(context);
  message += ": ";
  message += detail != nullptr ? detail : sqlite3_errstr(code);
  message += " (sqlite code " + std::to_string(code) + ")";
  return MakeError(ErrorCodeForSqlite(code), std::move(message));
}

}  // namespace quorum::sqlite
