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

nlohmann::json GoldJson(const GoldTally& gold) {
  return {{"answered", gold.answered},
          {"correct", gold.correct},
          {"accuracy", gold.answered > 0 ? nlohmann::json(static_cast<double>(gold.correct) / static_cast<double>(gold.answered))
                                         : nlohmann::json()}};
}

nlohmann::json SuspensionJson(const Suspension& suspension) {
  return {{"gold", GoldJson(suspension.gold)},
          {"threshold", suspension.threshold},
          {"after", suspension.after},
          {"reason", suspension.reason}};
}

nlohmann::json QueueJson(const QueueStats& stats) {
  const DistributionProgress& counts = stats.counts;
  nlohmann::json reservations = nlohmann::json::array();
  for (const Reservation& reservation : stats.reservations)
    reservations.push_back({{"record_id", reservation.record_id},
                            {"user_id", reservation.user_id},
                            {"expires_at", FormatTimestamp(reservation.expires_at_ms)}});
  nlohmann::json annotators = nlohmann::json::array();
  for (std::size_t index = 0; index < stats.annotators.size(); ++index) {
    const AnnotatorQueueCounts& annotator = stats.annotators[index];
    const std::optional<Suspension>& suspension = stats.suspensions[index];
    annotators.push_back({{"user_id", annotator.user_id},
                          {"served", annotator.served},
                          {"gold_served", annotator.gold_served},
                          {"submitted", annotator.submitted},
                          {"discarded", annotator.discarded},
                          {"holding", annotator.holding},
                          {"paused", std::find(stats.settings.paused_annotators.begin(),
                                               stats.settings.paused_annotators.end(),
                                               annotator.user_id) != stats.settings.paused_annotators.end()},
                          {"gold", GoldJson(annotator.gold)},
                          {"reinstated_at", annotator.reinstated_at_ms ? nlohmann::json(FormatTimestamp(*annotator.reinstated_at_ms))
                                                                       : nlohmann::json()},
                          {"suspended", suspension.has_value()},
                          {"suspension", suspension ? SuspensionJson(*suspension) : nlohmann::json()}});
  }
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
          {"active_reservations", {{"count", stats.live_reservations}, {"list", reservations}}},
          {"annotators", annotators}};
}

}  // namespace quorum
