// A route: method, path pattern, who may call it, and the handler.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/project.h"
#include "core/record.h"
#include "core/response.h"
#include "core/user.h"
#include "core/workspace.h"
#include "http/http_message.h"
#include "store/store.h"

namespace quorum {

class LoginLimiter;

// Who may call a route. Scoped rules resolve the {id} of the path to a workspace (through the
// project, record or response it names) and need the caller's role there to be at least
// `min_role`.
enum class Scope {
  kPublic,         // anyone, no credentials needed
  kAuthenticated,  // any signed-in user; the handler limits what they see
  kWorkspace,      // {id} is a workspace
  kProject,        // {id} is a project
  kRecord,         // {id} is a record
  kResponse,       // {id} is a response
};

struct Access {
  Scope scope = Scope::kAuthenticated;
  Role min_role = Role::kAnnotator;  // for the scoped rules
};

// The signed-in user making the request.
struct Caller {
  User user;
  bool via_session = false;  // cookie session (needs CSRF on writes) rather than an API token
  std::string csrf_token;
  std::string session_hash;  // when via_session
  std::optional<Role> role;  // in the workspace the request is about, read with the credential
};

// Everything a handler gets. The router fills the scope objects it resolved.
struct RequestContext {
  const HttpRequest& request;
  Store& store;
  const Clock& clock;
  LoginLimiter& login_limiter;
  std::map<std::string, std::string, std::less<>> params;  // path parameters
  std::optional<Caller> caller;
  std::optional<Role> role;  // the caller's role in the resolved workspace
  std::optional<Workspace> workspace;
  std::optional<Project> project;
  std::optional<Record> record;
  std::optional<Response> response;

  // The path parameter as an id; 0 when it is absent or not a positive integer.
  int64_t IdParam(std::string_view name = "id") const;
};

using Handler = std::function<HttpResponse(RequestContext&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/projects/{id}/records"
  Access access;
  std::string summary;  // one line, for logs and the permission table in the README
  Handler handler;
  // The body goes to a temporary file as it arrives instead of into memory (bulk imports):
  // HttpRequest::body_file names it, the limit is ServerOptions::max_spooled_body_bytes.
  bool spools_body = false;
  // A bounded read (one object and what hangs off it): the server may answer it on its I/O
  // thread, without the hand-off to a worker, when the store can answer every call without
  // waiting (Router::HandleWithoutWaiting). Never for a route whose cost grows with a project.
  bool quick = false;
};

// `route`, marked quick.
inline Route Quick(Route route) {
  route.quick = true;
  return route;
}

}  // namespace quorum
