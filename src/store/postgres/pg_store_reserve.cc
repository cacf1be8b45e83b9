// PgStore::Reserve: choosing and holding an annotator's next record (see migration 3 and the
// concurrency notes in pg_sql_distribution.h). One transaction in two round trips: BEGIN, its
// settings (kHandOutSettings), the annotator's lock and Start (the release and
// the caller's state) pipelined; then the choice and hand-out (one statement) pipelined with
// COMMIT. A project whose ordering changed takes two more, once.
#include <chrono>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/postgres/pg_error.h"
#include "store/postgres/pg_pipeline.h"
#include "store/postgres/pg_sql_distribution.h"
#include "store/postgres/pg_store.h"
#include "store/queue_order.h"

namespace quorum::postgres {
namespace {

// What Reserve's first statement reads (kReserveStart).
struct CallerState {
  std::optional<Reservation> live;
  std::string ordering;  // empty: fifo
  int64_t served = 0, gold_served = 0;
};

// BEGIN, the transaction's settings (kHandOutSettings: a commit that does not wait for the WAL
// flush, generic plans, no JIT), the annotator's lock (their other Reserve calls in the
// project, on any server, wait here) and Start, in one round trip.
Result<CallerState> Start(PgConnection& connection, const ReserveRequest& request) {
  std::vector<PgStatement> statements{
      {kBegin, {}},
      {kHandOutSettings, {}},
      {kLockAnnotator, Params().Int(request.project_id).Int(request.user_id)},
      {kReserveStart, Params().Int(request.project_id).Int(request.now_ms).Int(request.user_id)}};
  const size_t before_start = statements.size() - 1;
  PgPipeline pipeline(connection, std::move(statements));
  for (size_t statement = 0; statement < before_start; ++statement) QUORUM_RETURN_IF_ERROR(pipeline.Next());
  QUORUM_ASSIGN_OR_RETURN(PgResult result, pipeline.Next());
  QUORUM_RETURN_IF_ERROR(pipeline.Finish());
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

// kChooseAndReserve's parameters.
Params ChoiceParams(const ReserveRequest& request, const CallerState& state) {
  const bool random = request.order == QueueOrder::kRandom;
  const bool gold_due = request.gold_due && request.gold_due(state.served, state.gold_served);
  Params params;
  params.Int(request.project_id).Int(request.user_tier).Text(nlohmann::json(request.user_specializations).dump());
  params.Int(request.user_id).Text(nlohmann::json(request.calibration).dump()).Int(request.calibration_first);
  params.Text(gold_due ? "true" : "false").Int(request.random_start);
  params.Int(request.overlap).Int(request.discards_count ? 1 : 0);
  if (random) params.Int(request.random_start);
  else params.Double(-std::numeric_limits<double>::infinity());
  params.Text(random ? "true" : "false").Text(request.finish_started_first ? "true" : "false");
  params.Int(random ? request.random_start : 0).Int(request.now_ms + request.lease_ms);
  return params;
}

// Waits for the first record with room for the caller that is locked (kWaitForOpenRecord), at
// most a second: true when one was found (once its lock was free), false when there is none,
// or it stayed locked.
Result<bool> WaitForOpenRecord(PgConnection& connection, const ReserveRequest& request) {
  QUORUM_RETURN_IF_ERROR(connection.Run("BEGIN"));
  QUORUM_RETURN_IF_ERROR(connection.Exec(kWaitSettings));
  Params params;
  params.Int(request.project_id).Int(request.user_tier).Text(nlohmann::json(request.user_specializations).dump());
  params.Int(request.user_id).Int(request.overlap).Int(request.discards_count ? 1 : 0);
  Result<PgResult> found = connection.Exec(kWaitForOpenRecord, params);
  if (!found.ok()) {
    if (!IsLockTimeout(found.error())) return std::move(found).error();
    QUORUM_RETURN_IF_ERROR(connection.Run("ROLLBACK"));
    return false;
  }
  QUORUM_RETURN_IF_ERROR(connection.Run("COMMIT"));
  return !found->empty();
}

}  // namespace

// A choice that finds nothing is checked: SKIP LOCKED passes the records whose save or
// hand-out is in flight, and near a project's end those can be all that is left, so the caller
// would hear "nothing left" for records that still have room. Then the hand-out waits for the
// first such record's lock and tries again, a few times at most.
Result<std::optional<Reservation>> PgStore::Reserve(const ReserveRequest& request) {
  if (request.overlap < 1) return MakeError(ErrorCode::kInvalid, "overlap must be at least 1");
  constexpr int kAttempts = 5;
  std::optional<Reservation> reservation;
  for (int attempt = 1;; ++attempt) {
    QUORUM_ASSIGN_OR_RETURN(bool handed_out, ReserveOnce(request, reservation));
    if (handed_out || attempt == kAttempts) return reservation;
    QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
    Result<bool> waited = WaitForOpenRecord(*connection, request);
    if (!waited.ok() && connection->healthy() && connection->InTransaction()) (void)connection->Run("ROLLBACK");
    if (!waited.ok()) return std::move(waited).error();
    if (!*waited) return reservation;
  }
}

// One hand-out transaction: true when `reservation` holds the caller's record (a live one
// they had, or a new one), false when the choice found nothing.
Result<bool> PgStore::ReserveOnce(const ReserveRequest& request, std::optional<Reservation>& reservation) {
  QUORUM_RETURN_IF_ERROR(RunTransaction([&](PgConnection& connection) -> Status {
    reservation.reset();
    QUORUM_ASSIGN_OR_RETURN(CallerState state, Start(connection, request));
    if (state.live) {
      reservation = state.live;
      return connection.Run(kCommit);  // Start's release of expired reservations
    }
    QUORUM_RETURN_IF_ERROR(FollowOrdering(connection, request.project_id, state.ordering, request.order));
    const auto choosing = std::chrono::steady_clock::now();
    PgPipeline pipeline(connection, {{kChooseAndReserve, ChoiceParams(request, state)}, {kCommit, {}}});
    QUORUM_ASSIGN_OR_RETURN(PgResult chosen, pipeline.Next());
    const int64_t selection_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - choosing).count();
    QUORUM_RETURN_IF_ERROR(pipeline.Finish());
    if (!chosen.empty()) {
      reservation = Reservation{chosen.Int(0, 0), request.user_id, request.now_ms + request.lease_ms, selection_ns};
    }
    return OkStatus();
  }));
  return reservation.has_value();
}

}  // namespace quorum::postgres
