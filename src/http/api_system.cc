// Health checks and the API description.
#include "http/api_error.h"
#include "http/api_routes.h"
#include "http/openapi.h"

namespace quorum {
namespace {

HttpResponse Healthz(RequestContext&) { return JsonResponse(200, {{"status", "ok"}}); }

HttpResponse Readyz(RequestContext& context) {
  Result<std::vector<Workspace>> probe = context.store.ListWorkspaces();
  if (!probe.ok()) return JsonResponse(503, {{"status", "database unavailable"}});
  return JsonResponse(200, {{"status", "ready"}});
}

HttpResponse OpenApi(RequestContext&) { return JsonResponse(200, OpenApiDocument()); }

}  // namespace

void AddSystemRoutes(std::vector<Route>& routes) {
  const Access public_access{Scope::kPublic, Role::kAnnotator};
  routes.push_back(Quick({"GET", "/healthz", public_access, "liveness", Healthz}));
  routes.push_back(Quick({"GET", "/readyz", public_access, "readiness (the database answers)", Readyz}));
  routes.push_back({"GET", "/api/v1/openapi.json", public_access, "the OpenAPI document", OpenApi});
}

}  // namespace quorum
