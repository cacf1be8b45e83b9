// The distribution engine's SQL (see migration 3): reservations and the record queue.
// Private to src/store/sqlite. Values are always bound.
#pragma once

namespace quorum::sqlite {

// Releases the project's reservations that expired by ?2.
inline constexpr char kReleaseExpired[] =
    "UPDATE reservations SET live = 0 WHERE project_id = ? AND live = 1 AND expires_at <= ?";
// The user's live reservation in a project: record_id, expires_at.
inline constexpr char kLiveReservationOfUser[] =
    "SELECT record_id, expires_at FROM reservations WHERE user_id = ? AND project_id = ? AND live = 1 LIMIT 1";
inline constexpr char kInsertReservation[] =
    "INSERT INTO reservations (record_id, user_id, project_id, expires_at, live) VALUES (?, ?, ?, ?, 1)";
inline constexpr char kWasHandedOut[] = "SELECT 1 FROM reservations WHERE record_id = ? AND user_id = ?";
inline constexpr char kServedCounts[] =
    "SELECT served, gold_served FROM annotator_progress WHERE project_id = ? AND user_id = ?";
// A calibration candidate: the record is in the project and the user never had it.
inline constexpr char kCalibrationCandidate[] =
    "SELECT 1 FROM record_progress p WHERE p.record_id = ? AND p.project_id = ? "
    "AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = p.record_id AND r.user_id = ?)";
inline constexpr char kFirstRecordIds[] = "SELECT id FROM records WHERE project_id = ? ORDER BY id LIMIT ?";

// The conditions every queue walk shares, after "p.project_id = ?": eligibility (tier, the
// JSON array of the user's specializations) and that the user never had the record.
#define QUORUM_QUEUE_ELIGIBLE                                                                    \
  " AND p.min_tier <= ? AND (p.specialization = '' OR EXISTS "                                   \
  "(SELECT 1 FROM json_each(?) s WHERE s.value = p.specialization)) "                            \
  "AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = p.record_id AND r.user_id = ?)"

// Gold: the first eligible gold record at or after the shuffle position ?5 (then, wrapping
// round, before it), in shuffle order. Two statements, not one with a CASE, so that each is a
// range seek in the index. Parameters: project, tier, specializations, user, position.
inline constexpr char kFirstGoldFrom[] =
    "SELECT p.record_id, p.shuffle FROM record_progress p WHERE p.project_id = ? AND p.gold = 1" QUORUM_QUEUE_ELIGIBLE
    " AND p.shuffle >= ?5 ORDER BY p.shuffle LIMIT 1";
inline constexpr char kFirstGoldBefore[] =
    "SELECT p.record_id, p.shuffle FROM record_progress p WHERE p.project_id = ? AND p.gold = 1" QUORUM_QUEUE_ELIGIBLE
    " AND p.shuffle < ?5 ORDER BY p.shuffle LIMIT 1";

// One bucket of the non-gold queue (records with exactly ?5 places taken): its first record by
// order_key at or after ?8 (the annotator's entry point for random, -inf otherwise), then (for
// random, wrapping round) before it. Parameters: project, tier, specializations, user, taken,
// discards_count (0/1), overlap, position. Columns: record_id, order_key.
inline constexpr char kBucketFrom[] =
    "SELECT p.record_id, p.order_key FROM record_progress p WHERE p.project_id = ? AND p.gold = 0" QUORUM_QUEUE_ELIGIBLE
    " AND p.taken = ?5 AND (?6 = 0 OR p.taken + p.discarded < ?7)"
    " AND p.order_key >= ?8 ORDER BY p.order_key, p.record_id LIMIT 1";
inline constexpr char kBucketBefore[] =
    "SELECT p.record_id, p.order_key FROM record_progress p WHERE p.project_id = ? AND p.gold = 0" QUORUM_QUEUE_ELIGIBLE
    " AND p.taken = ?5 AND (?6 = 0 OR p.taken + p.discarded < ?7)"
    " AND p.order_key < ?8 ORDER BY p.order_key, p.record_id LIMIT 1";
#undef QUORUM_QUEUE_ELIGIBLE

// A record's places for SaveResponseWithin: taken, discarded, and the saver's own part of them
// (their live reservation, their response's status).
inline constexpr char kProjectOfRecordProgress[] = "SELECT project_id FROM record_progress WHERE record_id = ?";
inline constexpr char kRecordPlaces[] = "SELECT taken, discarded FROM record_progress WHERE record_id = ?";
inline constexpr char kOwnPlace[] =
    "SELECT (SELECT live FROM reservations WHERE record_id = ?1 AND user_id = ?2), "
    "(SELECT status FROM responses WHERE record_id = ?1 AND user_id = ?2)";
inline constexpr char kExtendReservation[] =
    "UPDATE reservations SET expires_at = max(expires_at, ?) WHERE record_id = ? AND user_id = ? AND live = 1";

// Progress: records per (gold, submitted) of a project; an annotator's counts; live reservations.
inline constexpr char kProgressCounts[] =
    "SELECT gold, submitted, records FROM progress_counts WHERE project_id = ? AND records > 0";
inline constexpr char kAnnotatorCounts[] =
    "SELECT a.user_id, a.served, a.gold_served, a.submitted, a.discarded, "
    "(SELECT count(*) FROM reservations r WHERE r.user_id = a.user_id AND r.project_id = a.project_id "
    "AND r.live = 1 AND r.expires_at > ?2), "
    "a.gold_answered - a.gold_answered_before, a.gold_correct - a.gold_correct_before, a.reinstated_at "
    "FROM annotator_progress a WHERE a.project_id = ?1 ORDER BY a.user_id";
inline constexpr char kAnnotatorCountsOfUser[] =
    "SELECT submitted, discarded FROM annotator_progress WHERE project_id = ? AND user_id = ?";
inline constexpr char kCountLiveReservations[] =
    "SELECT count(*) FROM reservations WHERE project_id = ? AND live = 1 AND expires_at > ?";
inline constexpr char kListLiveReservations[] =
    "SELECT record_id, user_id, expires_at FROM reservations WHERE project_id = ? AND live = 1 AND expires_at > ? "
    "ORDER BY expires_at LIMIT ?";
inline constexpr char kSetUncertainty[] =
    "UPDATE record_progress SET uncertainty = ?1, order_key = CASE (SELECT ordering FROM queue_orders q "
    "WHERE q.project_id = record_progress.project_id) WHEN 'uncertainty' THEN coalesce(-?1, 1e300) ELSE order_key END "
    "WHERE record_id = ?2";

// SetUncertainty limited to one project (?3): no change for a record of another project.
inline constexpr char kSetUncertaintyInProject[] =
    "UPDATE record_progress SET uncertainty = ?1, order_key = CASE (SELECT ordering FROM queue_orders q "
    "WHERE q.project_id = record_progress.project_id) WHEN 'uncertainty' THEN coalesce(-?1, 1e300) ELSE order_key END "
    "WHERE record_id = ?2 AND project_id = ?3";

// Gold tallies (migration 4): a response's grade on its (record, user) row, an annotator's
// tally since their last reinstatement, and a reinstatement.
inline constexpr char kSetGoldGrade[] =
    "UPDATE reservations SET gold_answered = ?, gold_correct = ? WHERE record_id = ? AND user_id = ?";
inline constexpr char kGoldTallyOf[] =
    "SELECT gold_answered - gold_answered_before, gold_correct - gold_correct_before "
    "FROM annotator_progress WHERE project_id = ? AND user_id = ?";
inline constexpr char kUserExists[] = "SELECT 1 FROM users WHERE id = ?";
inline constexpr char kReinstate[] =
    "INSERT INTO annotator_progress (project_id, user_id, reinstated_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (project_id, user_id) DO UPDATE SET gold_answered_before = gold_answered, "
    "gold_correct_before = gold_correct, reinstated_at = excluded.reinstated_at";

// The ordering a project's order keys follow (no row: fifo), and rewriting them for another.
inline constexpr char kQueueOrdering[] = "SELECT ordering FROM queue_orders WHERE project_id = ?";
inline constexpr char kSetQueueOrdering[] =
    "INSERT INTO queue_orders (project_id, ordering) VALUES (?, ?) "
    "ON CONFLICT (project_id) DO UPDATE SET ordering = excluded.ordering";
inline constexpr char kRewriteOrderKeys[] =
    "UPDATE record_progress SET order_key = CASE ?2 WHEN 'priority' THEN -priority "
    "WHEN 'uncertainty' THEN coalesce(-uncertainty, 1e300) WHEN 'random' THEN shuffle ELSE record_id END "
    "WHERE project_id = ?1";

}  // namespace quorum::sqlite
