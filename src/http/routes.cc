#include "http/api_routes.h"

namespace quorum {

std::vector<Route> AllRoutes() {
  std::vector<Route> routes;
  AddSystemRoutes(routes);
  AddAuthRoutes(routes);
  AddWorkspaceRoutes(routes);
  AddProjectRoutes(routes);
  AddRecordRoutes(routes);
  AddResponseRoutes(routes);
  AddQualityRoutes(routes);
  AddLabelStudioRoutes(routes);
  AddMyWorkRoutes(routes);
  AddDistributionRoutes(routes);
  AddReviewRoutes(routes);
  return routes;
}

}  // namespace quorum
