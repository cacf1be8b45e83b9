#include "core/review.h"

#include <unordered_set>

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

std::optional<Review> ReviewFromJson(const nlohmann::json& json, bool with_response_id, const std::string& location,
                                     std::vector<Problem>& problems) {
  const char* expected = with_response_id ? R"(expected {"response_id": int, "verdict": "accepted" or "rejected", "comment"?})"
                                          : R"(expected {"verdict": "accepted" or "rejected", "comment"?})";
  if (!json.is_object()) {
    problems.push_back({location, "", expected});
    return std::nullopt;
  }
  const size_t before = problems.size();
  Review review;
  for (const auto& [key, value] : json.items()) {
    if (key == "response_id" && with_response_id) {
      if (!value.is_number_integer() || value.get<int64_t>() <= 0)
        problems.push_back({location, "response_id", "expected a response id (a positive integer)"});
      else
        review.response_id = value.get<int64_t>();
    } else if (key == "verdict") {
      std::optional<ReviewVerdict> verdict =
          value.is_string() ? ParseReviewVerdict(value.get<std::string>()) : std::nullopt;
      if (!verdict)
        problems.push_back({location, "verdict", "expected \"accepted\" or \"rejected\", got " + value.dump()});
      else
        review.verdict = *verdict;
    } else if (key == "comment") {
      if (value.is_null()) continue;
      if (!value.is_string())
        problems.push_back({location, "comment", "expected a string"});
      else if (value.get_ref<const std::string&>().size() > kMaxReviewCommentBytes)
        problems.push_back({location, "comment", "longer than " + std::to_string(kMaxReviewCommentBytes) + " bytes"});
      else
        review.comment = value.get<std::string>();
    } else {
      problems.push_back({location, key, std::string("unknown key; ") + expected});
    }
  }
  if (!json.contains("verdict")) problems.push_back({location, "verdict", "missing (\"accepted\" or \"rejected\")"});
  if (with_response_id && !json.contains("response_id")) problems.push_back({location, "response_id", "missing"});
  if (problems.size() != before) return std::nullopt;
  return review;
}

Result<std::vector<Review>> ReviewListFromJson(const nlohmann::json& list) {
  if (!list.is_array())
    return MakeError(ErrorCode::kInvalid, R"(send a JSON array of {"response_id", "verdict", "comment"?})");
  std::vector<Review> reviews;
  std::vector<Problem> problems;
  std::unordered_set<int64_t> seen;
  for (size_t index = 0; index < list.size(); ++index) {
    const std::string location = "[" + std::to_string(index) + "]";
    std::optional<Review> review = ReviewFromJson(list[index], true, location, problems);
    if (!review) continue;
    if (!seen.insert(review->response_id).second) {
      problems.push_back({location, "response_id", "response " + std::to_string(review->response_id) +
                                                       " is named twice; give each response one verdict"});
      continue;
    }
    reviews.push_back(std::move(*review));
  }
  if (!problems.empty())
    return RefusedWhole("no review was written", std::move(problems));
  return reviews;
}

}  // namespace quorum
