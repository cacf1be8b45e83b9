#include "http/authenticate.h"

#include "auth/secrets.h"

namespace quorum {
namespace {

Error Unauthorized(std::string message) { return MakeError(ErrorCode::kUnauthorized, std::move(message)); }

}  // namespace

Result<std::optional<Caller>> Authenticate(Store& store, const HttpRequest& request, int64_t now_ms,
                                           int64_t workspace_id) {
  std::string_view authorization = request.Header("authorization");
  if (!authorization.empty()) {
    std::string_view key;
    for (std::string_view scheme : {"Token ", "Bearer "})
      if (authorization.substr(0, scheme.size()) == scheme) key = authorization.substr(scheme.size());
    if (key.empty()) return Unauthorized("the Authorization header must be 'Token <key>' or 'Bearer <key>'");
    Result<TokenCaller> token = store.FindTokenByHash(Sha256Hex(key), workspace_id);
    if (!token.ok()) {
      if (token.error().code == ErrorCode::kNotFound) return Unauthorized("the API token is unknown or revoked");
      return std::move(token).error();
    }
    return std::optional<Caller>(Caller{std::move(token->user), false, "", "", token->role});
  }
  const std::string session_id = request.Cookie(kSessionCookie);
  if (session_id.empty()) return std::optional<Caller>();
  const std::string hash = Sha256Hex(session_id);
  Result<SessionCaller> session = store.FindSession(hash, now_ms, workspace_id);
  if (!session.ok()) {
    if (session.error().code == ErrorCode::kNotFound) return Unauthorized("the session has expired; log in again");
    return std::move(session).error();
  }
  return std::optional<Caller>(Caller{std::move(session->user), true, std::move(session->session.csrf_token), hash,
                                      session->role});
}

}  // namespace quorum
