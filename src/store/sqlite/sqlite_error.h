// Turning SQLite result codes into Quorum Errors. Private to src/store/sqlite.
#pragma once

#include <string_view>

#include <sqlite3.h>

#include "core/result.h"

namespace quorum::sqlite {

// The Quorum error kind for an (extended) SQLite result code: unique and primary-key
// violations are kConflict, foreign-key violations kNotFound (the row referred to is missing),
// other constraints kInvalid, SQL and API misuse kInternal (a bug), everything else
// (busy, I/O, full disk, corruption) kIo.
ErrorCode ErrorCodeForSqlite(int extended_code);

// An Error for `code` returned by a call on `db` (may be null), whose message is
// "<context>: <SQLite's message>". SQLite's message is read from `db` when it has one.
Error SqliteError(sqlite3* db, int code, std::string_view context);

}  // namespace quorum::sqlite
