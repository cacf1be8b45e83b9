// Writing one response row and its revision, shared by SaveResponse and SaveResponseWithin.
// Private to src/store/postgres.
#pragma once

#include <cstdint>
#include <string>

#include "core/response.h"
#include "core/result.h"
#include "store/postgres/pg_connection.h"

namespace quorum::postgres {

// Inserts (response.id == 0) or updates the response and appends its revision, in one
// statement; `values_json` is response.values serialized. Returns the stored response;
// kConflict for a second response of one user to one record, kNotFound for unknown ids.
Result<Response> WriteResponse(PgConnection& connection, const Response& response, const std::string& values_json,
                               int64_t actor_user_id, int64_t now_ms);

}  // namespace quorum::postgres
