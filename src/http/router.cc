#include "http/router.h"

#include <charconv>
#include <exception>
#include <iostream>

#include "auth/secrets.h"
#include "http/api_error.h"
#include "http/authenticate.h"
#include "store/no_wait_scope.h"

namespace quorum {
namespace {

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

// Loads what the route's {id} names and returns the workspace it belongs to; 0 for routes that
// name none.
Result<int64_t> ResolveScope(RequestContext& context, Scope scope) {
  if (scope == Scope::kPublic || scope == Scope::kAuthenticated) return int64_t{0};
  const int64_t id = context.IdParam();
  if (id <= 0) return MakeError(ErrorCode::kNotFound, "no such id '" + context.params["id"] + "'");
  switch (scope) {
    case Scope::kWorkspace: {
      QUORUM_ASSIGN_OR_RETURN(context.workspace, context.store.GetWorkspace(id));
      return id;
    }
    case Scope::kResponse: {
      QUORUM_ASSIGN_OR_RETURN(context.response, context.store.GetResponse(id));
      QUORUM_ASSIGN_OR_RETURN(context.record, context.store.GetRecord(context.response->record_id));
      QUORUM_ASSIGN_OR_RETURN(context.project, context.store.GetProject(context.record->project_id));
      return context.project->workspace_id;
    }
    case Scope::kRecord: {
      QUORUM_ASSIGN_OR_RETURN(context.record, context.store.GetRecord(id));
      QUORUM_ASSIGN_OR_RETURN(context.project, context.store.GetProject(context.record->project_id));
      return context.project->workspace_id;
    }
    case Scope::kProject: {
      QUORUM_ASSIGN_OR_RETURN(context.project, context.store.GetProject(id));
      return context.project->workspace_id;
    }
    case Scope::kPublic:
    case Scope::kAuthenticated:
      break;
  }
  return int64_t{0};
}

// Enforces the route's Access for an authenticated caller whose role in the {id}'s workspace is
// context.role.
Status Authorize(const RequestContext& context, const Access& access) {
  if (access.scope == Scope::kPublic || access.scope == Scope::kAuthenticated) return OkStatus();
  // Not a member: answer as if the object did not exist, so ids are not confirmed to outsiders.
  if (!context.role) return MakeError(ErrorCode::kNotFound, "not found");
  if (!RoleAtLeast(*context.role, access.min_role))
    return MakeError(ErrorCode::kForbidden, std::string("this needs the ") + RoleName(access.min_role) +
                                                " role or higher; you are " + RoleName(*context.role));
  return OkStatus();
}

}  // namespace

int64_t RequestContext::IdParam(std::string_view name) const {
  auto it = params.find(name);
  if (it == params.end()) return 0;
  int64_t id = 0;
  auto [end, error] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), id);
  if (error != std::errc() || end != it->second.data() + it->second.size() || id <= 0) return 0;
  return id;
}

bool MatchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string, std::less<>>& params) {
  // A trailing slash is accepted as the same path: clients differ on it.
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  params.clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const std::string_view pattern_segment = pattern.substr(0, pattern.find('/'));
    const std::string_view path_segment = path.substr(0, path.find('/'));
    if (pattern_segment.size() > 2 && pattern_segment.front() == '{' && pattern_segment.back() == '}') {
      if (path_segment.empty()) return false;
      params.emplace(std::string(pattern_segment.substr(1, pattern_segment.size() - 2)), std::string(path_segment));
    } else if (pattern_segment != path_segment) {
      return false;
    }
    pattern.remove_prefix(pattern_segment.size());
    path.remove_prefix(path_segment.size());
  }
  return true;
}

Router::Router(Store& store, const Clock& clock, std::vector<Route> routes)
    : store_(store), clock_(clock), login_limiter_(store, clock), routes_(std::move(routes)) {}

bool Router::SpoolsBody(std::string_view method, std::string_view path) const {
  std::map<std::string, std::string, std::less<>> params;
  for (const Route& route : routes_)
    if (route.method == method && MatchPattern(route.pattern, path, params)) return route.spools_body;
  return false;
}

Router::Match Router::Find(const HttpRequest& request) const {
  Match match;
  for (const Route& candidate : routes_) {
    if (!MatchPattern(candidate.pattern, request.path, match.params)) continue;
    if (candidate.method == request.method) {
      match.route = &candidate;
      return match;
    }
    match.allowed += (match.allowed.empty() ? "" : ", ") + candidate.method;
  }
  match.params.clear();
  return match;
}

HttpResponse Router::Unmatched(const HttpRequest& request, const std::string& allowed) const {
  if (allowed.empty() && fallback_ && request.method == "GET" && !request.path.starts_with("/api/")) {
    if (std::optional<HttpResponse> answer = fallback_(request)) return std::move(*answer);
  }
  if (allowed.empty())
    return ErrorResponse(MakeError(ErrorCode::kNotFound, "no route " + request.method + " " + request.path));
  HttpResponse response = JsonResponse(
      405, {{"error",
             {{"code", "method_not_allowed"},
              {"message", request.method + " is not allowed here; use " + allowed},
              {"details", nlohmann::json::array()}}}});
  response.AddHeader("Allow", allowed);
  return response;
}

HttpResponse Router::Handle(const HttpRequest& request) {
  Match match = Find(request);
  if (match.route == nullptr) return Unmatched(request, match.allowed);
  return Run(*match.route, request, std::move(match.params));
}

std::optional<HttpResponse> Router::HandleWithoutWaiting(const HttpRequest& request) {
  Match match = Find(request);
  if (match.route != nullptr && !match.route->quick) return std::nullopt;
  NoWaitScope scope;
  HttpResponse response =
      match.route == nullptr ? Unmatched(request, match.allowed) : Run(*match.route, request, std::move(match.params));
  if (scope.refused()) return std::nullopt;
  return response;
}

HttpResponse Router::Run(const Route& route, const HttpRequest& request, Params params) {
  RequestContext context{request, store_, clock_, login_limiter_, std::move(params), {}, {}, {}, {}, {}, {}};
  try {
    if (route.access.scope != Scope::kPublic) {
      // The {id} is resolved first, so that the caller and their role in its workspace come in
      // one read; a failure to resolve it is answered only once the caller is known, so that a
      // request without valid credentials gets 401 whatever its {id} names.
      Result<int64_t> workspace_id = ResolveScope(context, route.access.scope);
      Result<std::optional<Caller>> caller =
          Authenticate(store_, request, clock_.NowMs(), workspace_id.ok() ? *workspace_id : 0);
      if (!caller.ok()) return ErrorResponse(caller.error());
      if (!caller->has_value())
        return ErrorResponse(MakeError(ErrorCode::kUnauthorized,
                                       "log in, or send 'Authorization: Token <key>' (see 'quorum token create')"));
      context.caller = std::move(**caller);
      if (context.caller->via_session && IsWrite(request.method) &&
          !ConstantTimeEquals(request.Header(kCsrfHeader), context.caller->csrf_token))
        return ErrorResponse(MakeError(ErrorCode::kForbidden, "missing or wrong X-CSRF-Token header"));
      if (!workspace_id.ok()) return ErrorResponse(workspace_id.error());
      context.role = context.caller->role;
      Status authorized = Authorize(context, route.access);
      if (!authorized.ok()) return ErrorResponse(authorized.error());
    }
    HttpResponse response = route.handler(context);
    if (context.caller) response.user_id = context.caller->user.id;
    return response;
  } catch (const std::exception& exception) {
    std::cerr << "request " << request.request_id << " " << request.method << " " << request.path
              << ": handler threw: " << exception.what() << "\n";
  } catch (...) {
    std::cerr << "request " << request.request_id << ": handler threw a non-exception\n";
  }
  return ErrorResponse(MakeError(ErrorCode::kInternal, "handler failed"));
}

}  // namespace quorum
