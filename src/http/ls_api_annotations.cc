// Label Studio annotations (Quorum responses). An annotator has one response per record in
// Quorum, so a second annotation by the same user to the same task is refused (409) instead of
// added: PATCH the first.
#include <cmath>

#include "core/validation.h"
#include "dist/distributor.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/ls_api.h"
#include "http/visibility.h"
#include "io/labelstudio_result.h"
#include "io/labelstudio_task_writer.h"

namespace quorum {
namespace {

using nlohmann::json;

// The annotation (or draft) `response` as Label Studio shows it.
Result<json> AnnotationJson(RequestContext& context, const LabelConfig& config, const Record& record, const Response& response) {
  QUORUM_ASSIGN_OR_RETURN(User author, context.store.GetUser(response.user_id));
  Record shown = record;
  if (!RoleAtLeast(*context.role, Role::kReviewer)) shown.gold = json::object();
  std::vector<LabelStudioResponse> one = {LabelStudioResponse{response, author.email}};
  json task = LabelStudioTaskJson(config, shown, {}, one, record.id);
  json annotation = response.status == ResponseStatus::kDraft ? task["drafts"][0] : task["annotations"][0];
  annotation["task"] = record.id;
  annotation["created_username"] = author.email;
  return annotation;
}

// Reads {"result", "was_cancelled", "lead_time"} into `response`; other keys (completed_by,
// ground_truth, draft_created_at, ...) are Label Studio's to derive and are ignored.
Status ApplyAnnotation(const LabelConfig& config, const json& body, Response& response) {
  if (!body.is_object()) return MakeError(ErrorCode::kInvalid, "send a JSON object with \"result\"");
  std::vector<Problem> problems;
  if (auto result = body.find("result"); result != body.end() && !result->is_null())
    response.values = ResultToValues(config, *result, "body", "result", problems);
  if (auto cancelled = body.find("was_cancelled"); cancelled != body.end() && cancelled->is_boolean())
    response.status = cancelled->get<bool>() ? ResponseStatus::kDiscarded : ResponseStatus::kSubmitted;
  if (auto lead = body.find("lead_time"); lead != body.end() && !lead->is_null()) {
    if (lead->is_number() && std::isfinite(lead->get<double>()) && lead->get<double>() >= 0)
      response.time_spent_ms = std::llround(lead->get<double>() * 1000);
    else
      problems.push_back({"body", "lead_time", "expected a non-negative number of seconds"});
  }
  if (!problems.empty()) return MakeError(ErrorCode::kInvalid, "the annotation is not valid", std::move(problems));
  return OkStatus();
}

HttpResponse SaveAnnotation(RequestContext& context, const LabelConfig& config, Response response, int status) {
  std::vector<Problem> problems = ValidateResponseValues(context.project->schema, response.values, response.status,
                                                         context.record->fields, "task " + std::to_string(context.record->id));
  if (!problems.empty()) return LsError(MakeError(ErrorCode::kInvalid, "the annotation is not valid", std::move(problems)));
  response.guideline_version = context.project->guideline_version;
  // Through the distribution engine, as /api/v1 saves: no over-filled record, leases kept.
  Distributor distributor(context.store, context.clock);
  Result<Response> saved = distributor.Save(*context.project, *context.record, response, context.caller->user.id,
                                                    /*handed_out_only=*/false);
  if (!saved.ok()) return LsError(saved.error());
  Result<json> shown = AnnotationJson(context, config, *context.record, *saved);
  if (!shown.ok()) return LsError(shown.error());
  return JsonResponse(status, *shown);
}

HttpResponse CreateAnnotation(RequestContext& context) {
  Result<bool> visible = MaySeeRecord(context, *context.record);
  if (!visible.ok()) return LsError(visible.error());
  if (!*visible) return LsError(MakeError(ErrorCode::kNotFound, "Not found."));
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  Result<json> body = ParseJsonBody(context.request);
  if (!body.ok()) return LsError(body.error());
  Result<std::optional<Response>> existing = context.store.FindResponse(context.record->id, context.caller->user.id);
  if (!existing.ok()) return LsError(existing.error());
  Response response;
  if (*existing && (*existing)->status != ResponseStatus::kDraft)
    return LsError(MakeError(ErrorCode::kConflict, "you already annotated task " + std::to_string(context.record->id) +
                                                       ": PATCH /api/annotations/" + std::to_string((*existing)->id) +
                                                       " to change it (Quorum keeps one annotation per user and task)"));
  if (*existing) response = **existing;  // a draft becomes the annotation
  response.record_id = context.record->id;
  response.user_id = context.caller->user.id;
  response.status = ResponseStatus::kSubmitted;
  response.values = json::object();
  Status applied = ApplyAnnotation(*config, *body, response);
  if (!applied.ok()) return LsError(applied.error());
  return SaveAnnotation(context, *config, std::move(response), 201);
}

HttpResponse ListTaskAnnotations(RequestContext& context) {
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  Result<std::vector<Response>> responses = context.store.ListResponses(context.record->id);
  if (!responses.ok()) return LsError(responses.error());
  const bool sees_all = RoleAtLeast(*context.role, Role::kReviewer);
  json list = json::array();
  for (const Response& response : *responses) {
    if (response.status == ResponseStatus::kDraft) continue;
    if (!sees_all && response.user_id != context.caller->user.id) continue;
    Result<json> shown = AnnotationJson(context, *config, *context.record, response);
    if (!shown.ok()) return LsError(shown.error());
    list.push_back(std::move(*shown));
  }
  return JsonResponse(200, list);
}

// Annotators reach only their own annotations; reviewers and up reach all.
bool MayReach(const RequestContext& context) {
  return context.response->user_id == context.caller->user.id || RoleAtLeast(*context.role, Role::kReviewer);
}

// Changing or deleting: the author, or a manager.
bool MayChange(const RequestContext& context) {
  return context.response->user_id == context.caller->user.id || RoleAtLeast(*context.role, Role::kManager);
}

HttpResponse ChangeRefused(const RequestContext& context) {
  if (!MayReach(context)) return LsError(MakeError(ErrorCode::kNotFound, "Not found."));
  return LsError(MakeError(ErrorCode::kForbidden, "only the author or a manager can change an annotation"));
}

HttpResponse GetAnnotation(RequestContext& context) {
  if (!MayReach(context)) return LsError(MakeError(ErrorCode::kNotFound, "Not found."));
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  Result<json> shown = AnnotationJson(context, *config, *context.record, *context.response);
  if (!shown.ok()) return LsError(shown.error());
  return JsonResponse(200, *shown);
}

HttpResponse PatchAnnotation(RequestContext& context) {
  if (!MayChange(context)) return ChangeRefused(context);
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  Result<json> body = ParseJsonBody(context.request);
  if (!body.ok()) return LsError(body.error());
  Response response = *context.response;
  if (response.status == ResponseStatus::kDraft) response.status = ResponseStatus::kSubmitted;
  Status applied = ApplyAnnotation(*config, *body, response);
  if (!applied.ok()) return LsError(applied.error());
  return SaveAnnotation(context, *config, std::move(response), 200);
}

HttpResponse DeleteAnnotation(RequestContext& context) {
  if (!MayChange(context)) return ChangeRefused(context);
  Status deleted = context.store.DeleteResponse(context.response->id);
  if (!deleted.ok()) return LsError(deleted.error());
  HttpResponse response;
  response.status = 204;
  return response;
}

}  // namespace

void AddLabelStudioAnnotationRoutes(std::vector<Route>& routes) {
  const Access on_record{Scope::kRecord, Role::kAnnotator};
  const Access on_response{Scope::kResponse, Role::kAnnotator};
  routes.push_back({"GET", "/api/tasks/{id}/annotations", on_record,
                    "Label Studio API: a task's annotations (annotators: their own)", ListTaskAnnotations});
  routes.push_back({"POST", "/api/tasks/{id}/annotations", on_record, "Label Studio API: annotate a task", CreateAnnotation});
  routes.push_back({"GET", "/api/annotations/{id}", on_response, "Label Studio API: an annotation", GetAnnotation});
  routes.push_back({"PATCH", "/api/annotations/{id}", on_response, "Label Studio API: change an annotation (author or manager)",
                    PatchAnnotation});
  routes.push_back({"DELETE", "/api/annotations/{id}", on_response,
                    "Label Studio API: delete an annotation (author or manager)", DeleteAnnotation});
}

}  // namespace quorum
