// Every route, called as every role and as nobody: the permission rules of the README, checked
// against the real router. A route without an entry in kExpectations fails this test.
#include <map>
#include <string>

#include "api_fixture.h"
#include "http/openapi.h"

namespace quorum::testing {
namespace {

enum class Needs {
  kNothing,           // public
  kSignedIn,          // any signed-in user (the handler narrows what they see)
  kWorkspaceManager,  // {id} is the team workspace
  kProjectAnnotator,
  kProjectReviewer,
  kProjectManager,
  kRecordAnnotator,
  kResponseAnnotator,
  kResponseAuthorOrManager,  // the author (here: the annotator) or a manager
  kResponseReviewer,
  kRecordManager,
};

// Written from the README's permission table, not from the route table.
const std::map<std::string, Needs> kExpectations = {
    {"GET /healthz", Needs::kNothing},
    {"GET /readyz", Needs::kNothing},
    {"GET /api/v1/openapi.json", Needs::kNothing},
    {"POST /api/v1/auth/login", Needs::kNothing},
    {"POST /api/v1/auth/logout", Needs::kSignedIn},
    {"GET /api/v1/me", Needs::kSignedIn},
    {"GET /api/v1/tokens", Needs::kSignedIn},
    {"POST /api/v1/tokens", Needs::kSignedIn},
    {"DELETE /api/v1/tokens/{id}", Needs::kSignedIn},
    {"GET /api/v1/workspaces", Needs::kSignedIn},
    {"POST /api/v1/workspaces", Needs::kSignedIn},
    {"GET /api/v1/workspaces/{id}/members", Needs::kWorkspaceManager},
    {"PUT /api/v1/workspaces/{id}/members", Needs::kWorkspaceManager},
    {"PATCH /api/v1/workspaces/{id}/members/{user_id}", Needs::kWorkspaceManager},
    {"GET /api/v1/projects", Needs::kSignedIn},
    {"POST /api/v1/projects", Needs::kSignedIn},
    {"GET /api/v1/templates", Needs::kSignedIn},
    {"GET /api/v1/projects/{id}", Needs::kProjectAnnotator},
    {"PATCH /api/v1/projects/{id}", Needs::kProjectManager},
    {"DELETE /api/v1/projects/{id}", Needs::kProjectManager},
    {"GET /api/v1/projects/{id}/export", Needs::kProjectManager},
    {"POST /api/v1/projects/{id}/records", Needs::kProjectManager},
    {"GET /api/v1/projects/{id}/records", Needs::kProjectReviewer},
    {"POST /api/v1/projects/{id}/suggestions", Needs::kProjectManager},
    {"GET /api/v1/projects/{id}/next", Needs::kProjectAnnotator},
    {"GET /api/v1/records/{id}", Needs::kRecordAnnotator},
    {"GET /api/v1/records/{id}/responses", Needs::kRecordAnnotator},
    {"POST /api/v1/records/{id}/responses", Needs::kRecordAnnotator},
    {"GET /api/v1/responses/{id}", Needs::kResponseAnnotator},
    {"PATCH /api/v1/responses/{id}", Needs::kResponseAuthorOrManager},
    {"GET /api/v1/projects/{id}/agreement", Needs::kProjectReviewer},
    {"GET /api/v1/projects/{id}/aggregates", Needs::kProjectReviewer},
    {"GET /api/v1/projects/{id}/annotators", Needs::kProjectManager},
    // Label Studio's API (docs/labelstudio.md): the same rules as /api/v1.
    {"GET /api/version", Needs::kNothing},
    {"GET /api/health", Needs::kNothing},
    {"GET /health", Needs::kNothing},
    {"GET /api/current-user/whoami", Needs::kSignedIn},
    {"GET /api/projects", Needs::kSignedIn},
    {"POST /api/projects", Needs::kSignedIn},
    {"POST /api/projects/validate", Needs::kSignedIn},
    {"GET /api/projects/{id}", Needs::kProjectAnnotator},
    {"PATCH /api/projects/{id}", Needs::kProjectManager},
    {"DELETE /api/projects/{id}", Needs::kProjectManager},
    {"POST /api/projects/{id}/validate", Needs::kProjectManager},
    {"GET /api/projects/{id}/export", Needs::kProjectManager},
    {"POST /api/projects/{id}/import", Needs::kProjectManager},
    {"GET /api/tasks", Needs::kSignedIn},
    {"GET /api/projects/{id}/tasks", Needs::kProjectReviewer},
    {"GET /api/tasks/{id}", Needs::kRecordAnnotator},
    {"PATCH /api/tasks/{id}", Needs::kRecordManager},
    {"DELETE /api/tasks/{id}", Needs::kRecordManager},
    {"GET /api/tasks/{id}/annotations", Needs::kRecordAnnotator},
    {"POST /api/tasks/{id}/annotations", Needs::kRecordAnnotator},
    {"GET /api/annotations/{id}", Needs::kResponseAnnotator},
    {"PATCH /api/annotations/{id}", Needs::kResponseAuthorOrManager},
    {"DELETE /api/annotations/{id}", Needs::kResponseAuthorOrManager},
    {"POST /api/predictions", Needs::kSignedIn},
    {"GET /api/predictions", Needs::kSignedIn},
    {"POST /api/projects/{id}/import/predictions", Needs::kProjectManager},
    {"GET /api/v1/projects/{id}/my-work", Needs::kProjectAnnotator},
    {"GET /api/v1/projects/{id}/queue", Needs::kProjectManager},
    {"GET /api/users", Needs::kSignedIn},
    {"GET /api/users/{id}", Needs::kSignedIn},
    {"GET /api/projects/{id}/export/formats", Needs::kProjectManager},
    {"GET /api/webhooks", Needs::kSignedIn},
    {"POST /api/webhooks", Needs::kSignedIn},
    {"GET /api/ml", Needs::kSignedIn},
    {"POST /api/ml", Needs::kSignedIn},
    {"GET /api/storages", Needs::kSignedIn},
    {"GET /api/storages/{kind}", Needs::kSignedIn},
    {"POST /api/storages/{kind}", Needs::kSignedIn},
    {"GET /api/storages/export/{kind}", Needs::kSignedIn},
    {"POST /api/storages/export/{kind}", Needs::kSignedIn},
    {"POST /api/v1/projects/{id}/pause", Needs::kProjectManager},
    {"POST /api/v1/projects/{id}/resume", Needs::kProjectManager},
    {"POST /api/v1/projects/{id}/annotators/{user_id}/pause", Needs::kProjectManager},
    {"POST /api/v1/projects/{id}/annotators/{user_id}/resume", Needs::kProjectManager},
    {"POST /api/v1/projects/{id}/annotators/{user_id}/reinstate", Needs::kProjectManager},
    {"POST /api/v1/projects/{id}/uncertainty", Needs::kProjectManager},
    {"POST /api/v1/responses/{id}/review", Needs::kResponseReviewer},
    {"DELETE /api/v1/responses/{id}/review", Needs::kResponseReviewer},
    {"POST /api/v1/projects/{id}/reviews", Needs::kProjectReviewer},
};

std::optional<Role> MinRole(Needs needs) {
  switch (needs) {
    case Needs::kWorkspaceManager:
    case Needs::kProjectManager:
    case Needs::kRecordManager: return Role::kManager;
    case Needs::kProjectReviewer:
    case Needs::kResponseReviewer: return Role::kReviewer;
    case Needs::kProjectAnnotator:
    case Needs::kRecordAnnotator:
    case Needs::kResponseAnnotator:
    case Needs::kResponseAuthorOrManager: return Role::kAnnotator;
    case Needs::kNothing:
    case Needs::kSignedIn: return std::nullopt;
  }
  return std::nullopt;
}

class PermissionsTest : public ApiTest {
 protected:
  // A fresh project with one record answered by the annotator, so that destructive routes
  // called by one caller do not change what the next caller meets.
  void FreshObjects() {
    Project project = MakeProject("pairwise-preference", {{"overlap", 2}});
    project_id_ = project.id;
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project.id).value();
    record_id_ = batch->PutRecord(RecordRow{"r1", R"({"prompt":"p","response_a":"a","response_b":"b"})", "{}", "{}", 0, 0},
                                  OnDuplicate::kRefuse).value();
    ASSERT_TRUE(batch->Commit().ok());
    Response response;
    response.record_id = record_id_;
    response.user_id = UserId("annotator@team.org");
    response.values = {{"preference", "response_a"}};
    response.status = ResponseStatus::kSubmitted;
    response_id_ = store_->SaveResponse(response, response.user_id).value().id;
  }

  std::string Target(const std::string& pattern, Needs needs) {
    int64_t id = 999999;
    switch (needs) {
      case Needs::kWorkspaceManager: id = workspace_.id; break;
      case Needs::kProjectAnnotator:
      case Needs::kProjectReviewer:
      case Needs::kProjectManager: id = project_id_; break;
      case Needs::kRecordAnnotator:
      case Needs::kRecordManager: id = record_id_; break;
      case Needs::kResponseAnnotator:
      case Needs::kResponseAuthorOrManager:
      case Needs::kResponseReviewer: id = response_id_; break;
      case Needs::kNothing:
      case Needs::kSignedIn: break;
    }
    std::string target = pattern;
    if (std::size_t at = target.find("{id}"); at != std::string::npos) target.replace(at, 4, std::to_string(id));
    // A second parameter names a member of the team workspace: the annotator.
    if (std::size_t at = target.find("{user_id}"); at != std::string::npos)
      target.replace(at, 9, std::to_string(UserId("annotator@team.org")));
    return target;
  }

  int64_t project_id_ = 0, record_id_ = 0, response_id_ = 0;
};

TEST_F(PermissionsTest, EveryRouteHasAnExpectation) {
  for (const Route& route : router_->routes())
    EXPECT_TRUE(kExpectations.count(route.method + " " + route.pattern))
        << route.method << " " << route.pattern << " has no permission rule in this test (and the README)";
  EXPECT_EQ(kExpectations.size(), router_->routes().size());
}

TEST_F(PermissionsTest, EveryRouteAsEveryRole) {
  struct Caller {
    std::string name;
    std::string key;
    std::optional<Role> role;  // in the team workspace
  };
  std::vector<Caller> callers = {
      {"nobody", "", std::nullopt},
      {"outsider", "", std::nullopt},
      {"annotator", "", Role::kAnnotator},
      {"reviewer", "", Role::kReviewer},
      {"manager", "", Role::kManager},
      {"owner", "", Role::kOwner},
  };
  for (Caller& caller : callers) {
    if (caller.name == "nobody") continue;
    caller.key = UserWithRole(caller.name + "@team.org", caller.role);
  }
  ASSERT_TRUE(store_->SetMembership(Membership{other_workspace_.id, UserId("outsider@team.org"), Role::kOwner}).ok());

  for (const Route& route : router_->routes()) {
    const std::string name = route.method + " " + route.pattern;
    auto expectation = kExpectations.find(name);
    if (expectation == kExpectations.end()) continue;  // reported by EveryRouteHasAnExpectation
    const Needs needs = expectation->second;
    for (const Caller& caller : callers) {
      FreshObjects();
      const std::string target = Target(route.pattern, needs);
      nlohmann::json body = route.method == "GET" || route.method == "DELETE" ? nlohmann::json() : nlohmann::json::object();
      ApiAnswer answer = Call(route.method, target, caller.key, body);
      SCOPED_TRACE(name + " as " + caller.name + " -> " + std::to_string(answer.status) + " " + answer.raw.body);
      if (needs == Needs::kNothing) {
        EXPECT_NE(answer.status, 401);
        EXPECT_NE(answer.status, 403);
        continue;
      }
      if (caller.name == "nobody") {
        EXPECT_EQ(answer.status, 401);
        continue;
      }
      std::optional<Role> min_role = MinRole(needs);
      if (!min_role) {
        EXPECT_NE(answer.status, 401);
        continue;
      }
      const bool author_rule_refuses = needs == Needs::kResponseAuthorOrManager && caller.role &&
                                       *caller.role == Role::kReviewer;  // neither author nor manager
      if (!caller.role) {
        EXPECT_EQ(answer.status, 404) << "outsiders must not learn that the object exists";
      } else if (!RoleAtLeast(*caller.role, *min_role) || author_rule_refuses) {
        EXPECT_EQ(answer.status, 403);
      } else {
        EXPECT_NE(answer.status, 401);
        EXPECT_NE(answer.status, 403);
        if (answer.status == 404) {
          EXPECT_EQ(answer.body["error"]["code"], "no_more_records");
        }
      }
    }
  }
}

TEST_F(PermissionsTest, RoleChecksInsideHandlers) {
  std::string annotator = UserWithRole("a@team.org", Role::kAnnotator);
  std::string manager = UserWithRole("m@team.org", Role::kManager);
  std::string owner = UserWithRole("o@team.org", Role::kOwner);
  EXPECT_EQ(Call("POST", "/api/v1/projects", annotator, {{"name", "x"}, {"template", "pairwise-preference"}}).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/projects", manager, {{"name", "x"}, {"template", "pairwise-preference"}}).status, 201);
  EXPECT_EQ(Call("POST", "/api/v1/workspaces", manager, {{"name", "new"}}).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/workspaces", owner, {{"name", "new"}}).status, 201);
  const std::string members = "/api/v1/workspaces/" + std::to_string(workspace_.id) + "/members";
  EXPECT_EQ(Call("PUT", members, manager, {{"email", "new@team.org"}, {"role", "owner"}}).status, 403);
  ApiAnswer added = Call("PUT", members, manager, {{"email", "new@team.org"}, {"role", "annotator"}});
  EXPECT_EQ(added.status, 201);
  EXPECT_EQ(added.body["password"].get<std::string>().size(), 20u) << "a generated password is returned once";
}

TEST_F(PermissionsTest, OpenApiDocumentsExactlyTheRoutes) {
  std::set<std::string> routes, documented;
  for (const Route& route : router_->routes()) routes.insert(route.method + " " + route.pattern);
  for (const DocumentedOperation& operation : DocumentedOperations())
    documented.insert(operation.method + " " + operation.path);
  for (const std::string& route : routes) EXPECT_TRUE(documented.count(route)) << route << " is not in the OpenAPI document";
  for (const std::string& doc : documented) EXPECT_TRUE(routes.count(doc)) << doc << " is documented but not served";

  ApiAnswer served = Call("GET", "/api/v1/openapi.json", "");
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.body["openapi"], "3.0.3");
  EXPECT_TRUE(served.body["paths"]["/api/v1/projects/{id}"].contains("patch"));
  // OpenAPI requires each of a path's template parameters declared "in": "path" by every one of
  // its operations, and nothing else declared there.
  for (const auto& [path, operations] : served.body["paths"].items()) {
    std::set<std::string> templated;
    for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1))
      templated.insert(path.substr(open + 1, path.find('}', open) - open - 1));
    for (const auto& [method, operation] : operations.items()) {
      std::set<std::string> declared;
      for (const nlohmann::json& parameter : operation.value("parameters", nlohmann::json::array()))
        if (parameter["in"] == "path") {
          declared.insert(parameter["name"].get<std::string>());
          EXPECT_EQ(parameter["required"], true) << method << " " << path;
        }
      EXPECT_EQ(declared, templated) << method << " " << path;
    }
  }
  const nlohmann::json& reinstate = served.body["paths"]["/api/v1/projects/{id}/annotators/{user_id}/reinstate"]["post"];
  ASSERT_EQ(reinstate["parameters"].size(), 2u);
  EXPECT_EQ(reinstate["parameters"][1]["name"], "user_id");
  EXPECT_EQ(reinstate["parameters"][1]["schema"]["type"], "integer");
}

}  // namespace
}  // namespace quorum::testing
