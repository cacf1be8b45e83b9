// Finding out who sends a request: an API token or a session cookie.
#pragma once

#include <optional>

#include "core/result.h"
#include "http/route.h"

namespace quorum {

inline constexpr std::string_view kSessionCookie = "quorum_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

// The caller, from "Authorization: Token <key>" / "Bearer <key>" or the session cookie, with
// their role in `workspace_id` (0: none; Caller::role is then nullopt), all in one store read;
// nullopt when the request carries no credentials. kUnauthorized when it carries credentials
// that are wrong, revoked or expired.
Result<std::optional<Caller>> Authenticate(Store& store, const HttpRequest& request, int64_t now_ms,
                                           int64_t workspace_id);

}  // namespace quorum
