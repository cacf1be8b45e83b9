// Matching a request to its route, checking who calls it, and running the handler.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "http/login_limiter.h"
#include "http/route.h"

namespace quorum {

// Thread-safe: Handle may run on many threads at once (the store is thread-safe).
class Router {
 public:
  // `store` and `clock` must outlive the router.
  Router(Store& store, const Clock& clock, std::vector<Route> routes);

  // Authenticates the caller, enforces the route's Access (401 without credentials, 403 with a
  // role too low, 404 when the caller is not a member of the workspace the {id} belongs to, so
  // that ids of other teams' objects are not confirmed), checks the CSRF token of cookie
  // sessions on writes, and runs the handler. Never throws: a handler's exception becomes a
  // 500 whose body says nothing about internals.
  HttpResponse Handle(const HttpRequest& request);

  // Whether the route for `method` and `path` (without the query) spools its body to a file.
  bool SpoolsBody(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

  // Where a GET that matches no route goes (the web UI's files): nullopt from it means 404.
  // Paths under /api/ never reach it. Set it before the router handles requests.
  using Fallback = std::function<std::optional<HttpResponse>(const HttpRequest&)>;
  void SetFallback(Fallback fallback) { fallback_ = std::move(fallback); }

 private:
  Store& store_;
  const Clock& clock_;
  LoginLimiter login_limiter_;
  std::vector<Route> routes_;
  Fallback fallback_;
};

// Whether `path` matches `pattern`; fills `params` with the {name} segments.
bool MatchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string, std::less<>>& params);

}  // namespace quorum
