// Writing one response row and its revision, shared by SaveResponse and SaveResponseWithin.
// Private to src/store/sqlite.
#pragma once

#include <cstdint>
#include <string>

#include "core/response.h"
#include "core/result.h"
#include "store/sqlite/sqlite_connection.h"

namespace quorum::sqlite {

// Inserts (response.id == 0) or updates the response and appends its revision, on a connection
// inside a write; `values_json` is response.values serialized. Returns the stored response;
// kConflict for a second response of one user to one record, kNotFound for unknown ids.
Result<Response> WriteResponse(Connection& connection, const Response& response, const std::string& values_json,
                               int64_t actor_user_id, int64_t now_ms);

}  // namespace quorum::sqlite
