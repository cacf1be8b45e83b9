#include "core/review.h"

namespace quorum {

const char* ReviewVerdictName(ReviewVerdict verdict) {
  switch (verdict) {
    case ReviewVerdict::kAccepted: return "accepted";
    case ReviewVerdict::kRejected: return "rejected";
  }
  return "rejected";
}

std::optional<ReviewVerdict> ParseReviewVerdict(std::string_view name) {
  for (ReviewVerdict verdict : {ReviewVerdict::kAccepted, ReviewVerdict::kRejected})
    if (name == ReviewVerdictName(verdict)) return verdict;
  return std::nullopt;
}

}  // namespace quorum
