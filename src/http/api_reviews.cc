// Reviews: a reviewer's verdict on a submitted response, one at a time or in bulk.
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/api_routes.h"

namespace quorum {
namespace {

constexpr std::size_t kMaxReviews = 100000;

// Writes `reviews` (all or nothing) as the caller, now.
Status WriteReviews(RequestContext& context, std::vector<Review>& reviews) {
  for (Review& review : reviews) {
    review.reviewer_id = context.caller->user.id;
    review.reviewed_at_ms = context.clock.NowMs();
  }
  return context.store.SetReviews(context.project->id, reviews);
}

// Body: {"verdict": "accepted"|"rejected", "comment"?: string}.
HttpResponse ReviewResponse(RequestContext& context) {
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  std::vector<Problem> problems;
  std::optional<Review> review = ReviewFromJson(*body, false, "body", problems);
  if (!review)
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "the review is not valid", std::move(problems)));
  review->response_id = context.response->id;
  std::vector<Review> reviews = {*review};
  if (Status written = WriteReviews(context, reviews); !written.ok()) return ErrorResponse(written.error());
  return JsonResponse(200, {{"response_id", context.response->id}, {"review", ReviewJson(reviews.front(), true)}});
}

HttpResponse ClearResponseReview(RequestContext& context) {
  if (Status cleared = context.store.ClearReview(context.response->id); !cleared.ok())
    return ErrorResponse(cleared.error());
  return JsonResponse(200, {{"response_id", context.response->id}, {"review", nullptr}});
}

// Body: [{"response_id", "verdict", "comment"?}, ...]. Every entry is checked before any is
// written, and the reviews are written in one write: all or nothing.
HttpResponse ReviewInBulk(RequestContext& context) {
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (body->is_array() && body->size() > kMaxReviews)
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "at most " + std::to_string(kMaxReviews) +
                                                            " reviews per request; send the rest in another"));
  Result<std::vector<Review>> reviews = ReviewListFromJson(*body);
  if (!reviews.ok()) return ErrorResponse(reviews.error());
  if (Status written = WriteReviews(context, *reviews); !written.ok()) {
    Error error = std::move(written).error();
    // A response outside the project is a mistake in the list, not a missing route object.
    if (error.code == ErrorCode::kNotFound) error = MakeError(ErrorCode::kInvalid, "no review was written: " + error.message);
    else error.message = "no review was written: " + error.message;
    return ErrorResponse(error);
  }
  int64_t accepted = 0;
  for (const Review& review : *reviews) accepted += review.verdict == ReviewVerdict::kAccepted ? 1 : 0;
  return JsonResponse(200, {{"reviewed", reviews->size()},
                            {"accepted", accepted},
                            {"rejected", static_cast<int64_t>(reviews->size()) - accepted}});
}

}  // namespace

void AddReviewRoutes(std::vector<Route>& routes) {
  const Access on_response{Scope::kResponse, Role::kReviewer};
  routes.push_back({"POST", "/api/v1/responses/{id}/review", on_response,
                    "accept or reject a submitted response (replaces its review)", ReviewResponse});
  routes.push_back({"DELETE", "/api/v1/responses/{id}/review", on_response, "clear a response's review",
                    ClearResponseReview});
  routes.push_back({"POST", "/api/v1/projects/{id}/reviews", Access{Scope::kProject, Role::kReviewer},
                    "review many responses of the project (all or nothing)", ReviewInBulk});
}

}  // namespace quorum
