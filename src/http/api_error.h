// The one error shape of the API and the one table from error codes to HTTP statuses.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "http/http_message.h"

namespace quorum {

// The HTTP status for an error code: kInvalid 400, kUnauthorized 401, kForbidden 403,
// kNotFound 404, kConflict 409, kTooLarge 413, kRateLimited 429, kIo and kInternal 500.
int HttpStatusFor(ErrorCode code);

// {"error": {"code", "message", "details": [{"location", "subject", "reason"}...]}} with the
// status of the code. Internal and I/O errors say only "internal error" (the details are for
// the log, not the caller).
HttpResponse ErrorResponse(const Error& error);

// A JSON response with `status`.
HttpResponse JsonResponse(int status, const nlohmann::json& body);

}  // namespace quorum
