// PgStore::Reserve: choosing and holding an annotator's next record (see migration 3 and the
// concurrency notes in pg_sql_distribution.h). One transaction; the common path is six round
// trips: BEGIN, the annotator's lock, the release and the caller's state, every queue bucket
// at once (claiming their first records), the insert, COMMIT.
#include <chrono>
#include <limits>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "store/postgres/pg_sql_distribution.h"
#include "store/postgres/pg_store.h"
#include "store/queue_order.h"

namespace quorum::postgres {
namespace {

constexpr double kRandomSpan = 4294967296.0;

// What Reserve's first statement reads (kReserveStart).
struct CallerState {
  std::optional<Reservation> live;
  std::string ordering;  // empty: fifo
  int64_t served = 0, gold_served = 0;
};

Result<CallerState> Start(PgConnection& connection, const ReserveRequest& request) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, connection.Exec(kReserveStart, Params()
                                                                              .Int(request.project_id)
                                                                              .Int(request.now_ms)
                                                                              .Int(request.user_id)));
  CallerState state;
  if (!result.IsNull(0, 0)) state.live = Reservation{result.Int(0, 0), request.user_id, result.Int(0, 1)};
  state.ordering = result.Text(0, 2);
  state.served = result.Int(0, 3);
  state.gold_served = result.Int(0, 4);
  return state;
}

// Makes the project's order keys follow `order`: a no-op unless the ordering changed since the
// last hand-out, then one pass over the project's queue entries.
Status FollowOrdering(PgConnection& connection, int64_t project_id, const std::string& current, QueueOrder order) {
  const std::string wanted = QueueOrderName(order);
  if (current.empty() ? order == QueueOrder::kFifo : current == wanted) return OkStatus();
  QUORUM_RETURN_IF_ERROR(connection.Exec(kSetQueueOrdering, Params().Int(project_id).Text(wanted)));
  QUORUM_RETURN_IF_ERROR(connection.Exec(kRewriteOrderKeys, Params().Int(project_id).Text(wanted)));
  return OkStatus();
}

Params Eligibility(const ReserveRequest& request) {
  Params params;
  params.Int(request.project_id).Int(request.user_tier).Text(nlohmann::json(request.user_specializations).dump());
  return params.Int(request.user_id);
}

// The first calibration record the user never had: the listed ones, then the first K by id.
Result<std::optional<int64_t>> Calibration(PgConnection& connection, const ReserveRequest& request) {
  nlohmann::json ids = request.calibration;
  if (request.calibration_first > 0) {
    QUORUM_ASSIGN_OR_RETURN(PgResult first, connection.Exec(kFirstRecordIds, Params()
                                                                                 .Int(request.project_id)
                                                                                 .Int(request.calibration_first)));
    for (int row = 0; row < first.rows(); ++row) ids.push_back(first.Int(row, 0));
  }
  if (ids.empty()) return std::optional<int64_t>();
  QUORUM_ASSIGN_OR_RETURN(PgResult found, connection.Exec(kFirstCalibration, Params()
                                                                                 .Text(ids.dump())
                                                                                 .Int(request.project_id)
                                                                                 .Int(request.user_id)));
  if (found.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(found.Int(0, 0));
}

Result<std::optional<int64_t>> Gold(PgConnection& connection, const ReserveRequest& request) {
  QUORUM_ASSIGN_OR_RETURN(PgResult found, connection.Exec(kFirstGold, Eligibility(request).Int(request.random_start)));
  if (found.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(found.Int(0, 0));
}

// The first open non-gold record: the best of each bucket of places taken below the overlap
// (smaller rank, then smaller id); with finish_started_first, any started bucket's best before
// the untouched bucket's. For random order the rank is the distance from the annotator's entry
// point, walking the permutation round.
Result<std::optional<int64_t>> Open(PgConnection& connection, const ReserveRequest& request) {
  const bool random = request.order == QueueOrder::kRandom;
  Params params = Eligibility(request);
  params.Int(request.overlap).Int(request.discards_count ? 1 : 0).Int(request.overlap);
  if (random) params.Int(request.random_start);
  else params.Double(-std::numeric_limits<double>::infinity());
  params.Text(random ? "true" : "false");
  QUORUM_ASSIGN_OR_RETURN(PgResult buckets, connection.Exec(kQueueBuckets, params));
  std::optional<std::tuple<double, int64_t>> best_started, best_untouched;
  for (int row = 0; row < buckets.rows(); ++row) {
    const int64_t taken = buckets.Int(row, 0), record_id = buckets.Int(row, 1);
    double rank = buckets.Double(row, 2);
    if (random) rank = buckets.Int(row, 3) == 0 ? rank - request.random_start : rank + kRandomSpan - request.random_start;
    auto& best = taken > 0 ? best_started : best_untouched;
    std::tuple<double, int64_t> candidate{rank, record_id};
    if (!best || candidate < *best) best = candidate;
  }
  std::optional<std::tuple<double, int64_t>> best = best_started;
  if (best_untouched && !(request.finish_started_first && best_started) && (!best || *best_untouched < *best))
    best = best_untouched;
  if (!best) return std::optional<int64_t>();
  return std::optional<int64_t>(std::get<1>(*best));
}

// The record to hand out, or nullopt: calibration, then gold when due, then the open queue.
Result<std::optional<int64_t>> Choose(PgConnection& connection, const ReserveRequest& request, const CallerState& state) {
  if (!request.calibration.empty() || request.calibration_first > 0) {
    QUORUM_ASSIGN_OR_RETURN(std::optional<int64_t> calibration, Calibration(connection, request));
    if (calibration) return calibration;
  }
  if (request.gold_due && request.gold_due(state.served, state.gold_served)) {
    QUORUM_ASSIGN_OR_RETURN(std::optional<int64_t> gold, Gold(connection, request));
    if (gold) return gold;
  }
  return Open(connection, request);
}

}  // namespace

Result<std::optional<Reservation>> PgStore::Reserve(const ReserveRequest& request) {
  if (request.overlap < 1) return MakeError(ErrorCode::kInvalid, "overlap must be at least 1");
  std::optional<Reservation> reservation;
  QUORUM_RETURN_IF_ERROR(InTransaction([&](PgConnection& connection) -> Status {
    reservation.reset();
    // This annotator's other Reserve calls in the project, on any server, wait here.
    QUORUM_RETURN_IF_ERROR(connection.Exec(kLockAnnotator, Params().Int(request.project_id).Int(request.user_id)));
    QUORUM_ASSIGN_OR_RETURN(CallerState state, Start(connection, request));
    if (state.live) {
      reservation = state.live;
      return OkStatus();
    }
    QUORUM_RETURN_IF_ERROR(FollowOrdering(connection, request.project_id, state.ordering, request.order));
    const auto choosing = std::chrono::steady_clock::now();
    QUORUM_ASSIGN_OR_RETURN(std::optional<int64_t> record_id, Choose(connection, request, state));
    const int64_t selection_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - choosing).count();
    if (!record_id) return OkStatus();
    const int64_t expires_at = request.now_ms + request.lease_ms;
    QUORUM_RETURN_IF_ERROR(connection.Exec(
        kInsertReservation, Params().Int(*record_id).Int(request.user_id).Int(request.project_id).Int(expires_at)));
    reservation = Reservation{*record_id, request.user_id, expires_at, selection_ns};
    return OkStatus();
  }));
  return reservation;
}

}  // namespace quorum::postgres
