// Projects: create, list, read, update, delete, export.
#include "dist/distribution_settings.h"
#include "quality/quality_settings.h"
#include "http/api_error.h"
#include "http/api_export.h"
#include "http/api_json.h"
#include "http/api_routes.h"
#include "export/training_format.h"
#include "schema/schema_json.h"
#include "schema/templates.h"

namespace quorum {
namespace {

// The workspaces where the caller holds at least `min_role`.
Result<std::vector<Workspace>> WorkspacesWithRole(RequestContext& context, Role min_role) {
  QUORUM_ASSIGN_OR_RETURN(std::vector<Workspace> all, context.store.ListWorkspaces());
  std::vector<Workspace> allowed;
  for (Workspace& workspace : all) {
    QUORUM_ASSIGN_OR_RETURN(std::optional<Role> role, context.store.GetRole(workspace.id, context.caller->user.id));
    if (role && RoleAtLeast(*role, min_role)) allowed.push_back(std::move(workspace));
  }
  return allowed;
}

HttpResponse ListProjects(RequestContext& context) {
  Result<std::vector<Workspace>> workspaces = WorkspacesWithRole(context, Role::kAnnotator);
  if (!workspaces.ok()) return ErrorResponse(workspaces.error());
  Result<std::vector<Project>> projects = context.store.ListProjects();
  if (!projects.ok()) return ErrorResponse(projects.error());
  nlohmann::json list = nlohmann::json::array();
  for (const Project& project : *projects) {
    for (const Workspace& workspace : *workspaces)
      if (workspace.id == project.workspace_id) list.push_back(ProjectJson(project));
  }
  return JsonResponse(200, {{"projects", list}});
}

// The built-in templates a project can be created from ({"template": name}), each with the
// schema, guidelines and settings it gives: what `quorum project templates` lists.
HttpResponse ListBuiltInTemplates(RequestContext&) {
  nlohmann::json list = nlohmann::json::array();
  for (const TemplateInfo& info : ListTemplates()) {
    Result<ProjectDefinition> definition = LoadTemplate(info.name);
    if (!definition.ok()) return ErrorResponse(definition.error());
    list.push_back({{"name", info.name},
                    {"description", info.description},
                    {"schema", SchemaToJson(definition->schema)},
                    {"guidelines", definition->guidelines},
                    {"settings", definition->settings}});
  }
  return JsonResponse(200, {{"templates", list}});
}

// The definition named by a create request: {"template": T} or {"schema": {...}, "guidelines",
// "settings"}.
Result<ProjectDefinition> DefinitionFrom(const nlohmann::json& body) {
  if (body.contains("template")) {
    if (!body["template"].is_string()) return MakeError(ErrorCode::kInvalid, "template must be a string");
    return LoadTemplate(body["template"].get<std::string>());
  }
  if (!body.contains("schema")) return MakeError(ErrorCode::kInvalid, "send \"template\" or \"schema\"");
  nlohmann::json document = body["schema"];
  if (!document.is_object()) return MakeError(ErrorCode::kInvalid, "schema must be an object");
  for (const char* key : {"guidelines", "settings"})
    if (body.contains(key)) document[key] = body[key];
  return ProjectDefinitionFromJson(document, "schema");
}

HttpResponse CreateProject(RequestContext& context) {
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (!body->is_object() || !(*body)["name"].is_string() || (*body)["name"].get<std::string>().empty())
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "send {\"name\": string, \"template\" or \"schema\": ...}"));
  Result<std::vector<Workspace>> workspaces = WorkspacesWithRole(context, Role::kManager);
  if (!workspaces.ok()) return ErrorResponse(workspaces.error());
  const Workspace* workspace = workspaces->empty() ? nullptr : &workspaces->front();
  if (body->contains("workspace_id")) {
    workspace = nullptr;
    for (const Workspace& candidate : *workspaces)
      if ((*body)["workspace_id"] == candidate.id) workspace = &candidate;
  }
  if (workspace == nullptr)
    return ErrorResponse(MakeError(ErrorCode::kForbidden, "creating a project needs the manager role in its workspace"));
  Result<ProjectDefinition> definition = DefinitionFrom(*body);
  if (!definition.ok()) return ErrorResponse(definition.error());
  Project project;
  project.workspace_id = workspace->id;
  project.name = (*body)["name"].get<std::string>();
  project.schema = std::move(definition->schema);
  project.guidelines = std::move(definition->guidelines);
  project.settings = std::move(definition->settings);
  // Distribution settings are checked when written, so /next never meets a bad one.
  Result<DistributionSettings> distribution = ParseDistributionSettings(project.settings);
  if (!distribution.ok()) return ErrorResponse(distribution.error());
  Result<Project> created = context.store.CreateProject(project);
  if (!created.ok()) return ErrorResponse(created.error());
  return JsonResponse(201, ProjectJson(*created));
}

HttpResponse GetProject(RequestContext& context) {
  Result<int64_t> count = context.store.CountRecords(context.project->id);
  if (!count.ok()) return ErrorResponse(count.error());
  nlohmann::json json = ProjectJson(*context.project);
  json["records"] = *count;
  json["role"] = RoleName(*context.role);
  return JsonResponse(200, json);
}

// The change is applied to the project as stored at that moment (Store::ChangeProject), so a
// concurrent change of other settings, such as a pause, is kept.
HttpResponse PatchProject(RequestContext& context) {
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (!body->is_object()) return ErrorResponse(MakeError(ErrorCode::kInvalid, "send a JSON object"));
  for (auto& [key, value] : body->items()) {
    const bool known = (key == "name" && value.is_string() && !value.get<std::string>().empty()) ||
                       (key == "guidelines" && value.is_string()) || (key == "settings" && value.is_object());
    if (!known)
      return ErrorResponse(MakeError(ErrorCode::kInvalid, "cannot set '" + key +
                                                               "': send name (string), guidelines (string) or settings (object)"));
  }
  Result<Project> changed = context.store.ChangeProject(context.project->id, [&](Project& project) -> Status {
    for (auto& [key, value] : body->items()) {
      if (key == "name") {
        project.name = value.get<std::string>();
      } else if (key == "guidelines") {
        if (value.get<std::string>() != project.guidelines) ++project.guideline_version;
        project.guidelines = value.get<std::string>();
      } else {
        project.settings.merge_patch(value);  // RFC 7396: null removes a key
      }
    }
    QUORUM_RETURN_IF_ERROR(ParseDistributionSettings(project.settings));
    // The gold suspension rule is read on every /next: a bad value is refused here, not there.
    QUORUM_RETURN_IF_ERROR(QualitySettingsFrom(project.settings));
    return OkStatus();
  });
  if (!changed.ok()) return ErrorResponse(changed.error());
  return JsonResponse(200, ProjectJson(*changed));
}

HttpResponse DeleteProject(RequestContext& context) {
  Status deleted = context.store.DeleteProject(context.project->id);
  if (!deleted.ok()) return ErrorResponse(deleted.error());
  return JsonResponse(200, {{"deleted", true}});
}

HttpResponse ExportProject(RequestContext& context) {
  const std::string format = context.request.Query("format").value_or("jsonl");
  if (ParseTrainingFormat(format)) return ExportTrainingFormat(context, format);
  if (format == "csv") return ExportNativeCsv(context);
  if (format != "jsonl")
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "format '" + format + "' is not available; use jsonl, csv or " +
                                                            TrainingFormatList()));
  return ExportNativeJsonl(context);
}

}  // namespace

void AddProjectRoutes(std::vector<Route>& routes) {
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  const Access members{Scope::kProject, Role::kAnnotator};
  const Access managers{Scope::kProject, Role::kManager};
  routes.push_back({"GET", "/api/v1/projects", signed_in, "projects of the caller's workspaces", ListProjects});
  routes.push_back({"POST", "/api/v1/projects", signed_in, "create a project (managers of its workspace)", CreateProject});
  routes.push_back(Quick({"GET", "/api/v1/templates", signed_in, "the built-in project templates", ListBuiltInTemplates}));
  routes.push_back({"GET", "/api/v1/projects/{id}", members, "a project with its schema", GetProject});
  routes.push_back({"PATCH", "/api/v1/projects/{id}", managers, "rename, change guidelines or settings", PatchProject});
  routes.push_back({"DELETE", "/api/v1/projects/{id}", managers, "delete a project and all its data", DeleteProject});
  routes.push_back({"GET", "/api/v1/projects/{id}/export", managers, "export the project (format=jsonl or a training format)", ExportProject});
}

}  // namespace quorum
