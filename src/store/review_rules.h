// The rules of reviews that both stores apply (SetReviews): which responses can be reviewed,
// and the error for a reviewer who is not a user. Pure functions; the stores read the figures,
// these decide.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.h"
#include "core/review.h"

namespace quorum {

// What a review needs to know of the response it judges, as a store reads it.
struct ReviewedResponse {
  int64_t project_id = 0;
  std::string_view status;  // the stored status name
  int64_t user_id = 0;      // the response's author
};

// OK when `response` (nullopt: there is no such response) is a submitted response of
// `project_id` by someone other than `review`'s reviewer. Else why it cannot be reviewed:
// kNotFound (not in the project), kConflict (not submitted), kForbidden (the reviewer's own).
Status CheckReviewable(int64_t project_id, const Review& review, const std::optional<ReviewedResponse>& response);

// The error of a review whose reviewer is not a user (the reviews table's reference refused it).
Error ReviewerNotFound(const Review& review);

}  // namespace quorum
