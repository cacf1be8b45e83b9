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

  // Handle, for the calling thread that must not wait (an I/O thread): answers a request to a
  // quick route (Route::quick) or one that no route takes (the web UI's files, 404, 405) inside
  // a NoWaitScope. nullopt when the route is not quick or the store refused a call that would
  // have waited: nothing was changed then, and the request goes to Handle on a thread that may
  // wait. Thread-safe, like Handle.
  std::optional<HttpResponse> HandleWithoutWaiting(const HttpRequest& request);

  // Whether the route for `method` and `path` (without the query) spools its body to a file.
  bool SpoolsBody(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

  // Where a GET that matches no route goes (the web UI's files): nullopt from it means 404.
  // Paths under /api/ never reach it. Set it before the router handles requests.
  using Fallback = std::function<std::optional<HttpResponse>(const HttpRequest&)>;
  void SetFallback(Fallback fallback) { fallback_ = std::move(fallback); }

 private:
  using Params = std::map<std::string, std::string, std::less<>>;
  // The route for the request's method and path, with its path parameters; null when none
  // matches, with `allowed` listing the methods of routes whose path matches.
  struct Match {
    const Route* route = nullptr;
    Params params;
    std::string allowed;
  };
  Match Find(const HttpRequest& request) const;
  // The answer to a request no route takes: the fallback's, 404 or 405.
  HttpResponse Unmatched(const HttpRequest& request, const std::string& allowed) const;
  // Authenticates, authorizes and runs `route`'s handler.
  HttpResponse Run(const Route& route, const HttpRequest& request, Params params);

  Store& store_;
  const Clock& clock_;
  LoginLimiter login_limiter_;
  std::vector<Route> routes_;
  Fallback fallback_;
};

// Whether `path` matches `pattern`; fills `params` with the {name} segments.
bool MatchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string, std::less<>>& params);

}  // namespace quorum
