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
      {"GET", "/api/v1/projects", "projects of the caller's workspaces", {}, false, {200}},
      {"POST", "/api/v1/projects", "create a project from a template or a schema (managers)", {}, true, {201}},
      {"GET", "/api/v1/projects/{id}", "a project with its schema, settings and record count", {}, false, {200}},
      {"PATCH", "/api/v1/projects/{id}", "change name, guidelines (bumps their version) or settings (merge patch)", {}, true, {200}},
      {"DELETE", "/api/v1/projects/{id}", "delete a project with all its data", {}, false, {200}},
      {"GET", "/api/v1/projects/{id}/export", "export the project: jsonl, or a training format (dpo, dpo-chat, reward, kto, sft-messages, sft-alpaca, sft-prompt-completion, ranking-pairs) with the summary in X-Quorum-Export-Summary", {"format", "question", "prompt_field", "completion_field", "method", "min_agreement", "min_annotators", "ties", "gold", "calibration", "test_ratio", "seed", "provenance", "ranking_pairs", "kto_threshold", "kto_desirable", "summary"}, false, {200}},
      {"POST", "/api/v1/projects/{id}/records", "import records from the body (JSON array, JSON Lines or CSV): all or nothing", {"format", "on_duplicate", "create_users"}, true, {201}},
      {"GET", "/api/v1/projects/{id}/records", "list records (reviewers)", {"after", "limit", "metadata_key", "metadata_value", "response_status", "annotator", "unanswered", "q"}, false, {200}},
      {"POST", "/api/v1/projects/{id}/suggestions", "add or replace suggestions (managers)", {}, true, {200}},
      {"GET", "/api/v1/projects/{id}/next", "the caller's next record; 404 no_more_records when none is left", {}, false, {200}},
      {"GET", "/api/v1/records/{id}", "a record (annotators: only one given to them)", {}, false, {200}},
      {"GET", "/api/v1/records/{id}/responses", "responses to the record (annotators: only their own)", {}, false, {200}},
      {"POST", "/api/v1/records/{id}/responses", "answer the record: {values, status, time_spent_ms}", {}, true, {201}},
      {"GET", "/api/v1/responses/{id}", "a response with its revisions", {}, false, {200}},
      {"PATCH", "/api/v1/responses/{id}", "change a response; every change is kept as a revision", {}, true, {200}},
  };
  return operations;
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
    if (operation.path.find("{id}") != std::string::npos)
      parameters.push_back({{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}});
    for (const std::string& name : operation.query)
      parameters.push_back({{"name", name}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
    if (!parameters.empty()) op["parameters"] = parameters;
    if (operation.json_body)
      op["requestBody"] = {{"required", true}, {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    for (int status : operation.statuses) op["responses"][std::to_string(status)] = {{"description", "success"}};
    for (const char* status : {"400", "401", "403", "404", "409", "413", "429", "500"})
      op["responses"][status] = error_response;
    if (operation.path.rfind("/api/v1/auth/login", 0) != 0 && operation.path != "/healthz" &&
        operation.path != "/readyz" && operation.path != "/api/v1/openapi.json")
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
