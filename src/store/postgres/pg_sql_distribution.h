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

// The hand-out transaction's settings, set_config rather than SET LOCAL (a SELECT can be
// prepared), all for this transaction only:
// - It commits without waiting for its WAL flush (as SQLite's Reserve is acknowledged once
//   committed): a crash in that moment forgets the hold, and the annotator asks again. The WAL
//   is flushed in order, so the next durable commit on the server (a save) makes it durable
//   first.
// - Its statements run their generic plans. kChooseAndReserve's parameters switch whole parts
//   of it on and off, so PostgreSQL's plan cache judged a plan made for each call's values
//   cheaper and planned it anew every time: 2.0 ms of planning on top of 2.4 ms of execution
//   per hand-out under the load test (pg_stat_statements), against 1.3 ms of execution and no
//   planning with the generic plan, whose parts are switched at run time (one-time filters).
// - No JIT compilation: the generic plan's estimates (a thousand buckets for an unknown
//   overlap) pass jit_above_cost, and compiling it took 42 ms at every execution.
inline constexpr char kHandOutSettings[] =
    "SELECT set_config('synchronous_commit', 'off', true), set_config('plan_cache_mode', 'force_generic_plan', true), "
    "set_config('jit', 'off', true)";
inline constexpr char kLockAnnotator[] = "SELECT pg_advisory_xact_lock($1::int4, $2::int4)";
// The record's queue entry, locked: project_id (no row for an unknown record).
inline constexpr char kLockQueueEntry[] = "SELECT project_id FROM record_progress WHERE record_id = $1 FOR UPDATE";

// Reserve's first step, one statement: releases the project's reservations that expired by $2
// and reads the caller's live reservation, the project's queue ordering and the caller's
// served counts. The statement's snapshot predates its own release, so the live reservation
// is read as one that has not expired. Columns: record_id, expires_at (NULL: none), ordering
// (NULL: fifo), served, gold_served.
// It never waits for a lock: an expired reservation whose record's queue entry or own row
// another transaction has locked is left to it (SKIP LOCKED): it is answering, claiming or
// releasing that record. The queue entry is locked before the reservation, the order
// SaveResponseWithin takes them in (the entry, then its trigger's update of the reservation):
// releasing through the reservation's trigger while another transaction held the entry made
// the two wait for each other (deadlocks in DistributorStressTest, retried until they ran out).
inline constexpr char kReserveStart[] =
    "WITH expired AS (SELECT r.record_id, r.user_id FROM record_progress p JOIN reservations r "
    "ON r.record_id = p.record_id WHERE r.project_id = $1 AND r.live = 1 AND r.expires_at <= $2 "
    "FOR UPDATE OF p, r SKIP LOCKED), "
    "released AS (UPDATE reservations r SET live = 0 FROM expired e WHERE r.record_id = e.record_id "
    "AND r.user_id = e.user_id RETURNING 1), mine AS (SELECT record_id, expires_at FROM reservations "
    "WHERE user_id = $3 AND project_id = $1 AND live = 1 AND expires_at > $2 LIMIT 1) "
    "SELECT (SELECT record_id FROM mine), (SELECT expires_at FROM mine), "
    "(SELECT ordering FROM queue_orders WHERE project_id = $1), "
    "coalesce((SELECT served FROM annotator_progress WHERE project_id = $1 AND user_id = $3), 0), "
    "coalesce((SELECT gold_served FROM annotator_progress WHERE project_id = $1 AND user_id = $3), 0), "
    "(SELECT count(*) FROM released)";
inline constexpr char kWasHandedOut[] = "SELECT 1 FROM reservations WHERE record_id = $1 AND user_id = $2";

// The conditions every queue walk shares, after "p.project_id = $1": eligibility (tier $2,
// the JSON array $3 of the user's specializations) and that user $4 never had the record.
// That last test is one primary-key probe per candidate: OFFSET 0 keeps PostgreSQL from
// turning it into an anti-join, which the generic plan ran as a sequential scan of every
// reservation (0.6 ms at 10,000 hand-outs, and growing with each).
#define QUORUM_PG_QUEUE_ELIGIBLE                                                                  \
  " AND p.min_tier <= $2 AND (p.specialization = '' OR p.specialization IN "                      \
  "(SELECT jsonb_array_elements_text($3::jsonb))) "                                              \
  "AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = p.record_id AND r.user_id = $4 OFFSET 0)"
// One bucket of the non-gold queue (places taken = t.taken): its first record by order_key
// (then id) on one side of $11, locked (see above). `side` is ">=" or "<".
#define QUORUM_PG_QUEUE_BUCKET(side)                                                              \
  "FROM generate_series(0, $9::int - 1) AS t(taken) CROSS JOIN LATERAL (SELECT p.record_id, p.order_key " \
  "FROM record_progress p WHERE p.project_id = $1 AND p.gold = 0" QUORUM_PG_QUEUE_ELIGIBLE           \
  " AND p.taken = t.taken AND ($10::int = 0 OR p.taken + p.discarded < $9::int) AND p.order_key " side \
  " $11::float8 ORDER BY p.order_key, p.record_id LIMIT 1 FOR UPDATE OF p SKIP LOCKED) f "

// Reserve's choice and hand-out, one statement: the record to hand out, in this order, and its
// reservation (expiring at $15) inserted; returns its record_id (no row: nothing for the user).
// 1. Calibration: the first of the records $5 (a JSON array of ids, in order), then of the
//    project's first $6 records by id, that is in the project and the user never had.
// 2. Gold, when $7 (due: decided by the caller from Start's counts): the first eligible gold
//    record at or after the shuffle position $8, else (wrapping round) the first before it.
// 3. The open queue: every bucket of places taken below the overlap $9 at once, one index seek
//    each, its first record locked; discards count ($10) against the overlap. The best is the
//    smallest rank, then id; with $13 (finish started first), a started bucket's best goes
//    before the untouched bucket's. Order keys at or after $11 rank as order_key - $14; when
//    $12 (random order, which wraps round) the keys before $11 follow, ranked past the end of
//    the 2^32 permutation.
// Each later source is a one-time filter on the earlier ones finding nothing: the queue's
// rows are only locked when neither calibration nor gold applies. The calibration ids are
// looked up one by one (LATERAL ... LIMIT 1), and not at all without calibration: joined, the
// planner hashed the project's whole queue (20,000 index entries read for an empty list) or
// every reservation (a sequential scan of the table, slower with every hand-out).
inline constexpr char kChooseAndReserve[] =
    "WITH calibration AS (SELECT c.record_id FROM ("
    "SELECT e.id::bigint AS record_id, 0 AS part, e.position FROM jsonb_array_elements_text($5::jsonb) "
    "WITH ORDINALITY AS e(id, position) "
    "UNION ALL SELECT k.id, 1, k.id FROM (SELECT id FROM records WHERE project_id = $1 ORDER BY id LIMIT $6::int) k"
    ") c CROSS JOIN LATERAL (SELECT 1 FROM record_progress p WHERE p.record_id = c.record_id AND p.project_id = $1 "
    "AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = p.record_id AND r.user_id = $4 OFFSET 0) LIMIT 1) p "
    "WHERE jsonb_array_length($5::jsonb) > 0 OR $6::int > 0 ORDER BY c.part, c.position LIMIT 1), "
    "gold AS (SELECT g.record_id FROM ("
    "(SELECT p.record_id FROM record_progress p WHERE p.project_id = $1 AND p.gold = 1" QUORUM_PG_QUEUE_ELIGIBLE
    " AND p.shuffle >= $8 ORDER BY p.shuffle LIMIT 1) UNION ALL "
    "(SELECT p.record_id FROM record_progress p WHERE p.project_id = $1 AND p.gold = 1" QUORUM_PG_QUEUE_ELIGIBLE
    " AND p.shuffle < $8 ORDER BY p.shuffle LIMIT 1)) g "
    "WHERE $7::boolean AND NOT EXISTS (SELECT 1 FROM calibration) LIMIT 1), "
    "open AS (SELECT f.record_id, $13::boolean AND t.taken > 0 AS started, f.order_key - $14::float8 AS rank "
    QUORUM_PG_QUEUE_BUCKET(">=")
    "WHERE NOT EXISTS (SELECT 1 FROM calibration) AND NOT EXISTS (SELECT 1 FROM gold) "
    "UNION ALL SELECT f.record_id, $13::boolean AND t.taken > 0, f.order_key + 4294967296 - $14::float8 "
    QUORUM_PG_QUEUE_BUCKET("<")
    "WHERE $12::boolean AND NOT EXISTS (SELECT 1 FROM calibration) AND NOT EXISTS (SELECT 1 FROM gold)), "
    "chosen AS (SELECT record_id, 0 AS source, false AS started, 0::float8 AS rank FROM calibration "
    "UNION ALL SELECT record_id, 1, false, 0 FROM gold UNION ALL SELECT record_id, 2, started, rank FROM open "
    "ORDER BY source, started DESC, rank, record_id LIMIT 1) "
    "INSERT INTO reservations (record_id, user_id, project_id, expires_at, live) "
    "SELECT record_id, $4, $1, $15, 1 FROM chosen RETURNING record_id";
#undef QUORUM_PG_QUEUE_BUCKET

// When kChooseAndReserve found nothing, whether that was only because the records left were
// locked (SKIP LOCKED passed them: a save or another hand-out of each was in flight): the
// first non-gold record with room (taken below the overlap $5, discards counting when $6)
// that user $4 may have and never had, locked, waiting for its holder. A row changed by the
// holder is checked again after the wait. lock_timeout bounds the wait (kWaitSettings).
inline constexpr char kWaitForOpenRecord[] =
    "SELECT p.record_id FROM record_progress p WHERE p.project_id = $1 AND p.gold = 0" QUORUM_PG_QUEUE_ELIGIBLE
    " AND p.taken < $5::int AND ($6::int = 0 OR p.taken + p.discarded < $5::int) LIMIT 1 FOR UPDATE OF p";
inline constexpr char kWaitSettings[] = "SELECT set_config('lock_timeout', '1000', true)";
#undef QUORUM_PG_QUEUE_ELIGIBLE

// A save's first step under the lock of the record's queue entry: ends the record's holds that
// expired by $2. The save's check then counts places as they are, and the hold stays ended for
// every later transaction, including one whose clock reads earlier (callers read their clocks
// before they queue for the lock). Counted again by such a save, an expired hold whose place
// had gone to another answer over-filled the record, and the holder of a live reservation was
// refused.
inline constexpr char kReleaseExpiredOfRecord[] =
    "UPDATE reservations SET live = 0 WHERE record_id = $1 AND live = 1 AND expires_at <= $2";
// A record's places for SaveResponseWithin, read under the lock of its queue entry after
// kReleaseExpiredOfRecord: taken, discarded, and the saver's own part: whether their
// reservation is live, their response's status. Columns: taken, discarded, own_live, own_status.
inline constexpr char kRecordPlaces[] =
    "SELECT p.taken, p.discarded, "
    "EXISTS (SELECT 1 FROM reservations WHERE record_id = $1 AND user_id = $2 AND live = 1), "
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
