// Reviews: a reviewer's verdict on one submitted response.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quorum {

enum class ReviewVerdict { kAccepted, kRejected };

// "accepted", "rejected"; ParseReviewVerdict returns nullopt otherwise.
const char* ReviewVerdictName(ReviewVerdict verdict);
std::optional<ReviewVerdict> ParseReviewVerdict(std::string_view name);

// The current review of a response. A response has at most one: a new review replaces it, and
// it goes when the response's answers or status change (it judged what the response was).
struct Review {
  int64_t response_id = 0;
  ReviewVerdict verdict = ReviewVerdict::kAccepted;
  std::string comment;  // empty when none was given
  int64_t reviewer_id = 0;
  int64_t reviewed_at_ms = 0;
};

}  // namespace quorum
