// Login, logout, the caller's own account, and their API tokens.
#include "auth/credentials.h"
#include "auth/password.h"
#include "core/clock.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/api_routes.h"
#include "http/authenticate.h"
#include "http/login_limiter.h"

namespace quorum {
namespace {

// Whether the client reached us over TLS (directly or through a proxy that says so).
bool BehindTls(const HttpRequest& request) { return request.Header("x-forwarded-proto") == "https"; }

std::string SessionCookie(const HttpRequest& request, const std::string& value, int64_t max_age_seconds) {
  std::string cookie = std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(max_age_seconds);
  if (BehindTls(request)) cookie += "; Secure";
  return cookie;
}

HttpResponse Login(RequestContext& context) {
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (!body->is_object() || !(*body)["email"].is_string() || !(*body)["password"].is_string())
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "send {\"email\": string, \"password\": string}"));
  std::string email = (*body)["email"].get<std::string>();
  for (char& c : email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string& address = context.request.remote_address;
  Result<int64_t> wait = context.login_limiter.RetryAfterSeconds(email, address);
  if (!wait.ok()) return ErrorResponse(wait.error());
  if (*wait > 0) {
    HttpResponse response = ErrorResponse(MakeError(
        ErrorCode::kRateLimited, "too many failed logins; try again in " + std::to_string(*wait) + " s"));
    response.AddHeader("Retry-After", std::to_string(*wait));
    return response;
  }
  Result<User> user = context.store.FindUserByEmail(email);
  if (!user.ok() || !VerifyPassword((*body)["password"].get<std::string>(), user->password_hash)) {
    if (!user.ok() && user.error().code != ErrorCode::kNotFound) return ErrorResponse(user.error());
    Status recorded = context.login_limiter.RecordFailure(email, address);
    if (!recorded.ok()) return ErrorResponse(recorded.error());
    return ErrorResponse(MakeError(ErrorCode::kUnauthorized, "wrong email or password"));
  }
  Status cleared = context.login_limiter.RecordSuccess(email);
  if (!cleared.ok()) return ErrorResponse(cleared.error());
  Result<IssuedSession> session = StartSession(context.store, user->id, context.clock);
  if (!session.ok()) return ErrorResponse(session.error());
  HttpResponse response = JsonResponse(200, {{"user", UserJson(*user)}, {"csrf_token", session->session.csrf_token}});
  response.AddHeader("Set-Cookie", SessionCookie(context.request, session->session_id, kSessionLifetimeMs / 1000));
  return response;
}

HttpResponse Logout(RequestContext& context) {
  if (context.caller->via_session) {
    Status deleted = context.store.DeleteSession(context.caller->session_hash);
    if (!deleted.ok()) return ErrorResponse(deleted.error());
  }
  HttpResponse response = JsonResponse(200, {{"logged_out", true}});
  response.AddHeader("Set-Cookie", SessionCookie(context.request, "", 0));
  return response;
}

HttpResponse Me(RequestContext& context) {
  Result<std::vector<Workspace>> workspaces = context.store.ListWorkspaces();
  if (!workspaces.ok()) return ErrorResponse(workspaces.error());
  nlohmann::json memberships = nlohmann::json::array();
  for (const Workspace& workspace : *workspaces) {
    Result<std::optional<Role>> role = context.store.GetRole(workspace.id, context.caller->user.id);
    if (!role.ok()) return ErrorResponse(role.error());
    if (*role) memberships.push_back({{"workspace", WorkspaceJson(workspace)}, {"role", RoleName(**role)}});
  }
  nlohmann::json body = {{"user", UserJson(context.caller->user)}, {"workspaces", memberships}};
  if (context.caller->via_session) body["csrf_token"] = context.caller->csrf_token;
  return JsonResponse(200, body);
}

HttpResponse ListTokens(RequestContext& context) {
  Result<std::vector<ApiToken>> tokens = context.store.ListTokens(context.caller->user.id);
  if (!tokens.ok()) return ErrorResponse(tokens.error());
  nlohmann::json list = nlohmann::json::array();
  for (const ApiToken& token : *tokens) list.push_back(TokenJson(token));
  return JsonResponse(200, {{"tokens", list}});
}

HttpResponse CreateToken(RequestContext& context) {
  std::string name = "api";
  if (!context.request.body.empty()) {
    Result<nlohmann::json> body = ParseJsonBody(context.request);
    if (!body.ok()) return ErrorResponse(body.error());
    if (body->contains("name")) {
      if (!(*body)["name"].is_string())
        return ErrorResponse(MakeError(ErrorCode::kInvalid, "name must be a string"));
      name = (*body)["name"].get<std::string>();
    }
  }
  Result<IssuedToken> issued = IssueApiToken(context.store, context.caller->user.id, name);
  if (!issued.ok()) return ErrorResponse(issued.error());
  return JsonResponse(201, {{"token", TokenJson(issued->token)}, {"key", issued->key}});
}

HttpResponse RevokeToken(RequestContext& context) {
  Status revoked = context.store.RevokeToken(context.IdParam(), context.caller->user.id);
  if (!revoked.ok()) return ErrorResponse(revoked.error());
  return JsonResponse(200, {{"revoked", true}});
}

}  // namespace

void AddAuthRoutes(std::vector<Route>& routes) {
  const Access public_access{Scope::kPublic, Role::kAnnotator};
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  routes.push_back({"POST", "/api/v1/auth/login", public_access, "log in; sets the session cookie", Login});
  routes.push_back({"POST", "/api/v1/auth/logout", signed_in, "log out", Logout});
  routes.push_back({"GET", "/api/v1/me", signed_in, "the caller and their workspaces", Me});
  routes.push_back({"GET", "/api/v1/tokens", signed_in, "the caller's API tokens", ListTokens});
  routes.push_back({"POST", "/api/v1/tokens", signed_in, "create an API token (the key is shown once)", CreateToken});
  routes.push_back({"DELETE", "/api/v1/tokens/{id}", signed_in, "revoke one of the caller's tokens", RevokeToken});
}

}  // namespace quorum
