// PgStore: the distribution engine's other methods: saving a response against its record's
// places, and the counts behind progress and queue statistics (see migration 3).
#include <optional>
#include <string>
#include <vector>

#include "store/place_rules.h"
#include "store/postgres/pg_pipeline.h"
#include "store/postgres/pg_response_write.h"
#include "store/postgres/pg_sql_distribution.h"
#include "store/postgres/pg_store.h"

namespace quorum::postgres {
namespace {

// BEGIN and the record's queue entry, locked: the checks below and the write's counts are one
// step for every server. With `check`, also the record's expired holds ended
// (kReleaseExpiredOfRecord) and its places read (kRecordPlaces: statements after the lock read
// what the lock's previous holder committed) and checked; with handed_out_only, whether the
// record was handed to the saver. One round trip. kNotFound when the check finds no record, or
// the record was not handed to the saver.
Status LockAndCheck(PgConnection& connection, const Response& response, const ResponseLimits& limits, bool check) {
  std::vector<PgStatement> statements{{kBegin, {}}, {kLockQueueEntry, Params().Int(response.record_id)}};
  if (limits.handed_out_only)
    statements.push_back({kWasHandedOut, Params().Int(response.record_id).Int(response.user_id)});
  if (check) {
    statements.push_back({kReleaseExpiredOfRecord, Params().Int(response.record_id).Int(limits.now_ms)});
    statements.push_back({kRecordPlaces, Params().Int(response.record_id).Int(response.user_id)});
  }
  PgPipeline pipeline(connection, std::move(statements));
  QUORUM_RETURN_IF_ERROR(pipeline.Next());
  QUORUM_ASSIGN_OR_RETURN(PgResult entry, pipeline.Next());
  PgResult handed_out, found;
  if (limits.handed_out_only) {
    QUORUM_ASSIGN_OR_RETURN(handed_out, pipeline.Next());
  }
  if (check) {
    QUORUM_RETURN_IF_ERROR(pipeline.Next());
    QUORUM_ASSIGN_OR_RETURN(found, pipeline.Next());
  }
  QUORUM_RETURN_IF_ERROR(pipeline.Finish());
  if (limits.handed_out_only && handed_out.empty()) return NotHandedOut(response);
  // A record outside the queue has no places to check; the write reports an unknown one.
  if (!check || entry.empty()) return OkStatus();
  if (found.empty()) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(response.record_id) + " not found");
  RecordPlaces places;
  places.taken = found.Int(0, 0);
  places.discarded = found.Int(0, 1);
  places.own_hold = found.Int(0, 2) != 0;
  if (!found.IsNull(0, 3)) places.own_status = ParseResponseStatus(found.Text(0, 3));
  return CheckPlaces(places, response, limits);
}

// What follows the response's write in its transaction: its gold grade, a draft's longer
// lease. Column values from the saved response.
std::vector<PgStatement> FollowUps(const Response& saved, const ResponseLimits& limits) {
  std::vector<PgStatement> statements;
  if (limits.gold_grade) {
    // The (record, user) row exists: a response always has one (trigger responses_handed_out).
    const bool counts = saved.status == ResponseStatus::kSubmitted;
    statements.push_back({kSetGoldGrade, Params()
                                             .Int(counts ? limits.gold_grade->answered : 0)
                                             .Int(counts ? limits.gold_grade->correct : 0)
                                             .Int(saved.record_id)
                                             .Int(saved.user_id)});
  }
  if (saved.status == ResponseStatus::kDraft && limits.lease_until_ms > 0)
    statements.push_back({kExtendReservation, Params().Int(limits.lease_until_ms).Int(saved.record_id).Int(saved.user_id)});
  return statements;
}

}  // namespace

// Two round trips when nothing follows the write (a submission or discard of a non-gold
// record): BEGIN, lock and check; then the write and COMMIT. Otherwise the write, then what
// follows it with COMMIT.
Result<Response> PgStore::SaveResponseWithin(const Response& response, int64_t actor_user_id,
                                             const ResponseLimits& limits) {
  int64_t now_ms = clock_.NowMs();
  std::string values_json = response.values.dump();
  const bool follow_ups = !FollowUps(response, limits).empty();
  std::optional<Result<Response>> saved;
  QUORUM_RETURN_IF_ERROR(RunTransaction([&](PgConnection& connection) -> Status {
    saved.reset();
    QUORUM_RETURN_IF_ERROR(LockAndCheck(connection, response, limits, ChecksPlaces(response, limits)));
    if (!follow_ups) {
      Status committed = OkStatus();
      Result<PgResult> written = [&] {
        PgPipeline pipeline(connection, {ResponseWrite(response, values_json, actor_user_id, now_ms), {kCommit, {}}});
        Result<PgResult> outcome = pipeline.Next();
        committed = pipeline.Finish();
        return outcome;
      }();
      saved = WrittenResponse(connection, std::move(written), response, actor_user_id, now_ms);
      if (!saved->ok()) return saved->error();
      return committed;
    }
    saved = WriteResponse(connection, response, values_json, actor_user_id, now_ms);
    if (!saved->ok()) return saved->error();
    std::vector<PgStatement> rest = FollowUps(**saved, limits);
    rest.push_back({kCommit, {}});
    PgPipeline pipeline(connection, std::move(rest));
    return pipeline.Finish();
  }));
  return std::move(*saved);
}

Result<bool> PgStore::WasHandedOut(int64_t record_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kWasHandedOut, Params().Int(record_id).Int(user_id)));
  return !result.empty();
}

// The project's and the annotator's counts in one round trip.
Result<DistributionProgress> PgStore::ProgressOf(int64_t project_id, int64_t user_id, int overlap) {
  QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
  std::vector<PgStatement> statements{{kProgressCounts, Params().Int(project_id)}};
  if (user_id != 0) statements.push_back({kAnnotatorCountsOfUser, Params().Int(project_id).Int(user_id)});
  PgPipeline pipeline(*connection, std::move(statements));
  QUORUM_ASSIGN_OR_RETURN(PgResult counts, pipeline.Next());
  PgResult mine;
  if (user_id != 0) {
    QUORUM_ASSIGN_OR_RETURN(mine, pipeline.Next());
  }
  QUORUM_RETURN_IF_ERROR(pipeline.Finish());
  DistributionProgress progress;
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
  if (!mine.empty()) {
    progress.mine_submitted = mine.Int(0, 0);
    progress.mine_discarded = mine.Int(0, 1);
  }
  return progress;
}

Result<int64_t> PgStore::CountLiveReservations(int64_t project_id, int64_t now_ms) {
  QUORUM_ASSIGN_OR_RETURN(PgResult live, Exec(kCountLiveReservations, Params().Int(project_id).Int(now_ms)));
  return live.Int(0, 0);
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
    counts.gold = ClampedGoldTally(result.Int(row, 6), result.Int(row, 7));
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
  return ClampedGoldTally(result.Int(0, 0), result.Int(0, 1));
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
