// SqliteStore: reviews of responses (migration 6).
#include <optional>
#include <string>

#include "store/review_rules.h"
#include "store/sqlite/sql_reviews.h"
#include "store/sqlite/sqlite_store.h"
#include "store/stored_values.h"

namespace quorum::sqlite {
namespace {

// Reads what CheckReviewable (review_rules.h) needs of the review's response, and applies it.
Status ReadAndCheckReviewable(Connection& connection, int64_t project_id, const Review& review) {
  QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kReviewedResponse));
  QUORUM_ASSIGN_OR_RETURN(bool found, query.BindInt(review.response_id).Step());
  std::optional<ReviewedResponse> response;
  if (found) response = ReviewedResponse{query.Int(0), query.Text(1), query.Int(2)};
  return CheckReviewable(project_id, review, response);
}

}  // namespace

Status SqliteStore::SetReviews(int64_t project_id, std::span<const Review> reviews) {
  return Write([&](Connection& connection) -> Status {
    for (const Review& review : reviews) {
      QUORUM_RETURN_IF_ERROR(ReadAndCheckReviewable(connection, project_id, review));
      QUORUM_ASSIGN_OR_RETURN(Query upsert, connection.Use(kUpsertReview));
      upsert.BindInt(review.response_id).BindText(ReviewVerdictName(review.verdict)).BindText(review.comment);
      Status written = upsert.BindInt(review.reviewer_id).BindInt(review.reviewed_at_ms).Run();
      if (!written.ok() && written.error().code == ErrorCode::kNotFound) return ReviewerNotFound(review);
      QUORUM_RETURN_IF_ERROR(written);
    }
    return OkStatus();
  });
}

Status SqliteStore::ClearReview(int64_t response_id) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query erase, connection.Use(kDeleteReview));
    return erase.BindInt(response_id).Run();
  });
}

Result<std::vector<Review>> SqliteStore::ListReviews(int64_t record_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectReviewsOfRecord));
  query.BindInt(record_id);
  std::vector<Review> reviews;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return reviews;
    Review review;
    review.response_id = query.Int(0);
    QUORUM_ASSIGN_OR_RETURN(review.verdict, ParseStoredVerdict(query.Text(1), review.response_id));
    review.comment = std::string(query.Text(2));
    review.reviewer_id = query.Int(3);
    review.reviewed_at_ms = query.Int(4);
    reviews.push_back(std::move(review));
  }
}

}  // namespace quorum::sqlite
