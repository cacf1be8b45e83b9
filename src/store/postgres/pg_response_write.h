// Writing one response row and its revision, shared by SaveResponse and SaveResponseWithin
// (which pipelines the statement with its COMMIT).
// Private to src/store/postgres.
#pragma once

#include <cstdint>
#include <string>

#include "core/response.h"
#include "core/result.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_pipeline.h"

namespace quorum::postgres {

// The statement that inserts (response.id == 0) or updates the response and appends its
// revision; `values_json` is response.values serialized. Read its outcome with
// WrittenResponse.
PgStatement ResponseWrite(const Response& response, const std::string& values_json, int64_t actor_user_id,
                          int64_t now_ms);

// The stored response from the outcome of ResponseWrite's statement (run on `connection`,
// which must be free to run one more statement: a second response of one user to one record
// is looked up to name it). kConflict for that second response, kNotFound for unknown ids.
Result<Response> WrittenResponse(PgConnection& connection, Result<PgResult> written, const Response& response,
                                 int64_t actor_user_id, int64_t now_ms);

// ResponseWrite's statement run on `connection`, read with WrittenResponse.
Result<Response> WriteResponse(PgConnection& connection, const Response& response, const std::string& values_json,
                               int64_t actor_user_id, int64_t now_ms);

}  // namespace quorum::postgres
