// PgStore: reviews of responses (migration 6).
#include <string>

#include "store/postgres/pg_sql_reviews.h"
#include "store/postgres/pg_store.h"
#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

// OK when the response is a submitted one of the project by someone else than the reviewer (and
// locks it); else why it cannot be reviewed.
Status CheckReviewable(PgConnection& connection, int64_t project_id, const Review& review) {
  const int64_t response_id = review.response_id;
  QUORUM_ASSIGN_OR_RETURN(PgResult response, connection.Exec(kReviewedResponse, Params().Int(response_id)));
  if (response.empty() || response.Int(0, 0) != project_id)
    return MakeError(ErrorCode::kNotFound, "response " + std::to_string(response_id) + " is not in project " +
                                               std::to_string(project_id));
  if (response.Text(0, 1) != "submitted")
    return MakeError(ErrorCode::kConflict, "response " + std::to_string(response_id) + " is " +
                                               std::string(response.Text(0, 1)) + ": only submitted responses are reviewed");
  if (response.Int(0, 2) == review.reviewer_id)
    return MakeError(ErrorCode::kForbidden, "response " + std::to_string(response_id) +
                                                " is the reviewer's own: someone else reviews it");
  return OkStatus();
}

}  // namespace

Status PgStore::SetReviews(int64_t project_id, std::span<const Review> reviews) {
  return InTransaction([&](PgConnection& connection) -> Status {
    for (const Review& review : reviews) {
      QUORUM_RETURN_IF_ERROR(CheckReviewable(connection, project_id, review));
      Result<PgResult> written = connection.Exec(kUpsertReview, Params()
                                                                    .Int(review.response_id)
                                                                    .Text(ReviewVerdictName(review.verdict))
                                                                    .Text(review.comment)
                                                                    .Int(review.reviewer_id)
                                                                    .Int(review.reviewed_at_ms));
      if (!written.ok() && written.error().code == ErrorCode::kNotFound)
        return MakeError(ErrorCode::kNotFound, "user " + std::to_string(review.reviewer_id) + " not found");
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
