// What the Label Studio routes share: error shapes, query parameters, project access, tasks.
#include <charconv>
#include <map>

#include "http/api_error.h"
#include "http/api_routes.h"
#include "http/ls_api.h"
#include "http/visibility.h"
#include "io/labelstudio_task_writer.h"

namespace quorum {

void AddLabelStudioRoutes(std::vector<Route>& routes) {
  AddLabelStudioSystemRoutes(routes);
  AddLabelStudioProjectRoutes(routes);
  AddLabelStudioImportRoutes(routes);
  AddLabelStudioTaskRoutes(routes);
  AddLabelStudioAnnotationRoutes(routes);
  AddLabelStudioPredictionRoutes(routes);
  AddLabelStudioUserRoutes(routes);
  AddLabelStudioUnservedRoutes(routes);
}

HttpResponse LsError(const Error& error) {
  HttpResponse ours = ErrorResponse(error);
  nlohmann::json body = nlohmann::json::parse(ours.body);
  nlohmann::json validation = nlohmann::json::object();
  for (const nlohmann::json& problem : body["error"]["details"]) {
    std::string subject = problem["subject"].get<std::string>();
    std::string location = problem["location"].get<std::string>();
    validation[subject.empty() ? "non_field_errors" : subject].push_back(
        (location.empty() ? "" : location + ": ") + problem["reason"].get<std::string>());
  }
  return JsonResponse(ours.status, {{"status_code", ours.status},
                                    {"detail", body["error"]["message"]},
                                    {"validation_errors", validation},
                                    {"error", body["error"]}});
}

HttpResponse LsFieldError(const std::string& field, const Error& error) {
  nlohmann::json problems = nlohmann::json::array();
  for (const Problem& problem : error.problems) {
    std::string text = problem.location.empty() ? "" : problem.location + ": ";
    if (!problem.subject.empty()) text += problem.subject + ": ";
    problems.push_back(text + problem.reason);
  }
  if (problems.empty()) problems.push_back(error.message);
  return JsonResponse(HttpStatusFor(error.code) == 500 ? 500 : 400, {{field, problems}});
}

Result<bool> LsQueryFlag(const HttpRequest& request, std::string_view name, bool fallback) {
  std::optional<std::string> value = request.Query(name);
  if (!value) return fallback;
  if (*value == "1" || *value == "true" || *value == "True" || *value == "yes") return true;
  if (*value == "0" || *value == "false" || *value == "False" || *value == "no" || value->empty()) return false;
  return MakeError(ErrorCode::kInvalid, std::string(name) + " must be true or false (also True, False, 1, 0), got '" + *value + "'");
}

Status LoadProjectForCaller(RequestContext& context, int64_t project_id, Role min_role) {
  Result<Project> project = context.store.GetProject(project_id);
  if (!project.ok()) {
    if (project.error().code == ErrorCode::kNotFound)
      return MakeError(ErrorCode::kNotFound, "no project " + std::to_string(project_id));
    return std::move(project).error();
  }
  QUORUM_ASSIGN_OR_RETURN(std::optional<Role> role, context.store.GetRole(project->workspace_id, context.caller->user.id));
  if (!role) return MakeError(ErrorCode::kNotFound, "no project " + std::to_string(project_id));
  if (!RoleAtLeast(*role, min_role))
    return MakeError(ErrorCode::kForbidden, std::string("this needs the ") + RoleName(min_role) +
                                                " role or higher in the project; you are " + RoleName(*role));
  context.project = std::move(*project);
  context.role = *role;
  return OkStatus();
}

Result<LabelConfig> LsConfigOf(const RequestContext& context) { return LabelConfigOf(context.project->schema); }

Result<nlohmann::json> LsTaskForCaller(RequestContext& context, const LabelConfig& config, const Record& record) {
  const bool reviewer = RoleAtLeast(*context.role, Role::kReviewer);
  QUORUM_ASSIGN_OR_RETURN(std::vector<Response> stored, context.store.ListResponses(record.id));
  std::map<int64_t, std::string> emails;
  std::vector<LabelStudioResponse> responses;
  for (Response& response : stored) {
    if (!reviewer && response.user_id != context.caller->user.id) continue;
    const int64_t user_id = response.user_id;
    if (!emails.count(user_id)) {
      QUORUM_ASSIGN_OR_RETURN(User user, context.store.GetUser(user_id));
      emails[user_id] = user.email;
    }
    responses.push_back(LabelStudioResponse{std::move(response), emails[user_id]});
  }
  std::vector<Suggestion> suggestions;
  if (reviewer || ShowsSuggestions(*context.project)) {
    QUORUM_ASSIGN_OR_RETURN(suggestions, context.store.ListSuggestions(record.id));
  }
  // Gold must not reach annotators, not even as the ground_truth flag of their own annotation.
  Record shown = record;
  if (!reviewer) shown.gold = nlohmann::json::object();
  nlohmann::json task = LabelStudioTaskJson(config, shown, suggestions, responses, record.id);
  // The REST API's task ids are record ids (an integer external id is what files carry).
  task["id"] = record.id;
  for (const char* list : {"annotations", "drafts", "predictions"})
    for (nlohmann::json& item : task[list]) item["task"] = record.id;
  return task;
}

}  // namespace quorum
