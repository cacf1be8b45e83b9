// PostgreSQL failures as quorum Errors. Private to src/store/postgres.
#pragma once

#include <libpq-fe.h>

#include <string>
#include <string_view>

#include "core/result.h"

namespace quorum::postgres {

// The quorum code for a SQLSTATE: unique violation -> kConflict, foreign-key violation ->
// kNotFound (the row referred to is missing), other integrity and data errors -> kInvalid,
// connection and server failures -> kIo, syntax and undefined-object errors -> kInternal.
ErrorCode ErrorCodeForSqlState(std::string_view sqlstate);

// The error of a failed command: `context`, the server's message and its SQLSTATE.
Error PgResultError(const PGresult* result, const PGconn* connection, std::string_view context);

// The refusal of a text parameter holding a NUL character (kInvalid): PostgreSQL's text
// cannot store one.
Error NulRefused();

// True for the SQLSTATEs after which the whole transaction may simply be run again
// (serialization failure, deadlock detected).
bool IsRetryable(const Error& error);

// True when `error` is a statement giving up on a lock after lock_timeout (SQLSTATE 55P03).
bool IsLockTimeout(const Error& error);

}  // namespace quorum::postgres
