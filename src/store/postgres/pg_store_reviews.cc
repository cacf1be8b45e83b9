// PgStore: reviews of responses (migration 6).
#include <optional>
#include <string>

#include "store/postgres/pg_sql_reviews.h"
#include "store/postgres/pg_store.h"
#include "store/review_rules.h"
#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

// Reads (and locks) what CheckReviewable (review_rules.h) needs of the review's response, and applies it.
Status ReadAndCheckReviewable(PgConnection& connection, int64_t project_id, const Review& review) {
  QUORUM_ASSIGN_OR_RETURN(PgResult found, connection.Exec(kReviewedResponse, Params().Int(review.response_id)));
  std::optional<ReviewedResponse> response;
  if (!found.empty()) response = ReviewedResponse{found.Int(0, 0), found.Text(0, 1), found.Int(0, 2)};
  return CheckReviewable(project_id, review, response);
}

}  // namespace

Status PgStore::SetReviews(int64_t project_id, std::span<const Review> reviews) {
  return InTransaction([&](PgConnection& connection) -> Status {
    for (const Review& review : reviews) {
      QUORUM_RETURN_IF_ERROR(ReadAndCheckReviewable(connection, project_id, review));
      Result<PgResult> written = connection.Exec(kUpsertReview, Params()
                                                                    .Int(review.response_id)
                                                                    .Text(ReviewVerdictName(review.verdict))
                                                                    .Text(review.comment)
                                                                    .Int(review.reviewer_id)
                                                                    .Int(review.reviewed_at_ms));
      if (!written.ok() && written.error().code == ErrorCode::kNotFound) return ReviewerNotFound(review);
      if (!written.ok()) return std::move(written).error();
    }
    return OkStatus();
  });
}

Status PgStore::ClearReview(int64_t response_id) {
  QUORUM_RETURN_IF_ERROR(Exec(kDeleteReview, Params().Int(response_id)));
  return OkStatus();
}

Result<std::vector<Review>> PgStore::ListReviews(int64_t record_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectReviewsOfRecord, Params().Int(record_id)));
  std::vector<Review> reviews;
  for (int row = 0; row < result.rows(); ++row) {
    Review review;
    review.response_id = result.Int(row, 0);
    QUORUM_ASSIGN_OR_RETURN(review.verdict, ParseStoredVerdict(result.Text(row, 1), review.response_id));
    review.comment = std::string(result.Text(row, 2));
    review.reviewer_id = result.Int(row, 3);
    review.reviewed_at_ms = result.Int(row, 4);
    reviews.push_back(std::move(review));
  }
  return reviews;
}

}  // namespace quorum::postgres
