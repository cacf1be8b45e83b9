// POST /api/projects/{id}/import: Label Studio tasks (with predictions and annotations) from a
// JSON body or from JSON files uploaded as multipart/form-data (the SDK's import_tasks with a
// path). All or nothing, through the importer's Label Studio format.
#include <chrono>

#include "http/api_error.h"
#include "http/ls_api.h"
#include "http/multipart_form.h"
#include "io/byte_source.h"
#include "io/importer.h"

namespace quorum {
namespace {

using nlohmann::json;

void AppendTasks(json document, json& tasks) {
  if (document.is_array()) {
    for (json& task : document) tasks.push_back(std::move(task));
  } else {
    tasks.push_back(std::move(document));
  }
}

// The tasks of the request: its JSON body (a list, or one task), or every uploaded file.
Result<json> RequestTasks(const HttpRequest& request) {
  json tasks = json::array();
  const std::string_view type = request.Header("content-type");
  if (!IsMultipartForm(type)) {
    json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !(body.is_array() || body.is_object()))
      return MakeError(ErrorCode::kInvalid, "send a JSON list of tasks, or upload JSON files as multipart/form-data",
                       {{"", "tasks", "the body is not a JSON list or object"}});
    AppendTasks(std::move(body), tasks);
    return tasks;
  }
  QUORUM_ASSIGN_OR_RETURN(std::vector<FormPart> parts, ParseMultipartForm(type, request.body));
  bool any_file = false;
  for (const FormPart& part : parts) {
    if (part.filename.empty()) continue;
    any_file = true;
    json document = json::parse(part.body, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded() || !(document.is_array() || document.is_object()))
      return MakeError(ErrorCode::kInvalid, "file '" + part.filename + "' is not a JSON task list",
                       {{part.filename, "file", "only JSON task files (a list of tasks, or one task) can be imported"}});
    AppendTasks(std::move(document), tasks);
  }
  if (!any_file) return MakeError(ErrorCode::kInvalid, "the multipart form has no file", {{"", "file", "upload a JSON task file"}});
  return tasks;
}

// preannotated_from_fields=a,b: flat tasks whose keys a, b hold results become tasks with those
// results as predictions and the other keys as data, as Label Studio's import does.
void MovePreannotations(const std::vector<std::string>& fields, json& task) {
  if (!task.is_object() || task.contains("data")) return;
  json data = task;
  json predictions = json::array();
  for (const std::string& field : fields) {
    if (!data.contains(field)) continue;
    json result = std::move(data[field]);
    data.erase(field);
    predictions.push_back({{"result", result.is_array() ? result : json::array({result})}});
  }
  task = {{"data", std::move(data)}, {"predictions", std::move(predictions)}};
}

// Label Studio gives imported tasks new ids and imported annotations without completed_by to the
// importing user; so does this route.
void Normalize(json& task, const std::string& caller_email) {
  if (!task.is_object() || !task.contains("data")) return;
  task.erase("id");
  for (const char* list : {"annotations", "completions", "drafts"}) {
    auto items = task.find(list);
    if (items == task.end() || !items->is_array()) continue;
    for (json& item : *items)
      if (item.is_object() && !item.contains("completed_by") && !item.contains("user"))
        item["completed_by"] = {{"email", caller_email}};
  }
}

std::size_t CountItems(const json& tasks, const char* key) {
  std::size_t count = 0;
  for (const json& task : tasks)
    if (task.is_object() && task.contains(key) && task[key].is_array()) count += task[key].size();
  return count;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) parts.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

HttpResponse ImportTasks(RequestContext& context) {
  const auto started = std::chrono::steady_clock::now();
  Result<json> tasks = RequestTasks(context.request);
  if (!tasks.ok()) return LsError(tasks.error());
  Result<bool> return_ids = LsQueryFlag(context.request, "return_task_ids", false);
  if (!return_ids.ok()) return LsError(return_ids.error());
  const std::vector<std::string> preannotated = SplitCommas(context.request.Query("preannotated_from_fields").value_or(""));
  // One task per line, so that the importer's line numbers count tasks: "task:3" is the third.
  std::string text = "[";
  for (std::size_t index = 0; index < tasks->size(); ++index) {
    json& task = (*tasks)[index];
    if (!preannotated.empty()) MovePreannotations(preannotated, task);
    Normalize(task, context.caller->user.email);
    text += (index > 0 ? ",\n" : "") + task.dump();
  }
  text += "]";
  ImportOptions options;
  options.format = ImportFormat::kLabelStudio;
  options.create_users = true;  // annotators named by a Label Studio user id (labelstudio_users.h)
  options.collect_record_ids = *return_ids;
  Result<ImportReport> report =
      ImportRecords(context.store, *context.project, StringSource(std::move(text), "task"), options, context.clock);
  if (!report.ok()) return LsError(report.error());
  const double duration = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  json answer = {{"task_count", report->records},
                 {"annotation_count", CountItems(*tasks, "annotations") + CountItems(*tasks, "completions")},
                 {"prediction_count", CountItems(*tasks, "predictions")},
                 {"duration", duration},
                 {"file_upload_ids", json::array()},
                 {"could_be_tasks_list", false},
                 {"found_formats", json::array()},
                 {"data_columns", json::array()},
                 {"users_created", report->users_created}};
  if (*return_ids) answer["task_ids"] = report->record_ids;
  return JsonResponse(201, answer);
}

}  // namespace

void AddLabelStudioImportRoutes(std::vector<Route>& routes) {
  routes.push_back({"POST", "/api/projects/{id}/import", Access{Scope::kProject, Role::kManager},
                    "Label Studio API: import tasks (JSON body or uploaded JSON files; all or nothing)", ImportTasks});
}

}  // namespace quorum
