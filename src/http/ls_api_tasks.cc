// Label Studio tasks (Quorum records): the Data Manager list the SDK pages through, the plain
// project task list, and one task read, changed or deleted.
#include <algorithm>
#include <set>

#include "core/validation.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/ls_api.h"
#include "http/visibility.h"
#include "io/labelstudio_data.h"

namespace quorum {
namespace {

using nlohmann::json;

// Which tasks a Data Manager query selects: its selectedItems and the one filter the SDK's own
// helpers send (get_labeled_tasks / get_unlabeled_tasks: completed_at empty or not).
struct TaskQuery {
  std::optional<std::set<int64_t>> included;
  std::set<int64_t> excluded;
  std::optional<bool> completed;  // a task is completed when it has `overlap` submitted answers
};

Result<TaskQuery> ParseTaskQuery(const HttpRequest& request) {
  TaskQuery query;
  std::optional<std::string> text = request.Query("query");
  if (!text || text->empty()) return query;
  json parsed = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) return MakeError(ErrorCode::kInvalid, "query must be a JSON object", {{"", "query", "not a JSON object"}});
  if (const json& selected = parsed.value("selectedItems", json::object()); selected.is_object()) {
    if (selected.value("all", true) == false) {
      query.included.emplace();
      for (const json& id : selected.value("included", json::array()))
        if (id.is_number_integer()) query.included->insert(id.get<int64_t>());
    } else {
      for (const json& id : selected.value("excluded", json::array()))
        if (id.is_number_integer()) query.excluded.insert(id.get<int64_t>());
    }
  }
  const json filters = parsed.value("filters", json());
  if (filters.is_object()) {
    for (const json& item : filters.value("items", json::array())) {
      const std::string filter = item.value("filter", "");
      if (filter == "filter:tasks:completed_at" && item.value("operator", "") == "empty" && item.contains("value") &&
          item["value"].is_boolean()) {
        query.completed = !item["value"].get<bool>();
        continue;
      }
      return MakeError(ErrorCode::kInvalid, "filter '" + filter + "' is not supported",
                       {{"", "query", "only filter:tasks:completed_at with operator empty is supported"}});
    }
  }
  if (parsed.contains("ordering") && parsed["ordering"].is_array() && !parsed["ordering"].empty())
    return MakeError(ErrorCode::kInvalid, "ordering is not supported: tasks come in id order",
                     {{"", "query", "ordering is not supported"}});
  return query;
}

Result<bool> Selected(RequestContext& context, const TaskQuery& query, const Record& record) {
  if (query.included && !query.included->count(record.id)) return false;
  if (query.excluded.count(record.id)) return false;
  if (!query.completed) return true;
  QUORUM_ASSIGN_OR_RETURN(std::vector<Response> responses, context.store.ListResponses(record.id));
  int submitted = 0;
  for (const Response& response : responses) submitted += response.status == ResponseStatus::kSubmitted ? 1 : 0;
  return (submitted >= OverlapOf(*context.project)) == *query.completed;
}

struct TaskPage {
  std::vector<Record> records;
  int64_t total = 0;  // selected tasks in the whole project
  // The whole selection's submitted annotations and predictions, when known without reading
  // every task (an unfiltered query: the project's totals).
  std::optional<int64_t> total_annotations, total_predictions;
};

bool SelectsAll(const TaskQuery& query) { return !query.included && query.excluded.empty() && !query.completed; }

// An unfiltered page: the records at its offset and the project's totals, read without a pass
// over the project (Store::TotalsOf, Store::ListRecordsPage), so paging through a project costs
// what Label Studio's own OFFSET paging costs.
Result<TaskPage> PageOfAllTasks(RequestContext& context, int64_t page, int64_t page_size) {
  TaskPage result;
  const Project& project = *context.project;
  QUORUM_ASSIGN_OR_RETURN(ProjectTotals totals, context.store.TotalsOf(project.id, OverlapOf(project)));
  result.total = totals.records;
  result.total_annotations = totals.submitted;
  result.total_predictions = totals.suggestion_sets;
  if (page_size > 0) {
    const int64_t first = (page - 1) * page_size;
    if (first >= totals.records) return result;
    const int64_t limit = std::min(page_size, totals.records - first);
    QUORUM_ASSIGN_OR_RETURN(result.records, context.store.ListRecordsPage(project.id, first, static_cast<int>(limit)));
    return result;
  }
  int64_t after = 0;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(std::vector<Record> chunk, context.store.ListRecords(project.id, after, 1000));
    if (chunk.empty()) return result;
    after = chunk.back().id;
    for (Record& record : chunk) result.records.push_back(std::move(record));
  }
}

// Page `page` (from 1) of `page_size` selected records in id order; page_size -1 is all. A
// filtered query reads the project's records to select them.
Result<TaskPage> PageOfTasks(RequestContext& context, const TaskQuery& query, int64_t page, int64_t page_size) {
  if (SelectsAll(query)) return PageOfAllTasks(context, page, page_size);
  TaskPage result;
  const int64_t first = page_size < 0 ? 0 : (page - 1) * page_size;
  int64_t after = 0;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(std::vector<Record> chunk, context.store.ListRecords(context.project->id, after, 1000));
    if (chunk.empty()) break;
    after = chunk.back().id;
    for (Record& record : chunk) {
      QUORUM_ASSIGN_OR_RETURN(bool selected, Selected(context, query, record));
      if (!selected) continue;
      const int64_t position = result.total++;
      if (position >= first && (page_size < 0 || position < first + page_size)) result.records.push_back(std::move(record));
    }
  }
  return result;
}

Result<std::pair<int64_t, int64_t>> PageParameters(const HttpRequest& request, int64_t default_size) {
  QUORUM_ASSIGN_OR_RETURN(int64_t page, QueryInteger(request, "page", 1));
  QUORUM_ASSIGN_OR_RETURN(int64_t page_size, QueryInteger(request, "page_size", default_size));
  if (page < 1) return MakeError(ErrorCode::kNotFound, "Invalid page.");
  if (page_size == 0 || page_size < -1) return MakeError(ErrorCode::kInvalid, "page_size must be positive, or -1 for all");
  return std::make_pair(page, page_size);
}

// GET /api/tasks?project=ID: {"tasks", "total", "total_annotations", "total_predictions"}; a page
// past the last answers 404, which is how the SDK's get_tasks knows it has them all.
HttpResponse ListTasks(RequestContext& context) {
  Result<int64_t> project_id = QueryInteger(context.request, "project", 0);
  if (!project_id.ok()) return LsError(project_id.error());
  if (*project_id <= 0) return LsError(MakeError(ErrorCode::kInvalid, "send ?project=ID", {{"", "project", "required"}}));
  Status loaded = LoadProjectForCaller(context, *project_id, Role::kReviewer);
  if (!loaded.ok()) return LsError(loaded.error());
  Result<std::pair<int64_t, int64_t>> paging = PageParameters(context.request, 100);
  if (!paging.ok()) return LsError(paging.error());
  Result<TaskQuery> query = ParseTaskQuery(context.request);
  if (!query.ok()) return LsError(query.error());
  Result<TaskPage> page = PageOfTasks(context, *query, paging->first, paging->second);
  if (!page.ok()) return LsError(page.error());
  if (page->records.empty() && paging->first > 1) return LsError(MakeError(ErrorCode::kNotFound, "Invalid page."));
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  const bool only_ids = context.request.Query("include").value_or("") == "id";
  json tasks = json::array();
  int64_t annotations = 0, predictions = 0;
  for (const Record& record : page->records) {
    Result<json> task = LsTaskForCaller(context, *config, record);
    if (!task.ok()) return LsError(task.error());
    annotations += (*task)["total_annotations"].get<int64_t>();
    predictions += (*task)["total_predictions"].get<int64_t>();
    tasks.push_back(only_ids ? json{{"id", record.id}} : std::move(*task));
  }
  return JsonResponse(200, {{"tasks", tasks},
                            {"total", page->total},
                            {"total_annotations", page->total_annotations.value_or(annotations)},
                            {"total_predictions", page->total_predictions.value_or(predictions)}});
}

// GET /api/projects/{id}/tasks: a plain list of tasks; past the last page, an empty list.
HttpResponse ListProjectTasks(RequestContext& context) {
  Result<std::pair<int64_t, int64_t>> paging = PageParameters(context.request, 100);
  if (!paging.ok()) return LsError(paging.error());
  Result<TaskPage> page = PageOfTasks(context, TaskQuery{}, paging->first, paging->second);
  if (!page.ok()) return LsError(page.error());
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  json tasks = json::array();
  for (const Record& record : page->records) {
    Result<json> task = LsTaskForCaller(context, *config, record);
    if (!task.ok()) return LsError(task.error());
    tasks.push_back(std::move(*task));
  }
  return JsonResponse(200, tasks);
}

HttpResponse GetTask(RequestContext& context) {
  Result<bool> visible = MaySeeRecord(context, *context.record);
  if (!visible.ok()) return LsError(visible.error());
  if (!*visible) return LsError(MakeError(ErrorCode::kNotFound, "Not found."));
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  Result<json> task = LsTaskForCaller(context, *config, *context.record);
  if (!task.ok()) return LsError(task.error());
  return JsonResponse(200, *task);
}

// PATCH /api/tasks/{id}: new "data" (split into fields and metadata by the config, validated
// like an import) and "meta". Other keys are read-only here, as they are derived.
HttpResponse PatchTask(RequestContext& context) {
  Result<json> body = ParseJsonBody(context.request);
  if (!body.ok()) return LsError(body.error());
  if (!body->is_object()) return LsError(MakeError(ErrorCode::kInvalid, "send a JSON object"));
  Result<LabelConfig> config = LsConfigOf(context);
  if (!config.ok()) return LsError(config.error());
  Record record = *context.record;
  if (body->contains("data")) {
    if (!(*body)["data"].is_object())
      return LsError(MakeError(ErrorCode::kInvalid, "data must be an object", {{"", "data", "expected an object"}}));
    json fields = json::object(), metadata = json::object();
    SplitTaskData(*config, json((*body)["data"]), fields, metadata);
    if (auto meta = record.metadata.find(kTaskMetaKey); meta != record.metadata.end()) metadata[kTaskMetaKey] = *meta;
    std::vector<Problem> problems = ValidateRecordFields(context.project->schema, fields, "data");
    for (Problem& problem : ValidateMetadata(context.project->schema, metadata, "data")) problems.push_back(std::move(problem));
    if (!problems.empty()) return LsError(MakeError(ErrorCode::kInvalid, "the task data is not valid", std::move(problems)));
    record.fields = std::move(fields);
    record.metadata = std::move(metadata);
  }
  if (body->contains("meta")) {
    const json& meta = (*body)["meta"];
    if (meta.is_object() && !meta.empty()) record.metadata[kTaskMetaKey] = meta;
    else record.metadata.erase(kTaskMetaKey);
  }
  Status updated = context.store.UpdateRecord(record);
  if (!updated.ok()) return LsError(updated.error());
  Result<json> task = LsTaskForCaller(context, *config, record);
  if (!task.ok()) return LsError(task.error());
  return JsonResponse(200, *task);
}

HttpResponse DeleteTask(RequestContext& context) {
  Status deleted = context.store.DeleteRecord(context.record->id);
  if (!deleted.ok()) return LsError(deleted.error());
  HttpResponse response;
  response.status = 204;
  return response;
}

}  // namespace

void AddLabelStudioTaskRoutes(std::vector<Route>& routes) {
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  const Access reviewers{Scope::kProject, Role::kReviewer};
  const Access on_record{Scope::kRecord, Role::kAnnotator};
  const Access record_managers{Scope::kRecord, Role::kManager};
  routes.push_back({"GET", "/api/tasks", signed_in, "Label Studio API: tasks of ?project= (reviewers), paginated", ListTasks});
  routes.push_back({"GET", "/api/projects/{id}/tasks", reviewers, "Label Studio API: a project's tasks, paginated", ListProjectTasks});
  routes.push_back({"GET", "/api/tasks/{id}", on_record, "Label Studio API: a task (annotators: only one given to them)", GetTask});
  routes.push_back({"PATCH", "/api/tasks/{id}", record_managers, "Label Studio API: change a task's data or meta", PatchTask});
  routes.push_back({"DELETE", "/api/tasks/{id}", record_managers, "Label Studio API: delete a task with its answers", DeleteTask});
}

}  // namespace quorum
