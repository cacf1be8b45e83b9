#include "http/openapi.h"

#include <algorithm>
#include <cctype>

namespace quorum {

const std::vector<DocumentedOperation>& DocumentedOperations() {
  static const std::vector<DocumentedOperation> operations = {
      {"GET", "/healthz", "liveness: the process answers", {}, false, {200}},
      {"GET", "/readyz", "readiness: the database answers", {}, false, {200, 503}},
      {"GET", "/api/v1/openapi.json", "this document", {}, false, {200}},
      {"POST", "/api/v1/auth/login", "log in with email and password; sets an HttpOnly session cookie and returns the CSRF token", {}, true, {200}},
      {"POST", "/api/v1/auth/logout", "end the session", {}, false, {200}},
      {"GET", "/api/v1/me", "the caller, their workspaces and roles", {}, false, {200}},
      {"GET", "/api/v1/tokens", "the caller's API tokens (without keys)", {}, false, {200}},
      {"POST", "/api/v1/tokens", "create an API token; the key is in the answer, once", {}, true, {201}},
      {"DELETE", "/api/v1/tokens/{id}", "revoke a token", {}, false, {200}},
      {"GET", "/api/v1/workspaces", "the caller's workspaces", {}, false, {200}},
      {"POST", "/api/v1/workspaces", "create a workspace (owners)", {}, true, {201}},
      {"GET", "/api/v1/workspaces/{id}/members", "members with roles (managers)", {}, false, {200}},
      {"PUT", "/api/v1/workspaces/{id}/members", "add a member, creating the account if needed, or change a role (managers)", {}, true, {200, 201}},
      {"PATCH", "/api/v1/workspaces/{id}/members/{user_id}", "change a member's name, tier (0-100) or specializations, which decide the records they are given (managers)", {}, true, {200}},
      {"GET", "/api/v1/projects", "projects of the caller's workspaces", {}, false, {200}},
      {"POST", "/api/v1/projects", "create a project from a template or a schema (managers)", {}, true, {201}},
      {"GET", "/api/v1/templates", "the built-in project templates, each with the schema, guidelines and settings a project created from it gets ({\"template\": name} in POST /api/v1/projects)", {}, false, {200}},
      {"GET", "/api/v1/projects/{id}", "a project with its schema, settings and record count", {}, false, {200}},
      {"PATCH", "/api/v1/projects/{id}", "change name, guidelines (bumps their version) or settings (merge patch)", {}, true, {200}},
      {"DELETE", "/api/v1/projects/{id}", "delete a project with all its data", {}, false, {200}},
      {"GET", "/api/v1/projects/{id}/export", "export the project, sent from a spooled file: jsonl, csv (a row per record: fields, majority answers, agreement), or a training format (dpo, dpo-chat, reward, kto, sft-messages, sft-alpaca, sft-prompt-completion, ranking-pairs) with the summary in X-Quorum-Export-Summary", {"format", "question", "prompt_field", "completion_field", "method", "min_agreement", "min_annotators", "ties", "gold", "calibration", "test_ratio", "seed", "provenance", "ranking_pairs", "kto_threshold", "kto_desirable", "only_accepted", "summary"}, false, {200}},
      {"POST", "/api/v1/projects/{id}/records", "import records from the body (JSON array, JSON Lines or CSV): all or nothing", {"format", "on_duplicate", "create_users"}, true, {201}},
      {"GET", "/api/v1/projects/{id}/records", "list records (reviewers)", {"after", "limit", "metadata_key", "metadata_value", "response_status", "annotator", "unanswered", "q"}, false, {200}},
      {"POST", "/api/v1/projects/{id}/suggestions", "add or replace suggestions (managers)", {}, true, {200}},
      {"GET", "/api/v1/projects/{id}/next", "the caller's next record, held for them, with \"reservation\": {expires_at} and \"progress\": {mine: {done, total}, project: {done, total, complete}}; 404 no_more_records when none is left, 404 paused when a manager paused the project or the caller, 403 suspended (with error.suspension: gold {answered, correct, accuracy}, threshold, after, reason) when the gold rule suspends the caller", {}, false, {200}},
      {"GET", "/api/v1/records/{id}", "a record (annotators: only one given to them)", {}, false, {200}},
      {"GET", "/api/v1/records/{id}/responses", "responses to the record (annotators: only their own)", {}, false, {200}},
      {"POST", "/api/v1/records/{id}/responses", "answer the record: {values, status, time_spent_ms}", {}, true, {201}},
      {"GET", "/api/v1/responses/{id}", "a response with its revisions", {}, false, {200}},
      {"PATCH", "/api/v1/responses/{id}", "change a response; every change is kept as a revision (a change of values or status clears its review)", {}, true, {200}},
      {"POST", "/api/v1/responses/{id}/review", "review a submitted response: {verdict: accepted|rejected, comment?}; replaces its review; 409 for a draft or discarded response, 403 for the reviewer's own (reviewers)", {}, true, {200}},
      {"DELETE", "/api/v1/responses/{id}/review", "clear a response's review (reviewers)", {}, false, {200}},
      {"POST", "/api/v1/projects/{id}/reviews", "review many responses of the project: [{response_id, verdict, comment?}], all or nothing (reviewers)", {}, true, {200}},
      {"GET", "/api/v1/projects/{id}/agreement", "agreement per question, as `quorum agreement --json` (reviewers)", {"question"}, false, {200}},
      {"GET", "/api/v1/projects/{id}/aggregates", "aggregated answer per record and question, paged; method=bradley-terry gives a model leaderboard (reviewers)", {"question", "method", "ties", "offset", "limit"}, false, {200}},
      {"GET", "/api/v1/projects/{id}/annotators", "annotator scores: gold accuracy, peer agreement, time, overrides, flags (managers)", {}, false, {200}},
      // Label Studio's API (docs/labelstudio.md): its shapes and status codes, its error shape
      // {"status_code", "detail", "validation_errors"} from handlers.
      {"GET", "/api/version", "Label Studio API: the Label Studio release whose API is served", {}, false, {200}},
      {"GET", "/api/health", "Label Studio API: {\"status\": \"UP\"}", {}, false, {200, 503}},
      {"GET", "/health", "Label Studio API: {\"status\": \"UP\"} (the SDK's check_connection)", {}, false, {200, 503}},
      {"GET", "/api/current-user/whoami", "Label Studio API: the caller as a Label Studio user", {}, false, {200}},
      {"GET", "/api/projects", "Label Studio API: projects, newest first, paginated {count, next, previous, results}", {"page", "page_size"}, false, {200}},
      {"POST", "/api/projects", "Label Studio API: create a project from title, label_config, ... (managers)", {}, true, {201}},
      {"POST", "/api/projects/validate", "Label Studio API: check a label config; 204, or 400 {label_config: [...]}", {}, true, {204}},
      {"GET", "/api/projects/{id}", "Label Studio API: a project with its counters", {}, false, {200}},
      {"PATCH", "/api/projects/{id}", "Label Studio API: change title, label_config (layout only once there are tasks), settings", {}, true, {200}},
      {"DELETE", "/api/projects/{id}", "Label Studio API: delete a project with its tasks", {}, false, {204}},
      {"POST", "/api/projects/{id}/validate", "Label Studio API: whether the project can take a new config", {}, true, {200}},
      {"GET", "/api/projects/{id}/export", "Label Studio API: export JSON (annotated tasks, or all), JSON_MIN or CSV", {"exportType", "download_all_tasks"}, false, {200}},
      {"POST", "/api/projects/{id}/import", "Label Studio API: import tasks from a JSON body or uploaded JSON files (all or nothing)", {"return_task_ids", "preannotated_from_fields"}, true, {201}},
      {"GET", "/api/tasks", "Label Studio API: tasks of a project (reviewers), {tasks, total, ...}; 404 past the last page", {"project", "page", "page_size", "query", "include"}, false, {200}},
      {"GET", "/api/projects/{id}/tasks", "Label Studio API: a project's tasks as a list (reviewers)", {"page", "page_size"}, false, {200}},
      {"GET", "/api/tasks/{id}", "Label Studio API: a task with the annotations and predictions the caller may see", {}, false, {200}},
      {"PATCH", "/api/tasks/{id}", "Label Studio API: change a task's data or meta (managers)", {}, true, {200}},
      {"DELETE", "/api/tasks/{id}", "Label Studio API: delete a task with its annotations (managers)", {}, false, {204}},
      {"GET", "/api/tasks/{id}/annotations", "Label Studio API: a task's annotations (annotators: their own)", {}, false, {200}},
      {"POST", "/api/tasks/{id}/annotations", "Label Studio API: annotate a task: {result, was_cancelled, lead_time}", {}, true, {201}},
      {"GET", "/api/annotations/{id}", "Label Studio API: an annotation (annotators: their own)", {}, false, {200}},
      {"PATCH", "/api/annotations/{id}", "Label Studio API: change an annotation (author or manager)", {}, true, {200}},
      {"DELETE", "/api/annotations/{id}", "Label Studio API: delete an annotation (author or manager)", {}, false, {204}},
      {"POST", "/api/predictions", "Label Studio API: add a prediction {task, result, score, model_version} (managers)", {}, true, {201}},
      {"GET", "/api/predictions", "Label Studio API: a task's predictions (reviewers)", {"task"}, false, {200}},
      {"POST", "/api/projects/{id}/import/predictions", "Label Studio API: add predictions [{task, result, score, model_version}] to tasks of the project (managers; all or nothing)", {}, true, {201}},
      {"GET", "/api/v1/projects/{id}/my-work", "the caller's own responses in the project (100 a page) and their counts", {"after"}, false, {200}},
      {"GET", "/api/users", "Label Studio API: users as a list (the caller, and the members of workspaces they manage)", {}, false, {200}},
      {"GET", "/api/users/{id}", "Label Studio API: one of those users; 404 for any other", {}, false, {200}},
      {"GET", "/api/projects/{id}/export/formats", "Label Studio API: the export formats (JSON, JSON_MIN, CSV) (managers)", {}, false, {200}},
      {"GET", "/api/webhooks", "Label Studio API: webhooks are not served: 501 with the reason and what to use", {}, false, {501}},
      {"POST", "/api/webhooks", "Label Studio API: webhooks are not served: 501 with the reason and what to use", {}, true, {501}},
      {"GET", "/api/ml", "Label Studio API: ML backends are not served: 501 with the reason and what to use", {}, false, {501}},
      {"POST", "/api/ml", "Label Studio API: ML backends are not served: 501 with the reason and what to use", {}, true, {501}},
      {"GET", "/api/storages", "Label Studio API: cloud storages are not served: 501 with the reason and what to use", {}, false, {501}},
      {"GET", "/api/storages/{kind}", "Label Studio API: cloud storages (s3, gcs, azure, ...) are not served: 501", {}, false, {501}},
      {"POST", "/api/storages/{kind}", "Label Studio API: cloud storages (s3, gcs, azure, ...) are not served: 501", {}, true, {501}},
      {"GET", "/api/storages/export/{kind}", "Label Studio API: export storages are not served: 501", {}, false, {501}},
      {"POST", "/api/storages/export/{kind}", "Label Studio API: export storages are not served: 501", {}, true, {501}},
      {"GET", "/api/v1/projects/{id}/queue", "distribution queue (managers): records by state, live reservations, per-annotator counts (with gold tally, paused, suspended)", {}, false, {200}},
      {"POST", "/api/v1/projects/{id}/pause", "stop handing out records in the project (managers)", {}, false, {200}},
      {"POST", "/api/v1/projects/{id}/resume", "hand out records again (managers)", {}, false, {200}},
      {"POST", "/api/v1/projects/{id}/annotators/{user_id}/pause", "stop handing records to one annotator (managers)", {}, false, {200}},
      {"POST", "/api/v1/projects/{id}/annotators/{user_id}/resume", "hand records to the annotator again (managers)", {}, false, {200}},
      {"POST", "/api/v1/projects/{id}/annotators/{user_id}/reinstate", "lift a gold suspension: the annotator's gold tally starts afresh, only gold answered from now on counts (managers)", {}, false, {200}},
      {"POST", "/api/v1/projects/{id}/uncertainty", "set records' uncertainty scores: [{record_id, score (null clears)}], all or nothing, every record in the project (managers)", {}, true, {200}},
  };
  return operations;
}

std::vector<std::string> PathParameters(std::string_view path) {
  std::vector<std::string> names;
  for (size_t open = path.find('{'); open != std::string_view::npos; open = path.find('{', open + 1)) {
    const size_t close = path.find('}', open);
    if (close == std::string_view::npos) break;
    names.emplace_back(path.substr(open + 1, close - open - 1));
  }
  return names;
}

nlohmann::json OpenApiDocument() {
  nlohmann::json paths = nlohmann::json::object();
  const nlohmann::json error_response = {
      {"description", "an error"},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
  for (const DocumentedOperation& operation : DocumentedOperations()) {
    std::string method = operation.method;
    std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::tolower(c); });
    nlohmann::json op = {{"summary", operation.summary}, {"responses", nlohmann::json::object()}};
    nlohmann::json parameters = nlohmann::json::array();
    for (const std::string& name : PathParameters(operation.path)) {
      // Ids are numbers; {kind} (a storage's) is a word.
      const char* type = name == "id" || name.ends_with("_id") ? "integer" : "string";
      parameters.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", type}}}});
    }
    for (const std::string& name : operation.query)
      parameters.push_back({{"name", name}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
    if (!parameters.empty()) op["parameters"] = parameters;
    if (operation.json_body)
      op["requestBody"] = {{"required", true}, {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    for (int status : operation.statuses) op["responses"][std::to_string(status)] = {{"description", "success"}};
    for (const char* status : {"400", "401", "403", "404", "409", "413", "429", "500"})
      op["responses"][status] = error_response;
    if (operation.path.rfind("/api/v1/auth/login", 0) != 0 && operation.path != "/healthz" &&
        operation.path != "/readyz" && operation.path != "/api/v1/openapi.json" && operation.path != "/api/version" &&
        operation.path != "/api/health" && operation.path != "/health")
      op["security"] = nlohmann::json::array({{{"token", nlohmann::json::array()}}, {{"session", nlohmann::json::array()}}});
    paths[operation.path][method] = op;
  }
  return {
      {"openapi", "3.0.3"},
      {"info", {{"title", "Quorum API"}, {"version", "1"}}},
      {"paths", paths},
      {"components",
       {{"securitySchemes",
         {{"token", {{"type", "apiKey"}, {"in", "header"}, {"name", "Authorization"},
                     {"description", "'Token <key>' or 'Bearer <key>' (quorum token create)"}}},
          {"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "quorum_session"},
                       {"description", "from POST /api/v1/auth/login; writes need the X-CSRF-Token header"}}}}},
        {"schemas",
         {{"Error",
           {{"type", "object"},
            {"properties",
             {{"error",
               {{"type", "object"},
                {"properties",
                 {{"code", {{"type", "string"}}},
                  {"message", {{"type", "string"}}},
                  {"details", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}}}}}}}}}};
}

}  // namespace quorum
