#include "store/review_rules.h"

#include <string>

namespace quorum {

Status CheckReviewable(int64_t project_id, const Review& review, const std::optional<ReviewedResponse>& response) {
  const std::string response_name = "response " + std::to_string(review.response_id);
  if (!response || response->project_id != project_id)
    return MakeError(ErrorCode::kNotFound, response_name + " is not in project " + std::to_string(project_id));
  if (response->status != "submitted")
    return MakeError(ErrorCode::kConflict,
                     response_name + " is " + std::string(response->status) + ": only submitted responses are reviewed");
  if (response->user_id == review.reviewer_id)
    return MakeError(ErrorCode::kForbidden, response_name + " is the reviewer's own: someone else reviews it");
  return OkStatus();
}

Error ReviewerNotFound(const Review& review) {
  return MakeError(ErrorCode::kNotFound, "user " + std::to_string(review.reviewer_id) + " not found");
}

}  // namespace quorum
