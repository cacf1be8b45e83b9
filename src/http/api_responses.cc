// Responses: an annotator's answers to a record, and their revisions.
#include <optional>

#include "core/validation.h"
#include "dist/distributor.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/api_routes.h"
#include "http/visibility.h"

namespace quorum {
namespace {

// Reads {"values"?, "status"?, "time_spent_ms"?} into `response`.
Status ApplyBody(const nlohmann::json& body, Response& response) {
  if (!body.is_object()) return MakeError(ErrorCode::kInvalid, "send a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (key == "values") {
      if (!value.is_object()) return MakeError(ErrorCode::kInvalid, "values must be an object of question -> answer");
      response.values = value;
    } else if (key == "status") {
      std::optional<ResponseStatus> status = value.is_string() ? ParseResponseStatus(value.get<std::string>()) : std::nullopt;
      if (!status) return MakeError(ErrorCode::kInvalid, "status must be draft, submitted or discarded");
      response.status = *status;
    } else if (key == "time_spent_ms") {
      if (!value.is_number_integer() || value.get<int64_t>() < 0)
        return MakeError(ErrorCode::kInvalid, "time_spent_ms must be a non-negative integer");
      response.time_spent_ms = value.get<int64_t>();
    } else {
      return MakeError(ErrorCode::kInvalid, "unknown key '" + key + "' (send values, status, time_spent_ms)");
    }
  }
  return OkStatus();
}

// The answer when the caller may not see the record (404, or the check's own error); nothing
// when they may.
std::optional<HttpResponse> Invisible(RequestContext& context) {
  Result<bool> visible = MaySeeRecord(context, *context.record);
  if (!visible.ok()) return ErrorResponse(visible.error());
  if (!*visible) return ErrorResponse(MakeError(ErrorCode::kNotFound, "not found"));
  return std::nullopt;
}

// `error`, unless the caller may not see the record: then 404, so that an annotator learns
// nothing about a record not given to them, not even that their answer to it is malformed.
HttpResponse RefusedOnRecord(RequestContext& context, Error error) {
  if (std::optional<HttpResponse> refused = Invisible(context)) return std::move(*refused);
  return ErrorResponse(std::move(error));
}

// Saves `response` through the distribution engine. With `visible_only` (an annotator's new
// answer), the record must be one they may see (MaySeeRecord): the save checks in its own write
// that the record was handed to them, and only otherwise is the whole rule asked (which hands
// the record out when it is their next), then the save made again.
HttpResponse Save(RequestContext& context, Response response, int success_status, bool visible_only) {
  std::vector<Problem> problems = ValidateResponseValues(context.project->schema, response.values, response.status,
                                                         context.record->fields, "record " + std::to_string(context.record->id));
  if (!problems.empty()) {
    Error invalid = MakeError(ErrorCode::kInvalid, "the response is not valid", std::move(problems));
    return visible_only ? RefusedOnRecord(context, std::move(invalid)) : ErrorResponse(std::move(invalid));
  }
  response.guideline_version = context.project->guideline_version;
  // The engine refuses a submission that would over-fill the record (a late one, after the
  // lease ran out and others filled it) and lets a draft renew the lease.
  Distributor distributor(context.store, context.clock);
  const int64_t actor = context.caller->user.id;
  Result<Response> saved = distributor.Save(*context.project, *context.record, response, actor, visible_only);
  if (!saved.ok() && visible_only && saved.error().code == ErrorCode::kNotFound) {
    if (std::optional<HttpResponse> refused = Invisible(context)) return std::move(*refused);
    saved = distributor.Save(*context.project, *context.record, response, actor, /*handed_out_only=*/false);
  }
  if (!saved.ok()) return ErrorResponse(saved.error());
  return JsonResponse(success_status, ResponseJson(*saved));
}

// One read before the save: the caller's own response (a second answer is refused, and
// pointed at its PATCH). Whether an annotator may answer the record is checked by the save.
HttpResponse CreateResponse(RequestContext& context) {
  const bool visible_only = !RoleAtLeast(*context.role, Role::kReviewer);
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return visible_only ? RefusedOnRecord(context, body.error()) : ErrorResponse(body.error());
  Response response;
  response.record_id = context.record->id;
  response.user_id = context.caller->user.id;
  response.status = ResponseStatus::kSubmitted;
  Status applied = ApplyBody(*body, response);
  if (!applied.ok()) return visible_only ? RefusedOnRecord(context, applied.error()) : ErrorResponse(applied.error());
  Result<std::optional<Response>> existing = context.store.FindResponse(context.record->id, context.caller->user.id);
  if (!existing.ok()) return ErrorResponse(existing.error());
  // Their own response makes the record theirs to see.
  if (*existing)
    return ErrorResponse(MakeError(ErrorCode::kConflict, "you already answered this record: PATCH /api/v1/responses/" +
                                                             std::to_string((*existing)->id) + " to change it"));
  return Save(context, std::move(response), 201, visible_only);
}

HttpResponse ListRecordResponses(RequestContext& context) {
  Result<std::vector<Response>> responses = context.store.ListResponses(context.record->id);
  if (!responses.ok()) return ErrorResponse(responses.error());
  Result<std::vector<Review>> reviews = context.store.ListReviews(context.record->id);
  if (!reviews.ok()) return ErrorResponse(reviews.error());
  const bool sees_all = RoleAtLeast(*context.role, Role::kReviewer);
  nlohmann::json list = nlohmann::json::array();
  for (const Response& response : *responses)
    if (sees_all || response.user_id == context.caller->user.id)
      list.push_back(ReviewedResponseJson(response, *reviews, sees_all));
  return JsonResponse(200, {{"responses", list}});
}

// Annotators reach only their own responses; reviewers and up reach all.
bool MayReach(const RequestContext& context) {
  return context.response->user_id == context.caller->user.id || RoleAtLeast(*context.role, Role::kReviewer);
}

HttpResponse GetResponse(RequestContext& context) {
  if (!MayReach(context)) return ErrorResponse(MakeError(ErrorCode::kNotFound, "not found"));
  Result<std::vector<Revision>> revisions = context.store.ListRevisions(context.response->id);
  if (!revisions.ok()) return ErrorResponse(revisions.error());
  Result<std::vector<Review>> reviews = context.store.ListReviews(context.record->id);
  if (!reviews.ok()) return ErrorResponse(reviews.error());
  nlohmann::json json = ReviewedResponseJson(*context.response, *reviews, RoleAtLeast(*context.role, Role::kReviewer));
  json["revisions"] = nlohmann::json::array();
  for (const Revision& revision : *revisions)
    json["revisions"].push_back({{"user_id", revision.user_id},
                                 {"at", FormatTimestamp(revision.at_ms)},
                                 {"status", ResponseStatusName(revision.status)},
                                 {"values", revision.values}});
  return JsonResponse(200, json);
}

HttpResponse PatchResponse(RequestContext& context) {
  const bool own = context.response->user_id == context.caller->user.id;
  if (!own && !MayReach(context)) return ErrorResponse(MakeError(ErrorCode::kNotFound, "not found"));
  if (!own && !RoleAtLeast(*context.role, Role::kManager))
    return ErrorResponse(MakeError(ErrorCode::kForbidden, "only the author or a manager can change a response"));
  if (context.response->status == ResponseStatus::kSubmitted && !RoleAtLeast(*context.role, Role::kManager) &&
      !AllowsEditSubmitted(*context.project))
    return ErrorResponse(MakeError(ErrorCode::kForbidden,
                                   "this project does not let annotators change a submitted response "
                                   "(setting allow_edit_submitted is false)"));
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  Response response = *context.response;
  Status applied = ApplyBody(*body, response);
  if (!applied.ok()) return ErrorResponse(applied.error());
  return Save(context, std::move(response), 200, /*visible_only=*/false);
}

}  // namespace

void AddResponseRoutes(std::vector<Route>& routes) {
  const Access on_record{Scope::kRecord, Role::kAnnotator};
  const Access on_response{Scope::kResponse, Role::kAnnotator};
  routes.push_back(Quick({"GET", "/api/v1/records/{id}/responses", on_record,
                          "responses to a record (annotators: their own only)", ListRecordResponses}));
  routes.push_back({"POST", "/api/v1/records/{id}/responses", on_record, "answer a record", CreateResponse});
  routes.push_back(Quick({"GET", "/api/v1/responses/{id}", on_response, "a response with its revisions", GetResponse}));
  routes.push_back({"PATCH", "/api/v1/responses/{id}", on_response, "change a response (a new revision)", PatchResponse});
}

}  // namespace quorum
