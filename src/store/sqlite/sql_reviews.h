// Reviews' SQL (see migration 6). Private to src/store/sqlite. Values are always bound.
#pragma once

namespace quorum::sqlite {

// What a review needs to know of its response: project_id, status, user_id.
inline constexpr char kReviewedResponse[] =
    "SELECT r.project_id, p.status, p.user_id FROM responses p JOIN records r ON r.id = p.record_id WHERE p.id = ?";
inline constexpr char kUpsertReview[] =
    "INSERT INTO reviews (response_id, verdict, comment, reviewer_id, reviewed_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (response_id) DO UPDATE SET verdict = excluded.verdict, comment = excluded.comment, "
    "reviewer_id = excluded.reviewer_id, reviewed_at = excluded.reviewed_at";
inline constexpr char kDeleteReview[] = "DELETE FROM reviews WHERE response_id = ?";
// A record's reviews: response_id, verdict, comment, reviewer_id, reviewed_at.
inline constexpr char kSelectReviewsOfRecord[] =
    "SELECT v.response_id, v.verdict, v.comment, v.reviewer_id, v.reviewed_at FROM responses p "
    "JOIN reviews v ON v.response_id = p.id WHERE p.record_id = ? ORDER BY v.response_id";

}  // namespace quorum::sqlite
