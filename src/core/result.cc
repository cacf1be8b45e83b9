#include "core/result.h"

namespace quorum {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return "invalid";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kUnauthorized: return "unauthorized";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

std::string Problem::ToString() const {
  std::string out;
  for (const std::string* part : {&location, &subject, &reason}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ": ";
    out += *part;
  }
  return out;
}

std::string Error::ToString() const {
  std::string out = message;
  // Errors about one located problem often use its text as the message: say it once.
  if (problems.size() == 1 && problems.front().ToString() == message) return out;
  for (const Problem& problem : problems) {
    out += "\n  ";
    out += problem.ToString();
  }
  return out;
}

}  // namespace quorum
