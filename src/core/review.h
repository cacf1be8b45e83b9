// Reviews: a reviewer's verdict on one submitted response.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

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

// Longest comment accepted, in bytes.
inline constexpr size_t kMaxReviewCommentBytes = 10000;

// Reads a review from JSON: {"verdict": "accepted"|"rejected", "comment"?: string}, and
// "response_id": int when `with_response_id` (an entry of a bulk list). For anything wrong
// appends a Problem at `location` whose subject names the field, and returns nullopt.
// reviewer_id and reviewed_at_ms are the caller's to fill.
std::optional<Review> ReviewFromJson(const nlohmann::json& json, bool with_response_id, const std::string& location,
                                     std::vector<Problem>& problems);

// Reads a bulk list, a JSON array of entries as ReviewFromJson reads them, located "[index]".
// kInvalid listing every problem (nothing is returned then), also for a response named twice.
Result<std::vector<Review>> ReviewListFromJson(const nlohmann::json& list);

}  // namespace quorum
