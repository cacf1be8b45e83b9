// The REST API's flows: logging in, tokens, the annotation cycle, blind annotation, errors.
#include <set>

#include <gmock/gmock.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

using ::testing::HasSubstr;

std::string HeaderOf(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

class ApiFlowTest : public ApiTest {
 protected:
  // Imports records through the API as a manager; returns their ids in order.
  std::vector<int64_t> ImportPairs(const std::string& manager, int64_t project_id, int count) {
    nlohmann::json rows = nlohmann::json::array();
    for (int index = 0; index < count; ++index)
      rows.push_back({{"id", "r" + std::to_string(index + 1)},
                      {"prompt", "prompt " + std::to_string(index + 1)},
                      {"response_a", "a"},
                      {"response_b", "b"}});
    ApiAnswer imported = Call("POST", "/api/v1/projects/" + std::to_string(project_id) + "/records", manager, rows,
                              {{"content-type", "application/json"}});
    EXPECT_EQ(imported.status, 201) << imported.raw.body;
    std::vector<int64_t> ids;
    for (const Record& record : store_->ListRecords(project_id, 0, 1000).value()) ids.push_back(record.id);
    return ids;
  }
};

TEST_F(ApiFlowTest, CookieLoginNeedsCsrfOnWritesAndIsRateLimited) {
  UserWithRole("ann@team.org", Role::kManager, "correct-password");
  ApiAnswer wrong = Call("POST", "/api/v1/auth/login", "", {{"email", "ann@team.org"}, {"password", "nope"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body["error"]["code"], "unauthorized");

  ApiAnswer login = Call("POST", "/api/v1/auth/login", "", {{"email", "ANN@team.org"}, {"password", "correct-password"}});
  ASSERT_EQ(login.status, 200) << login.raw.body;
  const std::string cookie = HeaderOf(login.raw, "Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookie, ::testing::Not(HasSubstr("Secure")));
  const std::string session = cookie.substr(0, cookie.find(';'));
  const std::string csrf = login.body["csrf_token"];

  EXPECT_EQ(Call("GET", "/api/v1/me", "", nullptr, {{"cookie", session}}).status, 200);
  ApiAnswer no_csrf = Call("POST", "/api/v1/tokens", "", {{"name", "x"}}, {{"cookie", session}});
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_THAT(no_csrf.body["error"]["message"].get<std::string>(), HasSubstr("X-CSRF-Token"));
  EXPECT_EQ(Call("POST", "/api/v1/tokens", "", {{"name", "x"}}, {{"cookie", session}, {"x-csrf-token", "bad"}}).status, 403);
  EXPECT_EQ(Call("POST", "/api/v1/tokens", "", {{"name", "x"}}, {{"cookie", session}, {"x-csrf-token", csrf}}).status, 201);

  EXPECT_EQ(Call("POST", "/api/v1/auth/logout", "", nullptr, {{"cookie", session}, {"x-csrf-token", csrf}}).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/me", "", nullptr, {{"cookie", session}}).status, 401);

  ApiAnswer secure = Call("POST", "/api/v1/auth/login", "", {{"email", "ann@team.org"}, {"password", "correct-password"}},
                          {{"x-forwarded-proto", "https"}});
  EXPECT_THAT(HeaderOf(secure.raw, "Set-Cookie"), HasSubstr("; Secure"));

  for (int attempt = 0; attempt < 10; ++attempt)
    EXPECT_EQ(Call("POST", "/api/v1/auth/login", "", {{"email", "ann@team.org"}, {"password", "guess"}}).status, 401);
  ApiAnswer limited = Call("POST", "/api/v1/auth/login", "", {{"email", "ann@team.org"}, {"password", "correct-password"}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_GT(std::stoi(HeaderOf(limited.raw, "Retry-After")), 0);
  clock_.Advance(16 * 60 * 1000);
  EXPECT_EQ(Call("POST", "/api/v1/auth/login", "", {{"email", "ann@team.org"}, {"password", "correct-password"}}).status, 200);
}

TEST_F(ApiFlowTest, TokensAreShownOnceListedWithoutSecretsAndRevocable) {
  std::string key = UserWithRole("t@team.org", Role::kAnnotator);
  ApiAnswer created = Call("POST", "/api/v1/tokens", key, {{"name", "laptop"}});
  ASSERT_EQ(created.status, 201);
  const std::string new_key = created.body["key"];
  EXPECT_EQ(new_key.rfind("qrm_", 0), 0u);
  ApiAnswer listed = Call("GET", "/api/v1/tokens", new_key);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body["tokens"].size(), 2u);
  EXPECT_THAT(listed.raw.body, ::testing::Not(HasSubstr(new_key.substr(8))));
  HttpRequest bearer;
  EXPECT_EQ(Call("GET", "/api/v1/me", "", nullptr, {{"authorization", "Bearer " + new_key}}).status, 200);
  const int64_t id = created.body["token"]["id"];
  EXPECT_EQ(Call("DELETE", "/api/v1/tokens/" + std::to_string(id), key).status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/me", new_key).status, 401);
  EXPECT_EQ(Call("GET", "/api/v1/me", "", nullptr, {{"authorization", "Basic abc"}}).status, 401);
}

TEST_F(ApiFlowTest, AnnotationCycleWithOverlapTwoIsBlind) {
  std::string manager = UserWithRole("m@team.org", Role::kManager);
  std::string reviewer = UserWithRole("r@team.org", Role::kReviewer);
  std::string ann = UserWithRole("ann@team.org", Role::kAnnotator);
  std::string ben = UserWithRole("ben@team.org", Role::kAnnotator);
  std::string cat = UserWithRole("cat@team.org", Role::kAnnotator);
  Project project = MakeProject("pairwise-preference", {{"overlap", 2}});
  const std::string base = "/api/v1/projects/" + std::to_string(project.id);
  std::vector<int64_t> ids = ImportPairs(manager, project.id, 2);
  ASSERT_EQ(ids.size(), 2u);

  auto submit = [&](const std::string& key, int64_t record, const char* choice) {
    return Call("POST", "/api/v1/records/" + std::to_string(record) + "/responses", key,
                {{"values", {{"preference", choice}}}, {"status", "submitted"}, {"time_spent_ms", 1200}});
  };
  ApiAnswer first = Call("GET", base + "/next", ann);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body["id"], ids[0]);
  EXPECT_FALSE(first.body.contains("gold"));
  ApiAnswer ann_response = submit(ann, ids[0], "response_a");
  ASSERT_EQ(ann_response.status, 201) << ann_response.raw.body;
  EXPECT_EQ(ann_response.body["time_spent_ms"], 1200);
  EXPECT_EQ(Call("GET", base + "/next", ann).body["id"], ids[1]) << "an annotator never gets a record twice";
  EXPECT_EQ(submit(ann, ids[0], "response_b").status, 409) << "a second answer must go through PATCH";

  EXPECT_EQ(Call("GET", base + "/next", ben).body["id"], ids[0]);
  ApiAnswer ben_response = submit(ben, ids[0], "response_b");
  ASSERT_EQ(ben_response.status, 201);
  EXPECT_EQ(Call("GET", base + "/next", cat).body["id"], ids[1]) << "r1 has its two responses";
  EXPECT_EQ(submit(cat, ids[0], "response_a").status, 404) << "r1 was never given to cat";
  EXPECT_EQ(submit(reviewer, ids[0], "response_a").status, 409) << "r1 is full";

  // Blind annotation: each annotator sees only their own response.
  ApiAnswer ann_view = Call("GET", "/api/v1/records/" + std::to_string(ids[0]) + "/responses", ann);
  ASSERT_EQ(ann_view.body["responses"].size(), 1u);
  EXPECT_EQ(ann_view.body["responses"][0]["values"]["preference"], "response_a");
  EXPECT_EQ(Call("GET", "/api/v1/responses/" + std::to_string(ben_response.body["id"].get<int64_t>()), ann).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/records/" + std::to_string(ids[0]) + "/responses", reviewer).body["responses"].size(), 2u);

  // Editing keeps revisions.
  const std::string ann_url = "/api/v1/responses/" + std::to_string(ann_response.body["id"].get<int64_t>());
  EXPECT_EQ(Call("PATCH", ann_url, ann, {{"values", {{"preference", "response_b"}}}}).status, 200);
  ApiAnswer history = Call("GET", ann_url, ann);
  EXPECT_EQ(history.body["revisions"].size(), 2u);
  EXPECT_EQ(Call("PATCH", ann_url, ben, {{"values", {{"preference", "response_a"}}}}).status, 404);

  EXPECT_EQ(submit(ann, ids[1], "response_a").status, 201);
  ApiAnswer done = Call("GET", base + "/next", ann);
  EXPECT_EQ(done.status, 404);
  EXPECT_EQ(done.body["error"]["code"], "no_more_records");
}

TEST_F(ApiFlowTest, ValidationErrorsNameTheQuestion) {
  std::string manager = UserWithRole("m@team.org", Role::kManager);
  std::string ann = UserWithRole("ann@team.org", Role::kAnnotator);
  Project project = MakeProject("pairwise-preference");
  std::vector<int64_t> ids = ImportPairs(manager, project.id, 1);
  ApiAnswer empty = Call("POST", "/api/v1/records/" + std::to_string(ids[0]) + "/responses", ann,
                         {{"values", nlohmann::json::object()}, {"status", "submitted"}});
  ASSERT_EQ(empty.status, 400);
  EXPECT_EQ(empty.body["error"]["code"], "invalid");
  EXPECT_EQ(empty.body["error"]["details"][0]["subject"], "question 'preference'");
  EXPECT_THAT(empty.body["error"]["details"][0]["reason"].get<std::string>(), HasSubstr("required"));
  EXPECT_EQ(Call("POST", "/api/v1/records/" + std::to_string(ids[0]) + "/responses", ann,
                 {{"values", nlohmann::json::object()}, {"status", "draft"}})
                .status,
            201)
      << "a draft may be incomplete";

  ApiAnswer bad_import = Call("POST", "/api/v1/projects/" + std::to_string(project.id) + "/records?format=jsonl", manager,
                              std::string("{\"prompt\": \"ok\", \"response_a\": \"a\", \"response_b\": \"b\"}\n{\"prompt\": 1}\n"));
  ASSERT_EQ(bad_import.status, 400);
  EXPECT_EQ(bad_import.body["error"]["details"][0]["location"], "body:2");
  EXPECT_EQ(store_->CountRecords(project.id).value(), 1) << "nothing of the refused import was written";

  ApiAnswer not_json = Call("POST", "/api/v1/projects", manager, std::string("{oops"));
  EXPECT_EQ(not_json.status, 400);
  EXPECT_THAT(not_json.body["error"]["message"].get<std::string>(), HasSubstr("not valid JSON"));
}

TEST_F(ApiFlowTest, TemplatesAreListedWithTheSchemaAProjectFromThemGets) {
  std::string manager = UserWithRole("m@team.org", Role::kManager);
  std::string ann = UserWithRole("ann@team.org", Role::kAnnotator);
  ApiAnswer listed = Call("GET", "/api/v1/templates", ann);
  ASSERT_EQ(listed.status, 200);
  ASSERT_GE(listed.body["templates"].size(), 8u);
  std::set<std::string> names;
  for (const nlohmann::json& entry : listed.body["templates"]) {
    const std::string name = entry["name"].get<std::string>();
    names.insert(name);
    EXPECT_FALSE(entry["description"].get<std::string>().empty()) << name;
    ApiAnswer created = Call("POST", "/api/v1/projects", manager,
                             {{"name", "from " + name}, {"workspace_id", workspace_.id}, {"template", name}});
    ASSERT_EQ(created.status, 201) << name << ": " << created.body.dump();
    EXPECT_EQ(created.body["schema"], entry["schema"]) << name;
    EXPECT_EQ(created.body["guidelines"], entry["guidelines"]) << name;
  }
  EXPECT_TRUE(names.count("pairwise-preference"));
  EXPECT_EQ(names.size(), listed.body["templates"].size()) << "each template once";
}

TEST_F(ApiFlowTest, RecordListingFiltersAndPages) {
  std::string manager = UserWithRole("m@team.org", Role::kManager);
  std::string ann = UserWithRole("ann@team.org", Role::kAnnotator);
  Project project = MakeProject("pairwise-preference", {{"overlap", 3}});
  std::vector<int64_t> ids = ImportPairs(manager, project.id, 5);
  EXPECT_EQ(Call("POST", "/api/v1/records/" + std::to_string(ids[2]) + "/responses", ann,
                 {{"values", {{"preference", "response_a"}}}})
                .status,
            404)
      << "record 3 is not given to the annotator: their next record is record 1";
  EXPECT_EQ(Call("POST", "/api/v1/records/" + std::to_string(ids[2]) + "/responses", ann,
                 {{"values", {{"preference", "neither"}}}})
                .status,
            404)
      << "a malformed answer to a record not given to them tells them nothing about it either";
  EXPECT_EQ(Call("POST", "/api/v1/records/" + std::to_string(ids[0]) + "/responses", ann,
                 {{"values", {{"preference", "neither"}}}})
                .status,
            400)
      << "their next record: the answer's own error";
  ASSERT_EQ(Call("POST", "/api/v1/records/" + std::to_string(ids[0]) + "/responses", ann,
                 {{"values", {{"preference", "response_a"}}}})
                .status,
            201);
  const std::string base = "/api/v1/projects/" + std::to_string(project.id) + "/records";
  ApiAnswer page = Call("GET", base + "?limit=2", manager);
  ASSERT_EQ(page.status, 200);
  ASSERT_EQ(page.body["records"].size(), 2u);
  ApiAnswer next = Call("GET", base + "?limit=2&after=" + std::to_string(page.body["next_cursor"].get<int64_t>()), manager);
  EXPECT_EQ(next.body["records"][0]["id"], ids[2]);
  ApiAnswer answered = Call("GET", base + "?response_status=submitted", manager);
  ASSERT_EQ(answered.body["records"].size(), 1u);
  EXPECT_EQ(answered.body["records"][0]["id"], ids[0]);
  ApiAnswer unanswered = Call("GET", base + "?unanswered=true", manager);
  EXPECT_EQ(unanswered.body["records"].size(), 4u);
  ApiAnswer searched = Call("GET", base + "?q=PROMPT%204", manager);
  ASSERT_EQ(searched.body["records"].size(), 1u);
  EXPECT_EQ(searched.body["records"][0]["external_id"], "r4");
  EXPECT_EQ(Call("GET", base + "?limit=0", manager).status, 400);
}

TEST_F(ApiFlowTest, OneErrorShapeEverywhere) {
  std::string key = UserWithRole("x@team.org", Role::kOwner);
  ApiAnswer missing = Call("GET", "/api/v1/nothing-here", key);
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(missing.body["error"]["message"].is_string());
  EXPECT_TRUE(missing.body["error"]["details"].is_array());
  ApiAnswer wrong_method = Call("PUT", "/api/v1/projects", key, nlohmann::json::object());
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(HeaderOf(wrong_method.raw, "Allow"), "GET, POST");
  EXPECT_EQ(Call("GET", "/api/v1/projects/abc", key).status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/projects/", key).status, 200) << "a trailing slash is the same path";
}

// Managers set the tier and specializations that decide which records a member is given.
TEST_F(ApiFlowTest, ManagersChangeAMembersTierAndSpecializations) {
  std::string manager = UserWithRole("m@team.org", Role::kManager);
  UserWithRole("ann@team.org", Role::kAnnotator);
  UserWithRole("stranger@else.org", std::nullopt);
  const std::string members = "/api/v1/workspaces/" + std::to_string(workspace_.id) + "/members/";
  const std::string ann = members + std::to_string(UserId("ann@team.org"));

  ApiAnswer changed = Call("PATCH", ann, manager, {{"tier", 3}, {"specializations", {"medical", "code"}}});
  ASSERT_EQ(changed.status, 200) << changed.raw.body;
  EXPECT_EQ(changed.body["user"]["tier"], 3);
  EXPECT_EQ(changed.body["role"], "annotator");
  User stored = store_->GetUser(UserId("ann@team.org")).value();
  EXPECT_EQ(stored.tier, 3);
  EXPECT_EQ(stored.specializations, (std::vector<std::string>{"medical", "code"}));

  ApiAnswer bad_tier = Call("PATCH", ann, manager, {{"tier", 101}});
  EXPECT_EQ(bad_tier.status, 400);
  EXPECT_NE(bad_tier.body["error"]["message"].get<std::string>().find("tier"), std::string::npos);
  EXPECT_EQ(Call("PATCH", ann, manager, {{"password", "x"}}).status, 400) << "only profile keys";
  EXPECT_EQ(store_->GetUser(UserId("ann@team.org")).value().tier, 3) << "a refused change changes nothing";
  EXPECT_EQ(Call("PATCH", members + std::to_string(UserId("stranger@else.org")), manager, {{"tier", 1}}).status, 404)
      << "only members of the workspace";
}

}  // namespace
}  // namespace quorum::testing
