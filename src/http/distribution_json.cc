#include "http/distribution_json.h"

#include <algorithm>

#include "core/clock.h"
#include "store/queue_order.h"

namespace quorum {

nlohmann::json ProgressJson(const ProgressFigures& progress) {
  return {{"mine", {{"done", progress.mine_done}, {"total", progress.mine_total}}},
          {"project",
           {{"done", progress.project_done}, {"total", progress.project_total}, {"complete", progress.complete}}}};
}

nlohmann::json QueueJson(const QueueStats& stats) {
  const DistributionProgress& counts = stats.counts;
  nlohmann::json reservations = nlohmann::json::array();
  for (const Reservation& reservation : stats.reservations)
    reservations.push_back({{"record_id", reservation.record_id},
                            {"user_id", reservation.user_id},
                            {"expires_at", FormatTimestamp(reservation.expires_at_ms)}});
  nlohmann::json annotators = nlohmann::json::array();
  for (const AnnotatorQueueCounts& annotator : stats.annotators)
    annotators.push_back({{"user_id", annotator.user_id},
                          {"served", annotator.served},
                          {"gold_served", annotator.gold_served},
                          {"submitted", annotator.submitted},
                          {"discarded", annotator.discarded},
                          {"holding", annotator.holding},
                          {"paused", std::find(stats.settings.paused_annotators.begin(),
                                               stats.settings.paused_annotators.end(),
                                               annotator.user_id) != stats.settings.paused_annotators.end()}});
  const int64_t unstarted = counts.records - counts.complete - counts.started;
  return {{"overlap", stats.settings.overlap},
          {"ordering", QueueOrderName(stats.settings.ordering)},
          {"paused", stats.settings.paused},
          {"records",
           {{"total", counts.records},
            {"complete", counts.complete},
            {"in_progress", counts.started},
            {"unstarted", unstarted},
            {"gold", counts.gold}}},
          {"complete", counts.records > 0 && counts.complete == counts.records},
          {"active_reservations", {{"count", counts.live_reservations}, {"list", reservations}}},
          {"annotators", annotators}};
}

}  // namespace quorum
