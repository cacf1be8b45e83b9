// Label Studio features Quorum does not serve, answered with a clear 501 rather than a generic
// 404, so that a script calling them learns why and what to use instead: webhooks, cloud
// storages and ML backends (Label Studio 1.13: webhooks/api.py, io_storages/api.py, ml/api.py;
// the legacy SDK's Project.connect_*_storage and ML backend calls).
#include "http/api_error.h"
#include "http/ls_api.h"

namespace quorum {
namespace {

using nlohmann::json;

Handler NotServed(std::string feature, std::string instead) {
  return [feature = std::move(feature), instead = std::move(instead)](RequestContext&) {
    const std::string detail = "Quorum does not serve Label Studio's " + feature + ": " + instead +
                               " (docs/labelstudio.md, 'Not served')";
    return JsonResponse(501, {{"status_code", 501},
                              {"detail", detail},
                              {"error", {{"code", "not_implemented"}, {"message", detail}, {"details", json::array()}}}});
  };
}

}  // namespace

void AddLabelStudioUnservedRoutes(std::vector<Route>& routes) {
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  const std::string webhooks = "there are no outgoing calls; poll GET /api/projects/{id} or /api/v1/projects/{id}/queue";
  const std::string storages =
      "import task files through POST /api/projects/{id}/import (or quorum import) and export through "
      "GET /api/projects/{id}/export";
  const std::string ml =
      "import predictions with the tasks or through POST /api/predictions; Quorum's own pre-labelling is in "
      "the quorum command";
  for (const char* method : {"GET", "POST"}) {
    routes.push_back({method, "/api/webhooks", signed_in, "Label Studio API: webhooks, not served (501)", NotServed("webhooks", webhooks)});
    routes.push_back({method, "/api/ml", signed_in, "Label Studio API: ML backends, not served (501)", NotServed("ML backends", ml)});
    routes.push_back({method, "/api/storages/{kind}", signed_in, "Label Studio API: import storages, not served (501)",
                      NotServed("cloud storages", storages)});
    routes.push_back({method, "/api/storages/export/{kind}", signed_in, "Label Studio API: export storages, not served (501)",
                      NotServed("cloud storages", storages)});
  }
  routes.push_back({"GET", "/api/storages", signed_in, "Label Studio API: storages, not served (501)", NotServed("cloud storages", storages)});
}

}  // namespace quorum
