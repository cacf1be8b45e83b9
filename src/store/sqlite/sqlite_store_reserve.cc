// SqliteStore::Reserve: choosing and holding an annotator's next record (see migration 3).
#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "store/queue_order.h"
#include "store/sqlite/sql_distribution.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

// A queue entry found in one bucket, with what ranks it against the other buckets' first ones:
// smaller `rank`, then smaller id, goes first.
struct Candidate {
  int64_t record_id = 0;
  double rank = 0;
  bool operator<(const Candidate& other) const {
    return std::tie(rank, record_id) < std::tie(other.rank, other.record_id);
  }
};

constexpr double kLast = std::numeric_limits<double>::infinity();

// What one Reserve call walks with: the request and the user's eligibility, bound per query.
class QueueWalk {
 public:
  QueueWalk(Connection& connection, const ReserveRequest& request)
      : connection_(connection), request_(request), specializations_(nlohmann::json(request.user_specializations).dump()) {}

  // The first calibration record the user never had.
  Result<std::optional<int64_t>> Calibration() {
    for (int64_t record_id : request_.calibration) {
      QUORUM_ASSIGN_OR_RETURN(bool open, CalibrationOpen(record_id));
      if (open) return std::optional<int64_t>(record_id);
    }
    if (request_.calibration_first <= 0) return std::optional<int64_t>();
    std::vector<int64_t> first;
    {
      QUORUM_ASSIGN_OR_RETURN(Query ids, connection_.Use(kFirstRecordIds));
      ids.BindInt(request_.project_id).BindInt(request_.calibration_first);
      while (true) {
        QUORUM_ASSIGN_OR_RETURN(bool has_row, ids.Step());
        if (!has_row) break;
        first.push_back(ids.Int(0));
      }
    }
    for (int64_t record_id : first) {
      QUORUM_ASSIGN_OR_RETURN(bool open, CalibrationOpen(record_id));
      if (open) return std::optional<int64_t>(record_id);
    }
    return std::optional<int64_t>();
  }

  // An eligible gold record the user never had, from their place in the shuffled order.
  Result<std::optional<int64_t>> Gold() {
    for (const char* sql : {kFirstGoldFrom, kFirstGoldBefore}) {
      QUORUM_ASSIGN_OR_RETURN(Query query, connection_.Use(sql));
      BindEligibility(query);
      query.BindInt(request_.random_start);
      QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
      if (found) return std::optional<int64_t>(query.Int(0));
    }
    return std::optional<int64_t>();
  }

  // The first open non-gold record: the best of each bucket of places taken below the overlap;
  // with finish_started_first, any started bucket's best before the untouched bucket's.
  Result<std::optional<int64_t>> Open() {
    std::optional<Candidate> best;
    for (int taken = request_.overlap - 1; taken >= 0; --taken) {
      if (taken == 0 && best && request_.finish_started_first) break;
      QUORUM_ASSIGN_OR_RETURN(std::optional<Candidate> found, FirstInBucket(taken));
      if (found && (!best || *found < *best)) best = found;
    }
    if (!best) return std::optional<int64_t>();
    return std::optional<int64_t>(best->record_id);
  }

 private:
  Result<bool> CalibrationOpen(int64_t record_id) {
    QUORUM_ASSIGN_OR_RETURN(Query query, connection_.Use(kCalibrationCandidate));
    query.BindInt(record_id).BindInt(request_.project_id).BindInt(request_.user_id);
    return query.Step();
  }

  void BindEligibility(Query& query) {
    query.BindInt(request_.project_id).BindInt(request_.user_tier).BindText(specializations_).BindInt(request_.user_id);
  }

  Result<std::optional<Candidate>> FirstInBucket(int taken) {
    const bool random = request_.order == QueueOrder::kRandom;
    for (int wrap = 0; wrap < (random ? 2 : 1); ++wrap) {
      QUORUM_ASSIGN_OR_RETURN(Query query, connection_.Use(wrap == 0 ? kBucketFrom : kBucketBefore));
      BindEligibility(query);
      query.BindInt(taken).BindInt(request_.discards_count ? 1 : 0).BindInt(request_.overlap);
      if (random) query.BindInt(request_.random_start);
      else query.BindDouble(-kLast);
      QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
      if (!found) continue;
      return std::optional<Candidate>(Candidate{query.Int(0), Rank(query, wrap)});
    }
    return std::optional<Candidate>();
  }

  // The order key as a rank where smaller goes first: for random, the distance from the
  // annotator's entry point, walking the permutation round.
  double Rank(const Query& query, int wrap) const {
    const double key = query.Double(1);
    if (request_.order != QueueOrder::kRandom) return key;
    return wrap == 0 ? key - request_.random_start : key + 4294967296.0 - request_.random_start;
  }

  Connection& connection_;
  const ReserveRequest& request_;
  const std::string specializations_;
};

// Makes the project's order keys follow `order`: a no-op unless the ordering changed since the
// last hand-out, then one pass over the project's queue entries.
Status FollowOrdering(Connection& connection, int64_t project_id, QueueOrder order) {
  const std::string wanted = QueueOrderName(order);
  {
    QUORUM_ASSIGN_OR_RETURN(Query current, connection.Use(kQueueOrdering));
    QUORUM_ASSIGN_OR_RETURN(bool found, current.BindInt(project_id).Step());
    if (found ? current.Text(0) == wanted : order == QueueOrder::kFifo) return OkStatus();
  }
  QUORUM_ASSIGN_OR_RETURN(Query record, connection.Use(kSetQueueOrdering));
  QUORUM_RETURN_IF_ERROR(record.BindInt(project_id).BindText(wanted).Run());
  QUORUM_ASSIGN_OR_RETURN(Query rewrite, connection.Use(kRewriteOrderKeys));
  return rewrite.BindInt(project_id).BindText(wanted).Run();
}

Result<std::optional<Reservation>> LiveReservation(Connection& connection, const ReserveRequest& request) {
  QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kLiveReservationOfUser));
  query.BindInt(request.user_id).BindInt(request.project_id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return std::optional<Reservation>();
  return std::optional<Reservation>(Reservation{query.Int(0), request.user_id, query.Int(1), 0});
}

Result<bool> GoldDue(Connection& connection, const ReserveRequest& request) {
  if (!request.gold_due) return false;
  QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kServedCounts));
  query.BindInt(request.project_id).BindInt(request.user_id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  return request.gold_due(found ? query.Int(0) : 0, found ? query.Int(1) : 0);
}

// The record to hand out, or nullopt: calibration, then gold when due, then the open queue.
Result<std::optional<int64_t>> Choose(Connection& connection, const ReserveRequest& request) {
  QueueWalk walk(connection, request);
  QUORUM_ASSIGN_OR_RETURN(std::optional<int64_t> calibration, walk.Calibration());
  if (calibration) return calibration;
  QUORUM_ASSIGN_OR_RETURN(bool gold_due, GoldDue(connection, request));
  if (gold_due) {
    QUORUM_ASSIGN_OR_RETURN(std::optional<int64_t> gold, walk.Gold());
    if (gold) return gold;
  }
  return walk.Open();
}

}  // namespace

// Everything happens in one write, so the places counted are the places there are: concurrent
// Reserve and SaveResponseWithin calls run one after the other on the writer connection.
// The hold is handed out once committed, without waiting for its fsync: a power loss in that
// moment forgets it (the annotator asks for a record again), and any save that follows it in
// the WAL makes it durable first.
Result<std::optional<Reservation>> SqliteStore::Reserve(const ReserveRequest& request) {
  if (request.overlap < 1) return MakeError(ErrorCode::kInvalid, "overlap must be at least 1");
  std::optional<Reservation> reservation;
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    {
      QUORUM_ASSIGN_OR_RETURN(Query release, connection.Use(kReleaseExpired));
      QUORUM_RETURN_IF_ERROR(release.BindInt(request.project_id).BindInt(request.now_ms).Run());
    }
    QUORUM_ASSIGN_OR_RETURN(reservation, LiveReservation(connection, request));
    if (reservation) return OkStatus();
    QUORUM_RETURN_IF_ERROR(FollowOrdering(connection, request.project_id, request.order));
    const auto choosing = std::chrono::steady_clock::now();
    QUORUM_ASSIGN_OR_RETURN(std::optional<int64_t> record_id, Choose(connection, request));
    const int64_t selection_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - choosing).count();
    if (!record_id) return OkStatus();
    const int64_t expires_at = request.now_ms + request.lease_ms;
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertReservation));
    insert.BindInt(*record_id).BindInt(request.user_id).BindInt(request.project_id).BindInt(expires_at);
    QUORUM_RETURN_IF_ERROR(insert.Run());
    reservation = Reservation{*record_id, request.user_id, expires_at, selection_ns};
    return OkStatus();
  }, Durability::kCommitted));
  return reservation;
}

}  // namespace quorum::sqlite
