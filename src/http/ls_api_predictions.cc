// Label Studio predictions: Quorum suggestions, grouped by model_version. One prediction of a
// task is the suggestions of its model for the questions its result answers.
#include <map>

#include "core/validation.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/ls_api.h"
#include "io/labelstudio_result.h"

namespace quorum {
namespace {

using nlohmann::json;

// A prediction's "result" as the SDK's create_prediction allows it: a list of result items, one
// item, the value of the config's only control, or (for a single Choices control) a label.
// nullopt, with a problem located at `where`, when it is none of these.
std::optional<json> PredictionResult(const LabelConfig& config, const json& result, const std::string& where,
                                     std::vector<Problem>& problems) {
  if (result.is_array()) return result;
  if (result.is_object() && result.contains("from_name")) return json::array({result});
  if (config.controls.size() != 1) {
    problems.push_back({where, "result", "expected a list of result items (a bare value or label needs a config with "
                                         "exactly one control)"});
    return std::nullopt;
  }
  const ControlBinding& control = config.controls.front();
  json value = result;
  if (result.is_string()) {
    if (control.tag != LabelStudioControl::kChoices) {
      problems.push_back({where, "result", "expected a list of result items (a bare label needs a Choices control)"});
      return std::nullopt;
    }
    value = {{"choices", json::array({result})}};
  }
  if (!value.is_object()) {
    problems.push_back({where, "result", "expected a list of result items"});
    return std::nullopt;
  }
  return json::array({{{"from_name", control.name},
                       {"to_name", control.target},
                       {"type", LabelStudioResultType(control.tag)},
                       {"value", value}}});
}

// The model a prediction comes from: its model_version, "api" without one.
std::string PredictionAgent(const json& prediction) {
  const json& version = prediction.contains("model_version") ? prediction["model_version"] : json();
  return version.is_string() && !version.get<std::string>().empty() ? version.get<std::string>() : "api";
}

// The suggestions that `prediction` ({"result", "score"?, "model_version"?}) makes for `record`
// of the project in `context`, one per question its result answers, each validated. Problems go
// to `problems`, located at `where`.
std::vector<Suggestion> PredictionSuggestions(const RequestContext& context, const LabelConfig& config,
                                              const Record& record, const json& prediction, const std::string& where,
                                              std::vector<Problem>& problems) {
  const size_t problems_before = problems.size();
  std::optional<json> result = PredictionResult(config, prediction.value("result", json::array()), where, problems);
  if (!result) return {};
  json values = ResultToValues(config, *result, where, "result", problems);
  std::vector<Suggestion> suggestions;
  for (const auto& [question_name, value] : values.items()) {
    const QuestionSpec* question = context.project->schema.FindQuestion(question_name);
    if (question == nullptr) continue;  // ResultToValues reported it
    for (Problem& problem : ValidateAnswer(*question, value, record.fields, where)) problems.push_back(std::move(problem));
    Suggestion suggestion;
    suggestion.record_id = record.id;
    suggestion.question = question_name;
    suggestion.value = value;
    if (auto score = prediction.find("score"); score != prediction.end() && score->is_number())
      suggestion.score = score->get<double>();
    suggestion.agent = PredictionAgent(prediction);
    suggestions.push_back(std::move(suggestion));
  }
  if (suggestions.empty() && problems.size() == problems_before)
    problems.push_back({where, "result", "the result answers no control"});
  return suggestions;
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
  std::vector<Problem> problems;
  std::vector<Suggestion> suggestions = PredictionSuggestions(context, *config, *context.record, *body, "body", problems);
  if (!problems.empty()) return LsError(MakeError(ErrorCode::kInvalid, "the prediction is not valid", std::move(problems)));
  Status saved = context.store.UpsertSuggestions(suggestions);
  if (!saved.ok()) return LsError(saved.error());
  Result<json> predictions = PredictionsOf(context, *config);
  if (!predictions.ok()) return LsError(predictions.error());
  for (const json& prediction : *predictions)
    if (prediction["model_version"] == PredictionAgent(*body)) return JsonResponse(201, prediction);
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

// POST /api/projects/{id}/import/predictions (the SDK's Project.create_predictions): a list of
// {"task", "result", "score"?, "model_version"?} for tasks of this project. All or nothing: every
// prediction is checked before any is saved (each problem naming its place in the list), and
// all are saved in one transaction.
HttpResponse ImportPredictions(RequestContext& context) {
  Result<json> body = ParseJsonBody(context.request);
  if (!body.ok()) return LsError(body.error());
  if (!body->is_array())
    return LsError(MakeError(ErrorCode::kInvalid, "send a list of {\"task\", \"result\", \"score\", \"model_version\"}"));
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  std::vector<Problem> problems;
  std::map<int64_t, Record> tasks;
  std::vector<Suggestion> suggestions;
  for (size_t index = 0; index < body->size(); ++index) {
    const json& prediction = (*body)[index];
    const std::string where = "[" + std::to_string(index) + "]";
    const json& task = prediction.is_object() && prediction.contains("task") ? prediction["task"] : json();
    if (!task.is_number_integer()) {
      problems.push_back({where, "task", "expected a task id"});
      continue;
    }
    const int64_t task_id = task.get<int64_t>();
    if (!tasks.count(task_id)) {
      Result<Record> record = context.store.GetRecord(task_id);
      if (!record.ok() && record.error().code != ErrorCode::kNotFound) return LsError(record.error());
      if (!record.ok() || record->project_id != context.project->id) {
        problems.push_back({where, "task", "no task " + std::to_string(task_id) + " in project " +
                                               std::to_string(context.project->id)});
        continue;
      }
      tasks.emplace(task_id, std::move(*record));
    }
    for (Suggestion& suggestion : PredictionSuggestions(context, *config, tasks[task_id], prediction, where, problems))
      suggestions.push_back(std::move(suggestion));
  }
  if (!problems.empty())
    return LsError(RefusedWhole("no prediction was saved", std::move(problems)));
  Status saved = context.store.UpsertSuggestions(suggestions);
  if (!saved.ok()) return LsError(saved.error());
  return JsonResponse(201, {{"created", body->size()}});
}

}  // namespace

void AddLabelStudioPredictionRoutes(std::vector<Route>& routes) {
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  routes.push_back({"POST", "/api/predictions", signed_in, "Label Studio API: add a prediction to a task (managers)",
                    CreatePrediction});
  routes.push_back({"GET", "/api/predictions", signed_in, "Label Studio API: a task's predictions (?task=, reviewers)",
                    ListPredictions});
  routes.push_back({"POST", "/api/projects/{id}/import/predictions", Access{Scope::kProject, Role::kManager},
                    "Label Studio API: add predictions to tasks of the project (all or nothing)", ImportPredictions});
}

}  // namespace quorum
