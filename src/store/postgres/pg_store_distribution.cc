// PgStore: the distribution engine's other methods: saving a response against its record's
// places, and the counts behind progress and queue statistics (see migration 3).
#include <algorithm>
#include <optional>
#include <string>

#include "store/postgres/pg_response_write.h"
#include "store/postgres/pg_sql_distribution.h"
#include "store/postgres/pg_store.h"

namespace quorum::postgres {
namespace {

bool TakesPlace(ResponseStatus status, bool discards_count) {
  return status == ResponseStatus::kSubmitted || (discards_count && status == ResponseStatus::kDiscarded);
}

// When `response` takes a place, fails with kConflict if others already fill the record's
// places. The caller holds the record's queue entry locked.
Status CheckPlaces(PgConnection& connection, const Response& response, const ResponseLimits& limits) {
  if (limits.overlap <= 0 || !TakesPlace(response.status, limits.discards_count)) return OkStatus();
  QUORUM_ASSIGN_OR_RETURN(PgResult places, connection.Exec(kRecordPlaces, Params()
                                                                             .Int(response.record_id)
                                                                             .Int(response.user_id)
                                                                             .Int(limits.now_ms)));
  if (places.empty()) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(response.record_id) + " not found");
  const int64_t taken = places.Int(0, 0) + (limits.discards_count ? places.Int(0, 1) : 0);
  int64_t own_places = places.Int(0, 2) != 0 ? 1 : 0;
  if (!places.IsNull(0, 3)) {
    std::optional<ResponseStatus> stored = ParseResponseStatus(places.Text(0, 3));
    if (stored && TakesPlace(*stored, limits.discards_count)) ++own_places;
  }
  if (taken - own_places < limits.overlap) return OkStatus();
  return MakeError(ErrorCode::kConflict,
                   "record " + std::to_string(response.record_id) + " already has all the responses it needs (" +
                       std::to_string(limits.overlap) +
                       " places, taken by others' responses and reservations); your reservation of it had ended");
}

// A tally as GoldTallyOf promises it: never below zero, never more correct than answered.
GoldTally Clamped(int64_t answered, int64_t correct) {
  GoldTally tally;
  tally.answered = std::max<int64_t>(answered, 0);
  tally.correct = std::clamp<int64_t>(correct, 0, tally.answered);
  return tally;
}

}  // namespace

Result<Response> PgStore::SaveResponseWithin(const Response& response, int64_t actor_user_id,
                                             const ResponseLimits& limits) {
  int64_t now_ms = clock_.NowMs();
  std::string values_json = response.values.dump();
  std::optional<Result<Response>> saved;
  QUORUM_RETURN_IF_ERROR(InTransaction([&](PgConnection& connection) -> Status {
    saved.reset();
    // The record's queue entry, locked: the check below and the write's counts are one step for
    // every server. (A new statement after the lock reads what its holder committed.)
    QUORUM_ASSIGN_OR_RETURN(PgResult entry, connection.Exec(kLockQueueEntry, Params().Int(response.record_id)));
    if (!entry.empty()) QUORUM_RETURN_IF_ERROR(CheckPlaces(connection, response, limits));
    saved = WriteResponse(connection, response, values_json, actor_user_id, now_ms);
    if (!saved->ok()) return saved->error();
    if (limits.gold_grade) {
      // The (record, user) row exists: a response always has one (trigger responses_handed_out).
      const bool counts = response.status == ResponseStatus::kSubmitted;
      QUORUM_RETURN_IF_ERROR(connection.Exec(kSetGoldGrade, Params()
                                                                .Int(counts ? limits.gold_grade->answered : 0)
                                                                .Int(counts ? limits.gold_grade->correct : 0)
                                                                .Int((*saved)->record_id)
                                                                .Int((*saved)->user_id)));
    }
    if (response.status == ResponseStatus::kDraft && limits.lease_until_ms > 0) {
      QUORUM_RETURN_IF_ERROR(connection.Exec(
          kExtendReservation, Params().Int(limits.lease_until_ms).Int((*saved)->record_id).Int((*saved)->user_id)));
    }
    return OkStatus();
  }));
  return std::move(*saved);
}

Result<bool> PgStore::WasHandedOut(int64_t record_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kWasHandedOut, Params().Int(record_id).Int(user_id)));
  return !result.empty();
}

Result<DistributionProgress> PgStore::ProgressOf(int64_t project_id, int64_t user_id, int overlap, int64_t now_ms) {
  QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
  DistributionProgress progress;
  {
    QUORUM_ASSIGN_OR_RETURN(PgResult counts, connection->Exec(kProgressCounts, Params().Int(project_id)));
    for (int row = 0; row < counts.rows(); ++row) {
      const int64_t submitted = counts.Int(row, 1), records = counts.Int(row, 2);
      if (counts.Int(row, 0) != 0) {
        progress.gold += records;
        continue;
      }
      progress.records += records;
      if (submitted >= overlap) progress.complete += records;
      else if (submitted > 0) progress.started += records;
    }
  }
  {
    QUORUM_ASSIGN_OR_RETURN(PgResult live, connection->Exec(kCountLiveReservations, Params().Int(project_id).Int(now_ms)));
    progress.live_reservations = live.Int(0, 0);
  }
  if (user_id != 0) {
    QUORUM_ASSIGN_OR_RETURN(PgResult mine, connection->Exec(kAnnotatorCountsOfUser, Params().Int(project_id).Int(user_id)));
    if (!mine.empty()) {
      progress.mine_submitted = mine.Int(0, 0);
      progress.mine_discarded = mine.Int(0, 1);
    }
  }
  return progress;
}

Result<std::vector<Reservation>> PgStore::ListReservations(int64_t project_id, int64_t now_ms, int limit) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kListLiveReservations, Params().Int(project_id).Int(now_ms).Int(limit)));
  std::vector<Reservation> reservations;
  for (int row = 0; row < result.rows(); ++row)
    reservations.push_back(Reservation{result.Int(row, 0), result.Int(row, 1), result.Int(row, 2)});
  return reservations;
}

Result<std::vector<AnnotatorQueueCounts>> PgStore::ListAnnotatorCounts(int64_t project_id, int64_t now_ms) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kAnnotatorCounts, Params().Int(project_id).Int(now_ms)));
  std::vector<AnnotatorQueueCounts> annotators;
  for (int row = 0; row < result.rows(); ++row) {
    AnnotatorQueueCounts counts;
    counts.user_id = result.Int(row, 0);
    counts.served = result.Int(row, 1);
    counts.gold_served = result.Int(row, 2);
    counts.submitted = result.Int(row, 3);
    counts.discarded = result.Int(row, 4);
    counts.holding = result.Int(row, 5);
    counts.gold = Clamped(result.Int(row, 6), result.Int(row, 7));
    if (!result.IsNull(row, 8)) counts.reinstated_at_ms = result.Int(row, 8);
    annotators.push_back(counts);
  }
  return annotators;
}

Status PgStore::SetUncertainty(int64_t record_id, std::optional<double> score) {
  QUORUM_ASSIGN_OR_RETURN(PgResult updated, Exec(kSetUncertainty, Params().OptionalDouble(score).Int(record_id)));
  if (updated.affected() == 0) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(record_id) + " not found");
  return OkStatus();
}

Status PgStore::SetUncertainties(int64_t project_id, std::span<const UncertaintyScore> scores) {
  return InTransaction([&](PgConnection& connection) -> Status {
    for (const UncertaintyScore& entry : scores) {
      QUORUM_ASSIGN_OR_RETURN(PgResult updated, connection.Exec(kSetUncertaintyInProject, Params()
                                                                                            .OptionalDouble(entry.score)
                                                                                            .Int(entry.record_id)
                                                                                            .Int(project_id)));
      if (updated.affected() == 0)
        return MakeError(ErrorCode::kNotFound, "record " + std::to_string(entry.record_id) + " is not in project " +
                                                   std::to_string(project_id));
    }
    return OkStatus();
  });
}

Result<GoldTally> PgStore::GoldTallyOf(int64_t project_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kGoldTallyOf, Params().Int(project_id).Int(user_id)));
  if (result.empty()) return GoldTally{};
  return Clamped(result.Int(0, 0), result.Int(0, 1));
}

Status PgStore::ReinstateAnnotator(int64_t project_id, int64_t user_id, int64_t now_ms) {
  return InTransaction([&](PgConnection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(PgResult user, connection.Exec(kUserExists, Params().Int(user_id)));
    if (user.empty()) return MakeError(ErrorCode::kNotFound, "user " + std::to_string(user_id) + " not found");
    QUORUM_RETURN_IF_ERROR(connection.Exec(kReinstate, Params().Int(project_id).Int(user_id).Int(now_ms)));
    return OkStatus();
  });
}

}  // namespace quorum::postgres
