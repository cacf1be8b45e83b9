// Label Studio projects: list, create, read, change, delete, label config validation, export.
// A project's Label Studio-only settings (color, sampling, show_skip_button, ...) are kept in
// its settings under "labelstudio" and given back; the ones Quorum acts on are mapped:
//   title <-> name, label_config <-> schema, expert_instruction <-> guidelines,
//   maximum_annotations <-> settings.overlap, show_collab_predictions <-> settings.show_suggestions.
#include <algorithm>
#include <optional>

#include "http/api_error.h"
#include "http/api_json.h"
#include "http/ls_api.h"
#include "http/visibility.h"
#include "io/byte_sink.h"
#include "io/export_labelstudio.h"
#include "io/labelstudio_task_writer.h"
#include "schema/schema_json.h"

namespace quorum {
namespace {

using nlohmann::json;

constexpr char kLsSettings[] = "labelstudio";

// Label Studio project fields kept as they are sent, with Label Studio's defaults.
const json& StoredFieldDefaults() {
  static const json defaults = {{"description", ""},
                                {"color", "#FFFFFF"},
                                {"show_instruction", false},
                                {"show_skip_button", true},
                                {"enable_empty_annotation", true},
                                {"show_annotation_history", false},
                                {"is_published", false},
                                {"is_draft", false},
                                {"model_version", ""},
                                {"sampling", "Sequential sampling"},
                                {"show_ground_truth_first", false},
                                {"show_overlap_first", false},
                                {"overlap_cohort_percentage", 100},
                                {"control_weights", json::object()},
                                {"evaluate_predictions_automatically", false},
                                {"skip_queue", "REQUEUE_FOR_OTHERS"},
                                {"reveal_preannotations_interactively", false},
                                {"min_annotations_to_start_training", 0},
                                {"start_training_on_annotation_update", false},
                                {"pinned_at", nullptr}};
  return defaults;
}

// The counters come from the store's running counts (Store::TotalsOf), so showing a project
// (and listing many) costs the same whatever their size.
Result<json> LsProjectJson(Store& store, const Project& project) {
  QUORUM_ASSIGN_OR_RETURN(ProjectTotals counts, store.TotalsOf(project.id, OverlapOf(project)));
  std::string label_config = project.schema.label_config;
  if (label_config.empty()) label_config = WriteLabelConfig(project.schema).schema.label_config;
  json out = {{"id", project.id},
              {"title", project.name},
              {"label_config", label_config},
              {"expert_instruction", project.guidelines},
              {"organization", project.workspace_id},
              {"workspace", project.workspace_id},
              {"maximum_annotations", OverlapOf(project)},
              {"show_collab_predictions", ShowsSuggestions(project)},
              {"created_by", json::object()},
              {"created_at", LabelStudioTime(project.created_at_ms)},
              {"task_number", counts.records},
              {"num_tasks_with_annotations", counts.records_answered},
              {"useful_annotation_number", counts.submitted},
              {"total_annotations_number", counts.submitted},
              {"skipped_annotations_number", counts.discarded},
              {"ground_truth_number", counts.gold_records},
              {"total_predictions_number", counts.suggestion_sets},
              {"finished_task_number", counts.records_complete},
              {"queue_total", counts.records},
              {"queue_done", counts.records_complete},
              {"task_data_login", nullptr},
              {"task_data_password", nullptr},
              {"parsed_label_config", json::object()},
              {"config_has_control_tags", !project.schema.questions.empty()}};
  const json stored = project.settings.value(kLsSettings, json::object());
  for (const auto& [key, fallback] : StoredFieldDefaults().items()) out[key] = stored.value(key, fallback);
  Result<LabelConfig> config = LabelConfigOf(project.schema);
  if (config.ok()) {
    for (const ControlBinding& control : config->controls) {
      const QuestionSpec* question = config->schema.FindQuestion(control.name);
      out["parsed_label_config"][control.name] = {
          {"type", LabelStudioResultType(control.tag)},
          {"to_name", control.to_names},
          {"labels", question == nullptr ? json::array() : json(question->labels)}};
    }
  }
  return out;
}

// A config problem as a validation error of the "label_config" field.
Error ConfigError(const Error& error) {
  std::vector<Problem> problems;
  for (const Problem& problem : error.problems)
    problems.push_back({problem.location, "label_config", (problem.subject.empty() ? "" : problem.subject + ": ") + problem.reason});
  if (problems.empty()) problems.push_back({"", "label_config", error.message});
  return MakeError(ErrorCode::kInvalid, "invalid label_config: " + error.message, std::move(problems));
}

Result<LabelConfig> ParseBodyConfig(const json& body) {
  auto xml = body.find("label_config");
  if (xml == body.end() || !xml->is_string() || xml->get_ref<const std::string&>().empty())
    return MakeError(ErrorCode::kInvalid, "label_config is required",
                     {{"", "label_config", "send the Label Studio XML config as a string"}});
  Result<LabelConfig> config = ParseLabelConfig(xml->get<std::string>(), "label_config");
  if (!config.ok()) return ConfigError(config.error());
  return config;
}

// A project with records keeps its fields and questions: their answers depend on them. Only the
// layout (the XML around them, titles) may change.
Status CheckConfigChange(Store& store, const Project& project, const Schema& schema) {
  json before = SchemaToJson(project.schema), after = SchemaToJson(schema);
  before.erase("label_config");
  after.erase("label_config");
  if (before == after) return OkStatus();
  QUORUM_ASSIGN_OR_RETURN(int64_t records, store.CountRecords(project.id));
  if (records == 0) return OkStatus();
  return MakeError(ErrorCode::kInvalid, "the project has tasks",
                   {{"", "label_config", "the project has " + std::to_string(records) +
                                             " tasks: a new config may change the layout, not the data keys or the controls"}});
}

// Applies Label Studio project fields of `body` to `project`; unknown and read-only fields are
// ignored, as Label Studio ignores them.
Status ApplyFields(const json& body, Project& project) {
  json& stored = project.settings[kLsSettings];
  if (!stored.is_object()) stored = json::object();
  for (const auto& [key, value] : body.items()) {
    if (key == "title") {
      if (!value.is_string()) return MakeError(ErrorCode::kInvalid, "title must be a string", {{"", "title", "expected a string"}});
      if (!value.get<std::string>().empty()) project.name = value.get<std::string>();
    } else if (key == "expert_instruction") {
      const std::string text = value.is_string() ? value.get<std::string>() : "";
      if (text != project.guidelines) ++project.guideline_version;
      project.guidelines = text;
    } else if (key == "maximum_annotations") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1 || value.get<int64_t>() > 10)
        return MakeError(ErrorCode::kInvalid, "maximum_annotations must be 1 to 10",
                         {{"", "maximum_annotations", "expected an integer from 1 to 10 (Quorum's overlap)"}});
      project.settings["overlap"] = value;
    } else if (key == "show_collab_predictions") {
      if (value.is_boolean()) project.settings["show_suggestions"] = value;
    } else if (StoredFieldDefaults().contains(key)) {
      stored[key] = value;
    }
  }
  return OkStatus();
}

Result<json> ObjectBody(const RequestContext& context) {
  QUORUM_ASSIGN_OR_RETURN(json body, ParseJsonBody(context.request));
  if (!body.is_object()) return MakeError(ErrorCode::kInvalid, "send a JSON object");
  return body;
}

HttpResponse ListProjects(RequestContext& context) {
  Result<int64_t> page = QueryInteger(context.request, "page", 1);
  if (!page.ok()) return LsError(page.error());
  Result<int64_t> page_size = QueryInteger(context.request, "page_size", 30);
  if (!page_size.ok()) return LsError(page_size.error());
  if (*page < 1 || *page_size < 1) return LsError(MakeError(ErrorCode::kInvalid, "page and page_size must be positive"));
  Result<std::vector<Project>> projects = context.store.ListProjects();
  if (!projects.ok()) return LsError(projects.error());
  std::vector<const Project*> visible;
  for (const Project& project : *projects) {
    Result<std::optional<Role>> role = context.store.GetRole(project.workspace_id, context.caller->user.id);
    if (!role.ok()) return LsError(role.error());
    if (*role) visible.push_back(&project);
  }
  std::reverse(visible.begin(), visible.end());  // newest first, as Label Studio orders them
  const int64_t count = static_cast<int64_t>(visible.size());
  const int64_t first = (*page - 1) * *page_size;
  if (first >= count && *page > 1) return LsError(MakeError(ErrorCode::kNotFound, "Invalid page."));
  json results = json::array();
  for (int64_t index = first; index < std::min(count, first + *page_size); ++index) {
    Result<json> project = LsProjectJson(context.store, *visible[index]);
    if (!project.ok()) return LsError(project.error());
    results.push_back(std::move(*project));
  }
  auto link = [&](int64_t to) {
    return json("/api/projects?page=" + std::to_string(to) + "&page_size=" + std::to_string(*page_size));
  };
  return JsonResponse(200, {{"count", count},
                            {"next", first + *page_size < count ? link(*page + 1) : json(nullptr)},
                            {"previous", *page > 1 ? link(*page - 1) : json(nullptr)},
                            {"results", results}});
}

// The workspace a new project goes to: "workspace" (or "organization") when given, else the
// first where the caller is a manager.
Result<int64_t> WorkspaceForNewProject(RequestContext& context, const json& body) {
  std::optional<int64_t> wanted;
  for (const char* key : {"workspace", "organization"})
    if (body.contains(key) && body[key].is_number_integer()) wanted = body[key].get<int64_t>();
  QUORUM_ASSIGN_OR_RETURN(std::vector<Workspace> workspaces, context.store.ListWorkspaces());
  for (const Workspace& workspace : workspaces) {
    if (wanted && workspace.id != *wanted) continue;
    QUORUM_ASSIGN_OR_RETURN(std::optional<Role> role, context.store.GetRole(workspace.id, context.caller->user.id));
    if (role && RoleAtLeast(*role, Role::kManager)) return workspace.id;
  }
  return MakeError(ErrorCode::kForbidden, "creating a project needs the manager role in its workspace");
}

HttpResponse CreateProject(RequestContext& context) {
  Result<json> body = ObjectBody(context);
  if (!body.ok()) return LsError(body.error());
  Result<int64_t> workspace = WorkspaceForNewProject(context, *body);
  if (!workspace.ok()) return LsError(workspace.error());
  Result<LabelConfig> config = ParseBodyConfig(*body);
  if (!config.ok()) return LsError(config.error());
  Project project;
  project.workspace_id = *workspace;
  project.name = "New Project";
  project.schema = std::move(config->schema);
  Status applied = ApplyFields(*body, project);
  if (!applied.ok()) return LsError(applied.error());
  Result<Project> created = context.store.CreateProject(project);
  if (!created.ok()) return LsError(created.error());
  Result<json> shown = LsProjectJson(context.store, *created);
  if (!shown.ok()) return LsError(shown.error());
  return JsonResponse(201, *shown);
}

HttpResponse GetProject(RequestContext& context) {
  Result<json> shown = LsProjectJson(context.store, *context.project);
  if (!shown.ok()) return LsError(shown.error());
  return JsonResponse(200, *shown);
}

HttpResponse PatchProject(RequestContext& context) {
  Result<json> body = ObjectBody(context);
  if (!body.ok()) return LsError(body.error());
  std::optional<Schema> schema;
  if (body->contains("label_config")) {
    Result<LabelConfig> config = ParseBodyConfig(*body);
    if (!config.ok()) return LsError(config.error());
    Status allowed = CheckConfigChange(context.store, *context.project, config->schema);
    if (!allowed.ok()) return LsError(allowed.error());
    schema = std::move(config->schema);
  }
  // Applied to the project as stored at that moment, so a concurrent change of other settings
  // (a pause, say) is kept.
  Result<Project> project = context.store.ChangeProject(context.project->id, [&](Project& stored) -> Status {
    if (schema) stored.schema = *schema;
    return ApplyFields(*body, stored);
  });
  if (!project.ok()) return LsError(project.error());
  Result<json> shown = LsProjectJson(context.store, *project);
  if (!shown.ok()) return LsError(shown.error());
  return JsonResponse(200, *shown);
}

HttpResponse DeleteProject(RequestContext& context) {
  Status deleted = context.store.DeleteProject(context.project->id);
  if (!deleted.ok()) return LsError(deleted.error());
  HttpResponse response;
  response.status = 204;
  return response;
}

// POST /api/projects/validate: 204 when the config is valid, else 400 {"label_config": [...]}.
HttpResponse ValidateConfig(RequestContext& context) {
  Result<json> body = ObjectBody(context);
  if (!body.ok()) return LsFieldError("label_config", body.error());
  Result<LabelConfig> config = ParseBodyConfig(*body);
  if (!config.ok()) return LsFieldError("label_config", config.error());
  HttpResponse response;
  response.status = 204;
  return response;
}

// POST /api/projects/{id}/validate: whether the project could take the config.
HttpResponse ValidateProjectConfig(RequestContext& context) {
  Result<json> body = ObjectBody(context);
  if (!body.ok()) return LsError(body.error());
  Result<LabelConfig> config = ParseBodyConfig(*body);
  if (!config.ok()) return LsError(config.error());
  Status allowed = CheckConfigChange(context.store, *context.project, config->schema);
  if (!allowed.ok()) return LsError(allowed.error());
  json before = SchemaToJson(context.project->schema), after = SchemaToJson(config->schema);
  before.erase("label_config");
  after.erase("label_config");
  return JsonResponse(200, {{"config_essential_data_has_changed", before != after}});
}

HttpResponse ExportProject(RequestContext& context) {
  const std::string type = context.request.Query("exportType").value_or(context.request.Query("export_type").value_or("JSON"));
  std::optional<LabelStudioExportFormat> format = ParseLabelStudioExportFormat(type);
  if (!format)
    return LsError(MakeError(ErrorCode::kInvalid, "exportType '" + type + "' is not available: use JSON, JSON_MIN or CSV",
                             {{"", "exportType", "expected JSON, JSON_MIN or CSV"}}));
  if (context.request.Query("ids"))
    return LsError(MakeError(ErrorCode::kInvalid, "ids is not supported: export all tasks and select them",
                             {{"", "ids", "not supported"}}));
  LabelStudioExportOptions options;
  options.format = *format;
  options.record_ids = true;
  Result<bool> all = LsQueryFlag(context.request, "download_all_tasks", false);
  if (!all.ok()) return LsError(all.error());
  options.all_tasks = *all;
  HttpResponse response;
  std::unique_ptr<ByteSink> sink = StringSink(response.body);
  Result<ExportReport> report = ExportLabelStudio(context.store, *context.project, options, *sink);
  if (!report.ok()) return LsError(report.error());
  const bool csv = *format == LabelStudioExportFormat::kCsv;
  response.content_type = csv ? "text/csv" : "application/json";
  response.AddHeader("Content-Disposition", "attachment; filename=\"project-" + std::to_string(context.project->id) +
                                                (csv ? ".csv\"" : ".json\""));
  return response;
}

}  // namespace

void AddLabelStudioProjectRoutes(std::vector<Route>& routes) {
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  const Access members{Scope::kProject, Role::kAnnotator};
  const Access managers{Scope::kProject, Role::kManager};
  routes.push_back({"GET", "/api/projects", signed_in, "Label Studio API: projects of the caller's workspaces", ListProjects});
  routes.push_back({"POST", "/api/projects", signed_in, "Label Studio API: create a project (managers)", CreateProject});
  routes.push_back({"POST", "/api/projects/validate", signed_in, "Label Studio API: check a label config", ValidateConfig});
  routes.push_back({"GET", "/api/projects/{id}", members, "Label Studio API: a project", GetProject});
  routes.push_back({"PATCH", "/api/projects/{id}", managers, "Label Studio API: change a project", PatchProject});
  routes.push_back({"DELETE", "/api/projects/{id}", managers, "Label Studio API: delete a project", DeleteProject});
  routes.push_back({"POST", "/api/projects/{id}/validate", managers, "Label Studio API: check a new config for a project",
                    ValidateProjectConfig});
  routes.push_back({"GET", "/api/projects/{id}/export", managers, "Label Studio API: export (JSON, JSON_MIN, CSV)", ExportProject});
}

}  // namespace quorum
