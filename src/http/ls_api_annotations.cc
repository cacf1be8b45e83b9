// Label Studio annotations (Quorum responses) and predictions (suggestions, grouped by
// model_version). An annotator has one response per record in Quorum, so a second annotation by
// the same user to the same task is refused (409) instead of added: PATCH the first.
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

// A prediction's "result" as the SDK's create_prediction allows it: a list of result items, one
// item, the value of the config's only control, or (for a single Choices control) a label.
Result<json> PredictionResult(const LabelConfig& config, const json& result) {
  if (result.is_array()) return result;
  if (result.is_object() && result.contains("from_name")) return json::array({result});
  if (config.controls.size() != 1)
    return MakeError(ErrorCode::kInvalid, "result must be a list of result items",
                     {{"body", "result", "a bare value or label needs a config with exactly one control"}});
  const ControlBinding& control = config.controls.front();
  json value = result;
  if (result.is_string()) {
    if (control.tag != LabelStudioControl::kChoices)
      return MakeError(ErrorCode::kInvalid, "a bare label needs a Choices control", {{"body", "result", "expected a list of result items"}});
    value = {{"choices", json::array({result})}};
  }
  if (!value.is_object()) return MakeError(ErrorCode::kInvalid, "result must be a list of result items", {{"body", "result", "expected a list"}});
  return json::array({{{"from_name", control.name},
                       {"to_name", control.target},
                       {"type", LabelStudioResultType(control.tag)},
                       {"value", value}}});
}

// Loads the task named in the body or query, with its project, for a caller with `min_role`.
Status LoadTask(RequestContext& context, const json& id, Role min_role) {
  if (!id.is_number_integer() || id.get<int64_t>() <= 0)
    return MakeError(ErrorCode::kInvalid, "task must be a task id", {{"", "task", "expected a task id"}});
  Result<Record> record = context.store.GetRecord(id.get<int64_t>());
  if (!record.ok()) {
    if (record.error().code == ErrorCode::kNotFound) return MakeError(ErrorCode::kNotFound, "no task " + id.dump());
    return std::move(record).error();
  }
  QUORUM_RETURN_IF_ERROR(LoadProjectForCaller(context, record->project_id, min_role));
  context.record = std::move(*record);
  return OkStatus();
}

Result<json> PredictionsOf(RequestContext& context, const LabelConfig& config) {
  QUORUM_ASSIGN_OR_RETURN(json task, LsTaskForCaller(context, config, *context.record));
  return task["predictions"];
}

HttpResponse CreatePrediction(RequestContext& context) {
  Result<json> body = ParseJsonBody(context.request);
  if (!body.ok()) return LsError(body.error());
  if (!body->is_object()) return LsError(MakeError(ErrorCode::kInvalid, "send {\"task\", \"result\", \"score\", \"model_version\"}"));
  Status loaded = LoadTask(context, body->value("task", json()), Role::kManager);
  if (!loaded.ok()) return LsError(loaded.error());
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  Result<json> result = PredictionResult(*config, body->value("result", json::array()));
  if (!result.ok()) return LsError(result.error());
  std::vector<Problem> problems;
  json values = ResultToValues(*config, *result, "body", "result", problems);
  std::string agent = body->value("model_version", json()).is_string() ? (*body)["model_version"].get<std::string>() : "";
  if (agent.empty()) agent = "api";
  std::vector<Suggestion> suggestions;
  for (const auto& [question_name, value] : values.items()) {
    const QuestionSpec* question = context.project->schema.FindQuestion(question_name);
    if (question == nullptr) continue;  // ResultToValues reported it
    for (Problem& problem : ValidateAnswer(*question, value, context.record->fields, "body"))
      problems.push_back(std::move(problem));
    Suggestion suggestion;
    suggestion.record_id = context.record->id;
    suggestion.question = question_name;
    suggestion.value = value;
    if (auto score = body->find("score"); score != body->end() && score->is_number()) suggestion.score = score->get<double>();
    suggestion.agent = agent;
    suggestions.push_back(std::move(suggestion));
  }
  if (suggestions.empty() && problems.empty()) problems.push_back({"body", "result", "the result answers no control"});
  if (!problems.empty()) return LsError(MakeError(ErrorCode::kInvalid, "the prediction is not valid", std::move(problems)));
  Status saved = context.store.UpsertSuggestions(context.record->id, suggestions);
  if (!saved.ok()) return LsError(saved.error());
  Result<json> predictions = PredictionsOf(context, *config);
  if (!predictions.ok()) return LsError(predictions.error());
  for (const json& prediction : *predictions)
    if (prediction["model_version"] == agent) return JsonResponse(201, prediction);
  return LsError(MakeError(ErrorCode::kInternal, "the saved prediction was not found"));
}

HttpResponse ListPredictions(RequestContext& context) {
  Result<int64_t> task = QueryInteger(context.request, "task", 0);
  if (!task.ok()) return LsError(task.error());
  if (*task <= 0) return LsError(MakeError(ErrorCode::kInvalid, "send ?task=ID", {{"", "task", "required"}}));
  Status loaded = LoadTask(context, json(*task), Role::kReviewer);
  if (!loaded.ok()) return LsError(loaded.error());
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  Result<json> predictions = PredictionsOf(context, *config);
  if (!predictions.ok()) return LsError(predictions.error());
  return JsonResponse(200, *predictions);
}

}  // namespace

void AddLabelStudioAnnotationRoutes(std::vector<Route>& routes) {
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
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
  routes.push_back({"POST", "/api/predictions", signed_in, "Label Studio API: add a prediction to a task (managers)",
                    CreatePrediction});
  routes.push_back({"GET", "/api/predictions", signed_in, "Label Studio API: a task's predictions (?task=, reviewers)",
                    ListPredictions});
}

}  // namespace quorum
