// SqliteStore: the distribution engine's other methods: saving a response against its record's
// places, and the counts behind progress and queue statistics (see migration 3).
#include <optional>
#include <string>

#include "store/place_rules.h"
#include "store/sqlite/sql_distribution.h"
#include "store/sqlite/sqlite_response_write.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

// kConflict when `response` would take a place on a record whose places others already fill;
// with handed_out_only, kNotFound when the record was never handed to the saver.
Status ReadAndCheckPlaces(Connection& connection, const Response& response, const ResponseLimits& limits) {
  const bool check = ChecksPlaces(response, limits);
  if (!check && !limits.handed_out_only) return OkStatus();
  RecordPlaces places;
  if (check) {
    QUORUM_ASSIGN_OR_RETURN(Query record, connection.Use(kRecordPlaces));
    QUORUM_ASSIGN_OR_RETURN(bool found, record.BindInt(response.record_id).Step());
    if (!found) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(response.record_id) + " not found");
    places.taken = record.Int(0);
    places.discarded = record.Int(1);
  }
  QUORUM_ASSIGN_OR_RETURN(Query own, connection.Use(kOwnPlace));
  QUORUM_RETURN_IF_ERROR(own.BindInt(response.record_id).BindInt(response.user_id).Step());
  // No (record, user) row: the record was never handed to the saver.
  if (limits.handed_out_only && own.IsNull(0)) return NotHandedOut(response);
  if (!check) return OkStatus();
  places.own_hold = own.Int(0) == 1;
  if (!own.IsNull(1)) places.own_status = ParseResponseStatus(own.Text(1));
  return quorum::CheckPlaces(places, response, limits);
}

}  // namespace

Result<Response> SqliteStore::SaveResponseWithin(const Response& response, int64_t actor_user_id,
                                                 const ResponseLimits& limits) {
  int64_t now_ms = clock_.NowMs();
  std::string values_json = response.values.dump();  // may throw: kept out of the shared transaction
  std::optional<Result<Response>> saved;
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    {
      QUORUM_ASSIGN_OR_RETURN(Query project, connection.Use(kProjectOfRecordProgress));
      QUORUM_ASSIGN_OR_RETURN(bool found, project.BindInt(response.record_id).Step());
      if (found) {
        const int64_t project_id = project.Int(0);
        QUORUM_ASSIGN_OR_RETURN(Query release, connection.Use(kReleaseExpired));
        QUORUM_RETURN_IF_ERROR(release.BindInt(project_id).BindInt(limits.now_ms).Run());
      }
    }
    QUORUM_RETURN_IF_ERROR(ReadAndCheckPlaces(connection, response, limits));
    saved = WriteResponse(connection, response, values_json, actor_user_id, now_ms);
    if (!saved->ok()) return saved->error();
    if (limits.gold_grade) {
      // The (record, user) row exists: a response always has one (trigger responses_handed_out).
      const bool counts = response.status == ResponseStatus::kSubmitted;
      QUORUM_ASSIGN_OR_RETURN(Query grade, connection.Use(kSetGoldGrade));
      QUORUM_RETURN_IF_ERROR(grade.BindInt(counts ? limits.gold_grade->answered : 0)
                                 .BindInt(counts ? limits.gold_grade->correct : 0)
                                 .BindInt((*saved)->record_id)
                                 .BindInt((*saved)->user_id)
                                 .Run());
    }
    if (response.status == ResponseStatus::kDraft && limits.lease_until_ms > 0) {
      QUORUM_ASSIGN_OR_RETURN(Query extend, connection.Use(kExtendReservation));
      QUORUM_RETURN_IF_ERROR(extend.BindInt(limits.lease_until_ms).BindInt((*saved)->record_id).BindInt((*saved)->user_id).Run());
    }
    return OkStatus();
  }));
  return std::move(*saved);
}

Result<bool> SqliteStore::WasHandedOut(int64_t record_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kWasHandedOut));
  return query.BindInt(record_id).BindInt(user_id).Step();
}

Result<DistributionProgress> SqliteStore::ProgressOf(int64_t project_id, int64_t user_id, int overlap) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  Connection& connection = reading.connection();
  DistributionProgress progress;
  {
    QUORUM_ASSIGN_OR_RETURN(Query counts, connection.Use(kProgressCounts));
    counts.BindInt(project_id);
    while (true) {
      QUORUM_ASSIGN_OR_RETURN(bool has_row, counts.Step());
      if (!has_row) break;
      const int64_t submitted = counts.Int(1), records = counts.Int(2);
      if (counts.Int(0) != 0) {
        progress.gold += records;
        continue;
      }
      progress.records += records;
      if (submitted >= overlap) progress.complete += records;
      else if (submitted > 0) progress.started += records;
    }
  }
  if (user_id != 0) {
    QUORUM_ASSIGN_OR_RETURN(Query mine, connection.Use(kAnnotatorCountsOfUser));
    QUORUM_ASSIGN_OR_RETURN(bool found, mine.BindInt(project_id).BindInt(user_id).Step());
    if (found) {
      progress.mine_submitted = mine.Int(0);
      progress.mine_discarded = mine.Int(1);
    }
  }
  return progress;
}

Result<int64_t> SqliteStore::CountLiveReservations(int64_t project_id, int64_t now_ms) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query live, reading.connection().Use(kCountLiveReservations));
  QUORUM_RETURN_IF_ERROR(live.BindInt(project_id).BindInt(now_ms).Step());
  return live.Int(0);
}

Result<std::vector<Reservation>> SqliteStore::ListReservations(int64_t project_id, int64_t now_ms, int limit) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kListLiveReservations));
  query.BindInt(project_id).BindInt(now_ms).BindInt(limit);
  std::vector<Reservation> reservations;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return reservations;
    reservations.push_back(Reservation{query.Int(0), query.Int(1), query.Int(2), 0});
  }
}

Result<std::vector<AnnotatorQueueCounts>> SqliteStore::ListAnnotatorCounts(int64_t project_id, int64_t now_ms) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kAnnotatorCounts));
  query.BindInt(project_id).BindInt(now_ms);
  std::vector<AnnotatorQueueCounts> annotators;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return annotators;
    AnnotatorQueueCounts counts;
    counts.user_id = query.Int(0);
    counts.served = query.Int(1);
    counts.gold_served = query.Int(2);
    counts.submitted = query.Int(3);
    counts.discarded = query.Int(4);
    counts.holding = query.Int(5);
    counts.gold = ClampedGoldTally(query.Int(6), query.Int(7));
    if (!query.IsNull(8)) counts.reinstated_at_ms = query.Int(8);
    annotators.push_back(counts);
  }
}

Status SqliteStore::SetUncertainty(int64_t record_id, std::optional<double> score) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query update, connection.Use(kSetUncertainty));
    QUORUM_RETURN_IF_ERROR(update.BindOptionalDouble(score).BindInt(record_id).Run());
    if (connection.Changes() == 0)
      return MakeError(ErrorCode::kNotFound, "record " + std::to_string(record_id) + " not found");
    return OkStatus();
  });
}

Status SqliteStore::SetUncertainties(int64_t project_id, std::span<const UncertaintyScore> scores) {
  return Write([&](Connection& connection) -> Status {
    for (const UncertaintyScore& entry : scores) {
      QUORUM_ASSIGN_OR_RETURN(Query update, connection.Use(kSetUncertaintyInProject));
      QUORUM_RETURN_IF_ERROR(update.BindOptionalDouble(entry.score).BindInt(entry.record_id).BindInt(project_id).Run());
      if (connection.Changes() == 0)
        return MakeError(ErrorCode::kNotFound, "record " + std::to_string(entry.record_id) + " is not in project " +
                                                   std::to_string(project_id));
    }
    return OkStatus();
  });
}

Result<GoldTally> SqliteStore::GoldTallyOf(int64_t project_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kGoldTallyOf));
  QUORUM_ASSIGN_OR_RETURN(bool found, query.BindInt(project_id).BindInt(user_id).Step());
  if (!found) return GoldTally{};
  return ClampedGoldTally(query.Int(0), query.Int(1));
}

Status SqliteStore::ReinstateAnnotator(int64_t project_id, int64_t user_id, int64_t now_ms) {
  return Write([&](Connection& connection) -> Status {
    {
      QUORUM_ASSIGN_OR_RETURN(Query user, connection.Use(kUserExists));
      QUORUM_ASSIGN_OR_RETURN(bool found, user.BindInt(user_id).Step());
      if (!found) return MakeError(ErrorCode::kNotFound, "user " + std::to_string(user_id) + " not found");
    }
    QUORUM_ASSIGN_OR_RETURN(Query reinstate, connection.Use(kReinstate));
    return reinstate.BindInt(project_id).BindInt(user_id).BindInt(now_ms).Run();
  });
}

}  // namespace quorum::sqlite
