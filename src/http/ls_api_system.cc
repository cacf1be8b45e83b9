// Label Studio's version, health and current-user routes: what the SDK's Client calls first.
#include "http/api_error.h"
#include "http/ls_api.h"

namespace quorum {
namespace {

// The Label Studio release whose API shapes these routes mirror.
constexpr char kMirroredRelease[] = "1.13.1";

// The SDK's Client reads this on construction; it must not name
// "label-studio-enterprise-backend", or the SDK takes the server for Enterprise.
HttpResponse Version(RequestContext&) {
  return JsonResponse(200, {{"release", kMirroredRelease},
                            {"label-studio-os-package", {{"version", kMirroredRelease}, {"short_version", "1.13"}}},
                            {"quorum", {{"version", "0.1.0"},
                                        {"note", "Quorum serves Label Studio's REST API under /api/ (docs/labelstudio.md)"}}}});
}

HttpResponse Health(RequestContext& context) {
  Result<std::vector<Workspace>> probe = context.store.ListWorkspaces();
  if (!probe.ok()) return JsonResponse(503, {{"status", "DOWN"}});
  return JsonResponse(200, {{"status", "UP"}});
}

HttpResponse WhoAmI(RequestContext& context) {
  const User& user = context.caller->user;
  // Label Studio's organization is the nearest thing to a workspace: the first one the user is in.
  nlohmann::json organization = nullptr;
  Result<std::vector<Workspace>> workspaces = context.store.ListWorkspaces();
  if (!workspaces.ok()) return LsError(workspaces.error());
  for (const Workspace& workspace : *workspaces) {
    Result<std::optional<Role>> role = context.store.GetRole(workspace.id, user.id);
    if (!role.ok()) return LsError(role.error());
    if (*role) {
      organization = workspace.id;
      break;
    }
  }
  return JsonResponse(200, LsUserJson(user, organization));
}

}  // namespace

void AddLabelStudioSystemRoutes(std::vector<Route>& routes) {
  const Access everyone{Scope::kPublic, Role::kAnnotator};
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  routes.push_back({"GET", "/api/version", everyone, "Label Studio API: versions", Version});
  routes.push_back({"GET", "/api/health", everyone, "Label Studio API: health", Health});
  routes.push_back({"GET", "/health", everyone, "Label Studio API: health (the SDK's check_connection)", Health});
  routes.push_back({"GET", "/api/current-user/whoami", signed_in, "Label Studio API: the caller", WhoAmI});
}

}  // namespace quorum
