// A REST API test bench without sockets: a real store (FreshTestDatabase: a SQLite file in a
// temporary directory, or a fresh PostgreSQL schema), the real router, and helpers to call it as
// a given user.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

#include "auth/credentials.h"
#include "auth/password.h"
#include "http/api_routes.h"
#include "http/router.h"
#include "http/spool_file.h"
#include "schema/templates.h"
#include "store/fresh_test_store.h"
#include "store/store_test_support.h"

namespace quorum::testing {

struct ApiAnswer {
  int status = 0;
  nlohmann::json body;
  HttpResponse raw;
};

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> opened = OpenFreshTestStore(dir_.path(), clock_, "api.db");
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    store_ = std::move(opened).value();
    router_ = std::make_unique<Router>(*store_, clock_, AllRoutes());
    workspace_ = store_->CreateWorkspace("team").value();
    other_workspace_ = store_->CreateWorkspace("other team").value();
  }

  // Creates a user with `role` in the team workspace (or none) and returns an API key for them.
  std::string UserWithRole(const std::string& email, std::optional<Role> role, const std::string& password = "") {
    User user;
    user.email = email;
    user.name = email;
    if (!password.empty()) user.password_hash = HashPassword(password).value();
    User created = store_->CreateUser(user).value();
    if (role) {
      EXPECT_TRUE(store_->SetMembership(Membership{workspace_.id, created.id, *role}).ok());
    }
    return IssueApiToken(*store_, created.id, "test").value().key;
  }

  int64_t UserId(const std::string& email) { return store_->FindUserByEmail(email).value().id; }

  Project MakeProject(std::string_view template_name, nlohmann::json settings = nlohmann::json::object()) {
    Project project;
    project.workspace_id = workspace_.id;
    project.name = std::string(template_name);
    ProjectDefinition definition = LoadTemplate(template_name).value();
    project.schema = definition.schema;
    project.settings = settings.empty() ? definition.settings : settings;
    return store_->CreateProject(project).value();
  }

  ApiAnswer Call(const std::string& method, const std::string& target, const std::string& key,
                 const nlohmann::json& body = nullptr, std::map<std::string, std::string> headers = {}) {
    HttpRequest request;
    request.method = method;
    const std::size_t question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = ParseQueryString(target.substr(question + 1));
    if (!key.empty()) request.headers["authorization"] = "Token " + key;
    for (auto& [name, value] : headers) request.headers[name] = value;
    if (!body.is_null()) request.body = body.is_string() ? body.get<std::string>() : body.dump();
    request.remote_address = "10.0.0.1";
    request.request_id = "test";
    ApiAnswer answer;
    answer.raw = router_->Handle(request);
    // A body held in a file (big exports) is what the server would send: read it back.
    if (answer.raw.body_file) {
      std::ifstream file(answer.raw.body_file->path(), std::ios::binary);
      answer.raw.body.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    }
    answer.status = answer.raw.status;
    answer.body = nlohmann::json::parse(answer.raw.body, nullptr, false);
    return answer;
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Router> router_;
  Workspace workspace_;
  Workspace other_workspace_;
};

// The team most API tests need: a manager (`manager_`) and two annotators (`ann_`, `ben_`:
// API keys of ann@team.org and ben@team.org), and a pairwise project of numbered records.
class TeamApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    manager_ = UserWithRole("m@team.org", Role::kManager);
    ann_ = UserWithRole("ann@team.org", Role::kAnnotator);
    ben_ = UserWithRole("ben@team.org", Role::kAnnotator);
  }

  // A pairwise project with `settings` and `count` records imported through the API (external
  // ids r0, r1, ...; prompt "Zoë asks N"), the last `gold` of them with the gold answer
  // response_a. Sets `project_`, `base_` and `ids_` (record ids in order) and returns `ids_`.
  std::vector<int64_t> PairwiseProject(nlohmann::json settings, int count, int gold = 0) {
    project_ = MakeProject("pairwise-preference", settings);
    base_ = "/api/v1/projects/" + std::to_string(project_.id);
    nlohmann::json rows = nlohmann::json::array();
    for (int index = 0; index < count; ++index)
      rows.push_back({{"id", "r" + std::to_string(index)}, {"prompt", Prompt(index)}, {"response_a", "a"},
                      {"response_b", "b"}});
    EXPECT_EQ(Call("POST", base_ + "/records", manager_, rows, {{"content-type", "application/json"}}).status, 201);
    ids_.clear();
    for (const Record& record : store_->ListRecords(project_.id, 0, 1000).value()) ids_.push_back(record.id);
    // Gold answers are set through the store: the importer's gold syntax is not what is tested.
    for (int index = count - gold; index < count; ++index) {
      std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_.id).value();
      // RecordRow holds views: the strings it names must outlive it.
      const std::string external_id = "r" + std::to_string(index);
      const std::string fields =
          nlohmann::json{{"prompt", Prompt(index)}, {"response_a", "a"}, {"response_b", "b"}}.dump();
      RecordRow row{external_id, fields, "{}", R"({"preference":"response_a"})", 0, 0};
      Result<int64_t> put = batch->PutRecord(row, OnDuplicate::kUpdate);
      EXPECT_TRUE(put.ok()) << put.error().ToString();
      EXPECT_TRUE(batch->Commit().ok());
    }
    return ids_;
  }
  static std::string Prompt(int index) { return "Zoë asks " + std::to_string(index); }

  // Answers `record` as the owner of `key` with `choice` and `status`.
  ApiAnswer Answer(const std::string& key, int64_t record, const char* status = "submitted",
                   const std::string& choice = "response_a") {
    return Call("POST", "/api/v1/records/" + std::to_string(record) + "/responses", key,
                {{"values", {{"preference", choice}}}, {"status", status}});
  }

  std::string manager_, ann_, ben_;
  Project project_;
  std::string base_;
  std::vector<int64_t> ids_;
};

}  // namespace quorum::testing
