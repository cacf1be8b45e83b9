// Distribution for managers: the queue's state. (Annotators' next record is in api_records.cc;
// pausing is a settings change: PATCH the project with "paused" or "paused_annotators".)
#include "dist/distributor.h"
#include "http/api_error.h"
#include "http/api_routes.h"
#include "http/distribution_json.h"

namespace quorum {
namespace {

// The live reservations listed at most (the count covers them all).
constexpr int kListedReservations = 200;

HttpResponse Queue(RequestContext& context) {
  Distributor distributor(context.store, context.clock);
  Result<QueueStats> stats = distributor.Queue(*context.project, kListedReservations);
  if (!stats.ok()) return ErrorResponse(stats.error());
  return JsonResponse(200, QueueJson(*stats));
}

}  // namespace

void AddDistributionRoutes(std::vector<Route>& routes) {
  const Access managers{Scope::kProject, Role::kManager};
  routes.push_back({"GET", "/api/v1/projects/{id}/queue", managers,
                    "queue statistics: records by state, live reservations, per-annotator counts", Queue});
}

}  // namespace quorum
