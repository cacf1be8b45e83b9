// Finding out who sends a request: an API token or a session cookie.
#pragma once

#include <optional>

#include "core/result.h"
#include "http/route.h"

namespace quorum {

inline constexpr std::string_view kSessionCookie = "quorum_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

// The caller, from "Authorization: Token <key>" / "Bearer <key>" or the session cookie;
// nullopt when the request carries no credentials. kUnauthorized when it carries credentials
// that are wrong, revoked or expired.
Result<std::optional<Caller>> Authenticate(Store& store, const HttpRequest& request, int64_t now_ms);

}  // namespace quorum
