#include "http/api_error.h"

namespace quorum {

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return 400;
    case ErrorCode::kUnauthorized: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kIo:
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

HttpResponse ErrorResponse(const Error& error) {
  const int status = HttpStatusFor(error.code);
  nlohmann::json details = nlohmann::json::array();
  std::string message = error.message;
  if (status == 500) {
    message = "internal error";
  } else {
    for (const Problem& problem : error.problems)
      details.push_back({{"location", problem.location}, {"subject", problem.subject}, {"reason", problem.reason}});
  }
  return JsonResponse(status, {{"error", {{"code", ErrorCodeName(error.code)}, {"message", message}, {"details", details}}}});
}

HttpResponse JsonResponse(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

}  // namespace quorum
