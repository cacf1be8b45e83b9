// The distribution queue's SQL (see migration 3 in pg_migrations.cc). Private to
// src/store/postgres. Values are always bound.
//
// Concurrency across processes, with no lock held longer than one record's or one annotator's:
// - Reserve takes the transaction-scoped advisory lock of (project, annotator), so one
//   annotator's concurrent calls run one after the other (never two live reservations).
// - A record is claimed by locking its queue entry (record_progress row) FOR UPDATE SKIP
//   LOCKED in the very query that finds it: a record another server is claiming or answering
//   right now is skipped, and a row changed since the query's snapshot is re-checked against
//   the bucket's condition after the lock (PostgreSQL's re-evaluation of locked rows), so its
//   places are counted as they are. The reservation's trigger then counts the place under that
//   lock.
// - SaveResponseWithin locks the record's queue entry first; its check and the write's count
//   updates happen under that lock.
// Every lock goes with COMMIT or ROLLBACK. Hand-outs and submissions of different records
// proceed in parallel and share WAL flushes.
#pragma once

namespace quorum::postgres {

inline constexpr char kLockAnnotator[] = "SELECT pg_advisory_xact_lock($1::int4, $2::int4)";
// The record's queue entry, locked: project_id (no row for an unknown record).
inline constexpr char kLockQueueEntry[] = "SELECT project_id FROM record_progress WHERE record_id = $1 FOR UPDATE";

// Reserve's first step, one statement: releases the project's reservations that expired by $2
// and reads the caller's live reservation, the project's queue ordering and the caller's
// served counts. The statement's snapshot predates its own release, so the live reservation
// is read as one that has not expired. Columns: record_id, expires_at (NULL: none), ordering
// (NULL: fifo), served, gold_served.
// Expired reservations another transaction has locked are left to it (SKIP LOCKED): it is
// releasing or answering them.
inline constexpr char kReserveStart[] =
    "WITH expired AS (SELECT record_id, user_id FROM reservations WHERE project_id = $1 AND live = 1 "
    "AND expires_at <= $2 FOR UPDATE SKIP LOCKED), "
    "released AS (UPDATE reservations r SET live = 0 FROM expired e WHERE r.record_id = e.record_id "
    "AND r.user_id = e.user_id RETURNING 1), mine AS (SELECT record_id, expires_at FROM reservations WHERE user_id = $3 AND project_id = $1 "
    "AND live = 1 AND expires_at > $2 LIMIT 1) "
    "SELECT (SELECT record_id FROM mine), (SELECT expires_at FROM mine), "
    "(SELECT ordering FROM queue_orders WHERE project_id = $1), "
    "coalesce((SELECT served FROM annotator_progress WHERE project_id = $1 AND user_id = $3), 0), "
    "coalesce((SELECT gold_served FROM annotator_progress WHERE project_id = $1 AND user_id = $3), 0), "
    "(SELECT count(*) FROM released)";
inline constexpr char kInsertReservation[] =
    "INSERT INTO reservations (record_id, user_id, project_id, expires_at, live) VALUES ($1, $2, $3, $4, 1)";
inline constexpr char kWasHandedOut[] = "SELECT 1 FROM reservations WHERE record_id = $1 AND user_id = $2";
// Calibration: the first of the records $1 (a JSON array of ids, in order) that is in project $2
// and that user $3 never had.
inline constexpr char kFirstCalibration[] =
    "SELECT c.id FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS c(id, position) "
    "JOIN record_progress p ON p.record_id = c.id::bigint AND p.project_id = $2 "
    "WHERE NOT EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = p.record_id AND r.user_id = $3) "
    "ORDER BY c.position LIMIT 1";
inline constexpr char kFirstRecordIds[] = "SELECT id FROM records WHERE project_id = $1 ORDER BY id LIMIT $2";

// The conditions every queue walk shares, after "p.project_id = $1": eligibility (tier $2,
// the JSON array $3 of the user's specializations) and that user $4 never had the record.
#define QUORUM_PG_QUEUE_ELIGIBLE                                                                  \
  " AND p.min_tier <= $2 AND (p.specialization = '' OR p.specialization IN "                      \
  "(SELECT jsonb_array_elements_text($3::jsonb))) "                                              \
  "AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = p.record_id AND r.user_id = $4)"

// Gold: the first eligible gold record at or after the shuffle position $5, else (wrapping
// round) the first before it. Columns: record_id.
inline constexpr char kFirstGold[] =
    "(SELECT p.record_id FROM record_progress p WHERE p.project_id = $1 AND p.gold = 1" QUORUM_PG_QUEUE_ELIGIBLE
    " AND p.shuffle >= $5 ORDER BY p.shuffle LIMIT 1) UNION ALL "
    "(SELECT p.record_id FROM record_progress p WHERE p.project_id = $1 AND p.gold = 1" QUORUM_PG_QUEUE_ELIGIBLE
    " AND p.shuffle < $5 ORDER BY p.shuffle LIMIT 1) LIMIT 1";

// Every bucket of the non-gold queue at once, each bucket's first record locked (see above) (places taken = 0 .. overlap-1, overlap $5), one
// index seek per bucket: each bucket's first record by order_key at or after $8 and, when $9
// is true (random order, which wraps round), its first before $8. Discards count ($6) against
// the overlap ($7). Columns: taken, record_id, order_key, wrapped (0/1).
inline constexpr char kQueueBuckets[] =
    "SELECT t.taken, f.record_id, f.order_key, 0 FROM generate_series(0, $5::int - 1) AS t(taken) "
    "CROSS JOIN LATERAL (SELECT p.record_id, p.order_key FROM record_progress p "
    "WHERE p.project_id = $1 AND p.gold = 0" QUORUM_PG_QUEUE_ELIGIBLE
    " AND p.taken = t.taken AND ($6::int = 0 OR p.taken + p.discarded < $7::int) AND p.order_key >= $8::float8 "
    "ORDER BY p.order_key, p.record_id LIMIT 1 FOR UPDATE OF p SKIP LOCKED) f "
    "UNION ALL "
    "SELECT t.taken, b.record_id, b.order_key, 1 FROM generate_series(0, $5::int - 1) AS t(taken) "
    "CROSS JOIN LATERAL (SELECT p.record_id, p.order_key FROM record_progress p "
    "WHERE $9::boolean AND p.project_id = $1 AND p.gold = 0" QUORUM_PG_QUEUE_ELIGIBLE
    " AND p.taken = t.taken AND ($6::int = 0 OR p.taken + p.discarded < $7::int) AND p.order_key < $8::float8 "
    "ORDER BY p.order_key, p.record_id LIMIT 1 FOR UPDATE OF p SKIP LOCKED) b";
#undef QUORUM_PG_QUEUE_ELIGIBLE

// A record's places for SaveResponseWithin, read under the lock of its queue entry: taken
// (without the holds that expired by $3, which hold nothing), discarded, and the saver's own
// part: whether their reservation is live (and not expired), their response's status.
// Columns: taken, discarded, own_live, own_status.
inline constexpr char kRecordPlaces[] =
    "SELECT p.taken - (SELECT count(*) FROM reservations r WHERE r.record_id = $1 AND r.live = 1 "
    "AND r.expires_at <= $3), p.discarded, "
    "EXISTS (SELECT 1 FROM reservations WHERE record_id = $1 AND user_id = $2 AND live = 1 AND expires_at > $3), "
    "(SELECT status FROM responses WHERE record_id = $1 AND user_id = $2) "
    "FROM record_progress p WHERE p.record_id = $1";
inline constexpr char kExtendReservation[] =
    "UPDATE reservations SET expires_at = greatest(expires_at, $1) WHERE record_id = $2 AND user_id = $3 AND live = 1";

// Progress: records per (gold, submitted) of a project; an annotator's counts; live reservations.
inline constexpr char kProgressCounts[] =
    "SELECT gold, submitted, sum(records) FROM progress_counts WHERE project_id = $1 GROUP BY gold, submitted "
    "HAVING sum(records) > 0";
inline constexpr char kAnnotatorCounts[] =
    "SELECT a.user_id, a.served, a.gold_served, a.submitted, a.discarded, "
    "(SELECT count(*) FROM reservations r WHERE r.user_id = a.user_id AND r.project_id = a.project_id "
    "AND r.live = 1 AND r.expires_at > $2), "
    "a.gold_answered - a.gold_answered_before, a.gold_correct - a.gold_correct_before, a.reinstated_at "
    "FROM annotator_progress a WHERE a.project_id = $1 ORDER BY a.user_id";
inline constexpr char kAnnotatorCountsOfUser[] =
    "SELECT submitted, discarded FROM annotator_progress WHERE project_id = $1 AND user_id = $2";
inline constexpr char kCountLiveReservations[] =
    "SELECT count(*) FROM reservations WHERE project_id = $1 AND live = 1 AND expires_at > $2";
inline constexpr char kListLiveReservations[] =
    "SELECT record_id, user_id, expires_at FROM reservations WHERE project_id = $1 AND live = 1 AND expires_at > $2 "
    "ORDER BY expires_at LIMIT $3";
inline constexpr char kSetUncertainty[] =
    "UPDATE record_progress SET uncertainty = $1::float8, order_key = CASE (SELECT ordering FROM queue_orders q "
    "WHERE q.project_id = record_progress.project_id) WHEN 'uncertainty' THEN coalesce(-$1::float8, 1e300) "
    "ELSE order_key END WHERE record_id = $2";
// SetUncertainty limited to one project ($3): no change for a record of another project.
inline constexpr char kSetUncertaintyInProject[] =
    "UPDATE record_progress SET uncertainty = $1::float8, order_key = CASE (SELECT ordering FROM queue_orders q "
    "WHERE q.project_id = record_progress.project_id) WHEN 'uncertainty' THEN coalesce(-$1::float8, 1e300) "
    "ELSE order_key END WHERE record_id = $2 AND project_id = $3";

// Gold tallies (migration 5): a response's grade on its (record, user) row, an annotator's
// tally since their last reinstatement, and a reinstatement.
inline constexpr char kSetGoldGrade[] =
    "UPDATE reservations SET gold_answered = $1, gold_correct = $2 WHERE record_id = $3 AND user_id = $4";
inline constexpr char kGoldTallyOf[] =
    "SELECT gold_answered - gold_answered_before, gold_correct - gold_correct_before "
    "FROM annotator_progress WHERE project_id = $1 AND user_id = $2";
inline constexpr char kUserExists[] = "SELECT 1 FROM users WHERE id = $1";
inline constexpr char kReinstate[] =
    "INSERT INTO annotator_progress (project_id, user_id, reinstated_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (project_id, user_id) DO UPDATE SET gold_answered_before = annotator_progress.gold_answered, "
    "gold_correct_before = annotator_progress.gold_correct, reinstated_at = excluded.reinstated_at";

// The ordering a project's order keys follow (no row: fifo), and rewriting them for another.
inline constexpr char kSetQueueOrdering[] =
    "INSERT INTO queue_orders (project_id, ordering) VALUES ($1, $2) "
    "ON CONFLICT (project_id) DO UPDATE SET ordering = excluded.ordering";
inline constexpr char kRewriteOrderKeys[] =
    "UPDATE record_progress SET order_key = CASE $2::text WHEN 'priority' THEN -priority "
    "WHEN 'uncertainty' THEN coalesce(-uncertainty, 1e300) WHEN 'random' THEN shuffle ELSE record_id END "
    "WHERE project_id = $1";

}  // namespace quorum::postgres
