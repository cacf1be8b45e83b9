// Label Studio's REST API under /api/: every route, the shapes its clients read, the mapping to
// Quorum's objects, and the permission rules, through the real router and a real SQLite store.
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string HeaderOf(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers)
    if (key == name) return value;
  return "";
}

json PairwiseTask(const std::string& prompt) {
  return {{"data", {{"prompt", prompt}, {"response_a", "A to " + prompt}, {"response_b", "B to " + prompt}}}};
}

json Selected(const std::string& side, const std::string& to_name = "prompt,response_a,response_b") {
  return json::array({{{"from_name", "pref"}, {"to_name", to_name}, {"type", "pairwise"}, {"value", {{"selected", side}}}}});
}

class LsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    manager_ = UserWithRole("manager@team.org", Role::kManager);
    reviewer_ = UserWithRole("reviewer@team.org", Role::kReviewer);
    annotator_ = UserWithRole("ann@team.org", Role::kAnnotator);
    other_annotator_ = UserWithRole("ann2@team.org", Role::kAnnotator);
  }

  // A project from the pairwise config of seeds/000, made through the API.
  int64_t PairwiseProject(json extra = json::object()) {
    json body = {{"title", "RLHF Preference Collection"},
                 {"label_config", ReadFile(std::string(QUORUM_TEST_DATA) + "/labelstudio/seed_000_pairwise.xml")}};
    body.update(extra);
    ApiAnswer created = Call("POST", "/api/projects", manager_, body);
    EXPECT_EQ(created.status, 201) << created.raw.body;
    return created.body.value("id", int64_t{0});
  }

  std::vector<int64_t> Import(int64_t project, const json& tasks) {
    ApiAnswer imported = Call("POST", "/api/projects/" + std::to_string(project) + "/import?return_task_ids=1", manager_, tasks);
    EXPECT_EQ(imported.status, 201) << imported.raw.body;
    return imported.body.value("task_ids", std::vector<int64_t>{});
  }

  std::string manager_, reviewer_, annotator_, other_annotator_;
};

TEST_F(LsApiTest, VersionHealthAndWhoAmIAnswerWhatTheSdkReads) {
  ApiAnswer version = Call("GET", "/api/version", "");
  ASSERT_EQ(version.status, 200);
  EXPECT_EQ(version.body["release"], "1.13.1");
  EXPECT_FALSE(version.body.contains("label-studio-enterprise-backend")) << "the SDK would take Quorum for Enterprise";
  for (const char* path : {"/health", "/api/health", "/api/health/"}) {
    ApiAnswer health = Call("GET", path, "");
    EXPECT_EQ(health.status, 200) << path;
    EXPECT_EQ(health.body["status"], "UP") << path;
  }
  ApiAnswer me = Call("GET", "/api/current-user/whoami/", annotator_);
  ASSERT_EQ(me.status, 200) << me.raw.body;
  EXPECT_EQ(me.body["email"], "ann@team.org");
  EXPECT_EQ(me.body["id"], UserId("ann@team.org"));
  EXPECT_EQ(me.body["active_organization"], workspace_.id);
  EXPECT_EQ(Call("GET", "/api/current-user/whoami", "").status, 401);
}

// The legacy SDK's Client.get_users / get_user: managers see their workspaces' members, anyone
// else only themselves; another user's id is 404 to those who may not see them.
TEST_F(LsApiTest, UsersAreTheCallerAndTheMembersOfWorkspacesTheyManage) {
  ApiAnswer listed = Call("GET", "/api/users/", manager_);
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  ASSERT_TRUE(listed.body.is_array());
  std::vector<std::string> emails;
  for (const json& user : listed.body) emails.push_back(user["email"]);
  EXPECT_THAT(emails, ::testing::IsSupersetOf({"manager@team.org", "reviewer@team.org", "ann@team.org", "ann2@team.org"}));
  EXPECT_EQ(listed.body[0]["active_organization"], workspace_.id);

  ApiAnswer own = Call("GET", "/api/users", annotator_);
  ASSERT_EQ(own.status, 200);
  ASSERT_EQ(own.body.size(), 1u) << "annotators do not list the team";
  EXPECT_EQ(own.body[0]["username"], "ann@team.org");

  const std::string other = "/api/users/" + std::to_string(UserId("ann2@team.org"));
  ApiAnswer seen = Call("GET", other, manager_);
  ASSERT_EQ(seen.status, 200) << seen.raw.body;
  EXPECT_EQ(seen.body["email"], "ann2@team.org");
  EXPECT_EQ(seen.body["id"], UserId("ann2@team.org"));
  EXPECT_EQ(Call("GET", other, annotator_).status, 404);
  EXPECT_EQ(Call("GET", "/api/users/" + std::to_string(UserId("ann@team.org")), annotator_).status, 200);
  EXPECT_EQ(Call("GET", "/api/users/999999", manager_).status, 404);
  EXPECT_EQ(Call("GET", "/api/users", "").status, 401);
}

TEST_F(LsApiTest, WebhooksStoragesAndMlBackendsAnswer501WithWhatToUseInstead) {
  const std::vector<std::pair<std::string, std::string>> calls = {
      {"GET", "/api/webhooks/"},       {"POST", "/api/webhooks"},          {"GET", "/api/ml?project=1"},
      {"POST", "/api/ml"},             {"GET", "/api/storages?project=1"}, {"POST", "/api/storages/s3"},
      {"GET", "/api/storages/gcs/"},   {"POST", "/api/storages/export/azure"}};
  for (const auto& [method, path] : calls) {
    ApiAnswer answer = Call(method, path, annotator_, method == "POST" ? json{{"project", 1}} : json());
    EXPECT_EQ(answer.status, 501) << method << " " << path << ": " << answer.raw.body;
    EXPECT_EQ(answer.body["status_code"], 501);
    EXPECT_EQ(answer.body["error"]["code"], "not_implemented");
    EXPECT_THAT(answer.body["detail"].get<std::string>(), HasSubstr("Quorum does not serve Label Studio's"));
  }
  EXPECT_THAT(Call("POST", "/api/storages/s3", manager_, json::object()).body["detail"].get<std::string>(),
              HasSubstr("POST /api/projects/{id}/import"));
  EXPECT_EQ(Call("GET", "/api/webhooks", "").status, 401);
}

TEST_F(LsApiTest, ExportFormatsAreTheOnesExportTakes) {
  const int64_t project = PairwiseProject();
  ApiAnswer formats = Call("GET", "/api/projects/" + std::to_string(project) + "/export/formats", manager_);
  ASSERT_EQ(formats.status, 200) << formats.raw.body;
  std::vector<std::string> names;
  for (const json& format : formats.body) {
    names.push_back(format["name"]);
    EXPECT_FALSE(format["disabled"].get<bool>());
    const std::string export_path = "/api/projects/" + std::to_string(project) + "/export?exportType=" + names.back();
    EXPECT_EQ(Call("GET", export_path, manager_).status, 200) << names.back();
  }
  EXPECT_EQ(names, (std::vector<std::string>{"JSON", "JSON_MIN", "CSV"}));
  EXPECT_EQ(Call("GET", "/api/projects/" + std::to_string(project) + "/export/formats", reviewer_).status, 403);
}

TEST_F(LsApiTest, ProjectsAreCreatedFromAConfigListedReadChangedAndDeleted) {
  const std::string xml = ReadFile(std::string(QUORUM_TEST_DATA) + "/labelstudio/seed_000_pairwise.xml");
  ApiAnswer created = Call("POST", "/api/projects/", manager_,
                           {{"title", "Prefs"}, {"description", "pairs"}, {"label_config", xml}, {"color", "#FF0000"},
                            {"maximum_annotations", 2}, {"expert_instruction", "Pick the better one"}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  const int64_t id = created.body["id"];
  EXPECT_EQ(created.body["title"], "Prefs");
  EXPECT_EQ(created.body["label_config"], xml) << "the config is kept verbatim";
  EXPECT_EQ(created.body["description"], "pairs");
  EXPECT_EQ(created.body["color"], "#FF0000");
  EXPECT_EQ(created.body["maximum_annotations"], 2);
  EXPECT_EQ(created.body["task_number"], 0);
  EXPECT_EQ(created.body["parsed_label_config"]["pref"]["type"], "pairwise");
  // The mapping: a Quorum project whose questions come from the config.
  Project stored = store_->GetProject(id).value();
  EXPECT_EQ(stored.name, "Prefs");
  EXPECT_EQ(stored.guidelines, "Pick the better one");
  EXPECT_EQ(stored.settings["overlap"], 2);
  ASSERT_NE(stored.schema.FindQuestion("pref"), nullptr);
  EXPECT_EQ(stored.schema.FindQuestion("pref")->kind, QuestionKind::kPreference);

  EXPECT_EQ(Call("GET", "/api/projects?page=2", annotator_).status, 404);
  ApiAnswer listed = Call("GET", "/api/projects?page_size=10000000", annotator_);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body["count"], 1);
  EXPECT_EQ(listed.body["results"][0]["id"], id);
  EXPECT_TRUE(listed.body["next"].is_null());

  ApiAnswer patched = Call("PATCH", "/api/projects/" + std::to_string(id), manager_,
                           {{"title", "Renamed"}, {"sampling", "Uniform sampling"}, {"show_collab_predictions", false}});
  ASSERT_EQ(patched.status, 200) << patched.raw.body;
  EXPECT_EQ(patched.body["title"], "Renamed");
  EXPECT_EQ(patched.body["sampling"], "Uniform sampling");
  EXPECT_EQ(Call("GET", "/api/projects/" + std::to_string(id) + "/", annotator_).body["title"], "Renamed");
  EXPECT_EQ(store_->GetProject(id).value().settings["show_suggestions"], false);
  EXPECT_EQ(Call("PATCH", "/api/projects/" + std::to_string(id), annotator_, {{"title", "x"}}).status, 403);

  ApiAnswer deleted = Call("DELETE", "/api/projects/" + std::to_string(id) + "/", manager_);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_EQ(Call("GET", "/api/projects/" + std::to_string(id), manager_).status, 404);
}

TEST_F(LsApiTest, ProjectCreationErrorsAreValidationDicts) {
  ApiAnswer annotator = Call("POST", "/api/projects", annotator_, {{"title", "x"}, {"label_config", "<View/>"}});
  EXPECT_EQ(annotator.status, 403);
  EXPECT_THAT(annotator.body["detail"].get<std::string>(), HasSubstr("manager"));

  ApiAnswer missing = Call("POST", "/api/projects", manager_, {{"title", "x"}});
  ASSERT_EQ(missing.status, 400);
  EXPECT_TRUE(missing.body["validation_errors"].contains("label_config")) << missing.raw.body;
  EXPECT_EQ(missing.body["error"]["code"], "invalid") << "Quorum's error object rides along";

  ApiAnswer bad = Call("POST", "/api/projects", manager_,
                       {{"title", "x"}, {"label_config", "<View>\n<Foo name=\"f\"/>\n<Text name=\"t\" value=\"$t\"/>\n</View>"}});
  ASSERT_EQ(bad.status, 400);
  const std::string problem = bad.body["validation_errors"]["label_config"][0];
  EXPECT_THAT(problem, HasSubstr("label_config:2:1"));
  EXPECT_THAT(problem, HasSubstr("unknown tag <Foo>"));
  EXPECT_TRUE(store_->ListProjects().value().empty());
}

TEST_F(LsApiTest, ValidateAnswersNoContentOrTheProblems) {
  const std::string xml = ReadFile(std::string(QUORUM_TEST_DATA) + "/labelstudio/seed_001_preference.xml");
  EXPECT_EQ(Call("POST", "/api/projects/validate/", annotator_, {{"label_config", xml}}).status, 204);
  ApiAnswer bad = Call("POST", "/api/projects/validate", annotator_,
                       {{"label_config", "<View><Choices name=\"c\" toName=\"x\"/></View>"}});
  ASSERT_EQ(bad.status, 400);
  ASSERT_TRUE(bad.body["label_config"].is_array()) << bad.raw.body;
  EXPECT_THAT(bad.body["label_config"].dump(), HasSubstr("toName 'x' names no object tag"));

  const int64_t project = PairwiseProject();
  const std::string path = "/api/projects/" + std::to_string(project) + "/validate";
  ApiAnswer same = Call("POST", path, manager_, {{"label_config", store_->GetProject(project).value().schema.label_config}});
  ASSERT_EQ(same.status, 200) << same.raw.body;
  EXPECT_EQ(same.body["config_essential_data_has_changed"], false);
  ApiAnswer changed = Call("POST", path, manager_, {{"label_config", xml}});
  ASSERT_EQ(changed.status, 200) << changed.raw.body;
  EXPECT_EQ(changed.body["config_essential_data_has_changed"], true);
  Import(project, json::array({PairwiseTask("p")}));
  ApiAnswer refused = Call("POST", path, manager_, {{"label_config", xml}});
  EXPECT_EQ(refused.status, 400) << "a project with tasks keeps its data keys and controls";
  EXPECT_THAT(refused.body["validation_errors"]["label_config"][0].get<std::string>(), HasSubstr("has 1 tasks"));
  EXPECT_EQ(Call("PATCH", "/api/projects/" + std::to_string(project), manager_, {{"label_config", xml}}).status, 400);
}

TEST_F(LsApiTest, ImportFromJsonBodyReturnsCountsAndTaskIds) {
  const int64_t project = PairwiseProject();
  json tasks = json::array({PairwiseTask("one"), PairwiseTask("two"), PairwiseTask("three")});
  tasks[0]["id"] = 777;  // Label Studio gives imported tasks new ids
  tasks[1]["predictions"] = json::array({{{"model_version", "judge-v1"}, {"score", 0.8}, {"result", Selected("right")}}});
  tasks[2]["annotations"] = json::array({{{"result", Selected("left", "pref")}}});
  ApiAnswer imported = Call("POST", "/api/projects/" + std::to_string(project) + "/import?return_task_ids=1", manager_, tasks);
  ASSERT_EQ(imported.status, 201) << imported.raw.body;
  EXPECT_EQ(imported.body["task_count"], 3);
  EXPECT_EQ(imported.body["prediction_count"], 1);
  EXPECT_EQ(imported.body["annotation_count"], 1);
  std::vector<Record> records = store_->ListRecords(project, 0, 10).value();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(imported.body["task_ids"], json({records[0].id, records[1].id, records[2].id}));
  EXPECT_EQ(records[0].fields["prompt"], "one");
  EXPECT_EQ(records[0].external_id, "") << "the Label Studio id is not kept";
  std::vector<Suggestion> suggestions = store_->ListSuggestions(records[1].id).value();
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].agent, "judge-v1");
  EXPECT_EQ(suggestions[0].value, "response_b") << "right is the second compared field";
  std::vector<Response> responses = store_->ListResponses(records[2].id).value();
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].user_id, UserId("manager@team.org")) << "an annotation without completed_by is the importer's";
  EXPECT_EQ(responses[0].values["pref"], "response_a");

  ApiAnswer without_ids = Call("POST", "/api/projects/" + std::to_string(project) + "/import", manager_,
                               PairwiseTask("single task object"));
  ASSERT_EQ(without_ids.status, 201) << without_ids.raw.body;
  EXPECT_EQ(without_ids.body["task_count"], 1);
  EXPECT_FALSE(without_ids.body.contains("task_ids"));
}

TEST_F(LsApiTest, PreannotatedFieldsBecomePredictions) {
  const int64_t project = PairwiseProject();
  json flat = {{"prompt", "p"}, {"response_a", "a"}, {"response_b", "b"}, {"model_pick", Selected("left")}};
  ApiAnswer imported = Call("POST", "/api/projects/" + std::to_string(project) + "/import?preannotated_from_fields=model_pick",
                            manager_, json::array({flat}));
  ASSERT_EQ(imported.status, 201) << imported.raw.body;
  EXPECT_EQ(imported.body["prediction_count"], 1);
  Record record = store_->ListRecords(project, 0, 10).value().at(0);
  EXPECT_FALSE(record.metadata.contains("model_pick")) << "the column is the prediction, not data";
  std::vector<Suggestion> suggestions = store_->ListSuggestions(record.id).value();
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].value, "response_a");
}

TEST_F(LsApiTest, ImportIsAllOrNothingWithTheProblemsLocated) {
  const int64_t project = PairwiseProject();
  json tasks = json::array({PairwiseTask("fine"), PairwiseTask("broken")});
  tasks[1]["annotations"] = json::array({{{"result", Selected("up")}}});
  ApiAnswer refused = Call("POST", "/api/projects/" + std::to_string(project) + "/import", manager_, tasks);
  ASSERT_EQ(refused.status, 400);
  EXPECT_THAT(refused.body["detail"].get<std::string>(), HasSubstr("nothing was written"));
  EXPECT_THAT(refused.body["validation_errors"].dump(), HasSubstr("task:2"));
  EXPECT_THAT(refused.body["validation_errors"].dump(), HasSubstr("expected 'left' or 'right'"));
  EXPECT_EQ(store_->CountRecords(project).value(), 0);
  EXPECT_EQ(Call("POST", "/api/projects/" + std::to_string(project) + "/import", annotator_, tasks).status, 403);
}

TEST_F(LsApiTest, ImportTakesUploadedFilesAsTheSdkSendsThem) {
  const int64_t project = PairwiseProject();
  const std::string file = json::array({PairwiseTask("from a file"), PairwiseTask("another")}).dump();
  const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tasks.json\"\r\n"
                           "Content-Type: application/json\r\n\r\n" + file + "\r\n--XyZ--\r\n";
  ApiAnswer imported = Call("POST", "/api/projects/" + std::to_string(project) + "/import?return_task_ids=True", manager_,
                            body, {{"content-type", "multipart/form-data; boundary=XyZ"}});
  ASSERT_EQ(imported.status, 201) << imported.raw.body;
  EXPECT_EQ(imported.body["task_count"], 2);
  EXPECT_EQ(imported.body["task_ids"].size(), 2u);
  EXPECT_EQ(store_->ListRecords(project, 0, 10).value()[0].fields["prompt"], "from a file");

  const std::string csv = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n\r\nprompt\nx\r\n--b--\r\n";
  ApiAnswer refused = Call("POST", "/api/projects/" + std::to_string(project) + "/import", manager_, csv,
                           {{"content-type", "multipart/form-data; boundary=b"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_THAT(refused.body["detail"].get<std::string>(), HasSubstr("t.csv"));
}

TEST_F(LsApiTest, TaskListsPageAsLabelStudioDoes) {
  const int64_t project = PairwiseProject();
  std::vector<int64_t> ids = Import(project, json::array({PairwiseTask("1"), PairwiseTask("2"), PairwiseTask("3")}));
  ASSERT_EQ(ids.size(), 3u);
  const std::string list = "/api/tasks/?project=" + std::to_string(project) + "&page_size=2&fields=all";
  ApiAnswer first = Call("GET", list + "&page=1", reviewer_);
  ASSERT_EQ(first.status, 200) << first.raw.body;
  EXPECT_EQ(first.body["total"], 3);
  ASSERT_EQ(first.body["tasks"].size(), 2u);
  EXPECT_EQ(first.body["tasks"][0]["id"], ids[0]);
  EXPECT_EQ(first.body["tasks"][0]["data"]["prompt"], "1");
  ApiAnswer second = Call("GET", list + "&page=2", reviewer_);
  ASSERT_EQ(second.body["tasks"].size(), 1u);
  EXPECT_EQ(second.body["tasks"][0]["id"], ids[2]);
  EXPECT_EQ(Call("GET", list + "&page=3", reviewer_).status, 404) << "the SDK's get_tasks stops at the 404";
  ApiAnswer selected = Call("GET", "/api/tasks?project=" + std::to_string(project) + "&page_size=-1&query=" +
                                       R"({"filters":null,"ordering":[],"selectedItems":{"all":false,"included":[)" +
                                       std::to_string(ids[1]) + "]}}",
                            reviewer_);
  ASSERT_EQ(selected.status, 200) << selected.raw.body;
  ASSERT_EQ(selected.body["tasks"].size(), 1u);
  EXPECT_EQ(selected.body["tasks"][0]["id"], ids[1]);
  EXPECT_EQ(Call("GET", "/api/tasks?project=" + std::to_string(project), annotator_).status, 403);
  EXPECT_EQ(Call("GET", "/api/tasks", reviewer_).status, 400);

  ApiAnswer plain = Call("GET", "/api/projects/" + std::to_string(project) + "/tasks?page_size=2&page=2", reviewer_);
  ASSERT_EQ(plain.status, 200);
  ASSERT_TRUE(plain.body.is_array());
  ASSERT_EQ(plain.body.size(), 1u);
  EXPECT_EQ(plain.body[0]["id"], ids[2]);
}

// The counters of a project and the totals of a task list come from the store's running
// counts (Store::TotalsOf), not from reading the tasks: they must still say what the tasks hold.
TEST_F(LsApiTest, ProjectCountersAndListTotalsCountWhatTheTasksHold) {
  const int64_t project = PairwiseProject();
  json tasks = json::array({PairwiseTask("1"), PairwiseTask("2"), PairwiseTask("3")});
  tasks[0]["predictions"] = json::array({{{"model_version", "judge-v1"}, {"result", Selected("left")}},
                                         {{"model_version", "judge-v2"}, {"result", Selected("right")}}});
  tasks[1]["predictions"] = json::array({{{"model_version", "judge-v1"}, {"result", Selected("right")}}});
  std::vector<int64_t> ids = Import(project, tasks);
  ASSERT_EQ(ids.size(), 3u);
  auto annotate = [&](const std::string& who, int64_t task, json body) {
    ASSERT_EQ(Call("GET", "/api/tasks/" + std::to_string(task), who).status, 200);
    ApiAnswer made = Call("POST", "/api/tasks/" + std::to_string(task) + "/annotations", who, body);
    ASSERT_EQ(made.status, 201) << made.raw.body;
  };
  annotate(annotator_, ids[0], {{"result", Selected("left")}});
  annotate(annotator_, ids[1], {{"result", Selected("right")}});
  annotate(other_annotator_, ids[2], {{"result", json::array()}, {"was_cancelled", true}});

  ApiAnswer shown = Call("GET", "/api/projects/" + std::to_string(project), manager_);
  ASSERT_EQ(shown.status, 200) << shown.raw.body;
  EXPECT_EQ(shown.body["task_number"], 3);
  EXPECT_EQ(shown.body["num_tasks_with_annotations"], 2);
  EXPECT_EQ(shown.body["total_annotations_number"], 2);
  EXPECT_EQ(shown.body["skipped_annotations_number"], 1);
  EXPECT_EQ(shown.body["total_predictions_number"], 3);
  EXPECT_EQ(shown.body["finished_task_number"], 2);  // maximum_annotations is 1
  EXPECT_EQ(shown.body["ground_truth_number"], 0);
  ApiAnswer listed = Call("GET", "/api/projects", manager_);
  EXPECT_EQ(listed.body["results"][0]["total_predictions_number"], 3);

  // A page's totals are the whole project's, as Label Studio's Data Manager answers them.
  ApiAnswer page = Call("GET", "/api/tasks?project=" + std::to_string(project) + "&page_size=1&page=3", reviewer_);
  ASSERT_EQ(page.status, 200) << page.raw.body;
  ASSERT_EQ(page.body["tasks"].size(), 1u);
  EXPECT_EQ(page.body["tasks"][0]["id"], ids[2]);
  EXPECT_EQ(page.body["total"], 3);
  EXPECT_EQ(page.body["total_annotations"], 2);
  EXPECT_EQ(page.body["total_predictions"], 3);
  ApiAnswer all = Call("GET", "/api/projects/" + std::to_string(project) + "/tasks?page_size=-1", reviewer_);
  ASSERT_EQ(all.body.size(), 3u);
  EXPECT_EQ(all.body[1]["total_predictions"], 1);
  EXPECT_EQ(Call("GET", "/api/projects/" + std::to_string(project) + "/tasks?page=9", reviewer_).body, json::array());
}

TEST_F(LsApiTest, CompletedFilterSelectsLabeledTasks) {
  const int64_t project = PairwiseProject();
  std::vector<int64_t> ids = Import(project, json::array({PairwiseTask("1"), PairwiseTask("2")}));
  ASSERT_EQ(Call("GET", "/api/tasks/" + std::to_string(ids[0]), annotator_).status, 200);
  ASSERT_EQ(Call("POST", "/api/tasks/" + std::to_string(ids[0]) + "/annotations", annotator_, {{"result", Selected("left")}}).status, 201);
  auto filtered = [&](bool empty) {
    return Call("GET", "/api/tasks?project=" + std::to_string(project) +
                           R"(&query={"filters":{"conjunction":"and","items":[{"filter":"filter:tasks:completed_at","operator":"empty","value":)" +
                           (empty ? "true" : "false") + R"(,"type":"Datetime"}]}})",
                reviewer_);
  };
  ApiAnswer labeled = filtered(false);
  ASSERT_EQ(labeled.status, 200) << labeled.raw.body;
  ASSERT_EQ(labeled.body["tasks"].size(), 1u);
  EXPECT_EQ(labeled.body["tasks"][0]["id"], ids[0]);
  ApiAnswer unlabeled = filtered(true);
  ASSERT_EQ(unlabeled.body["tasks"].size(), 1u);
  EXPECT_EQ(unlabeled.body["tasks"][0]["id"], ids[1]);
  ApiAnswer unknown = Call("GET", "/api/tasks?project=" + std::to_string(project) +
                                      R"(&query={"filters":{"items":[{"filter":"filter:tasks:data.prompt","operator":"contains","value":"x"}]}})",
                           reviewer_);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_THAT(unknown.body["detail"].get<std::string>(), HasSubstr("filter:tasks:data.prompt"));
}

TEST_F(LsApiTest, AnnotationsMapToResponsesAndExportsReadThemBack) {
  const int64_t project = PairwiseProject();
  std::vector<int64_t> ids = Import(project, json::array({PairwiseTask("1"), PairwiseTask("2"), PairwiseTask("3")}));
  const std::string task = "/api/tasks/" + std::to_string(ids[0]);
  ASSERT_EQ(Call("GET", task, annotator_).status, 200) << "the annotator's next task";
  ApiAnswer created = Call("POST", task + "/annotations/", annotator_, {{"result", Selected("right")}, {"lead_time", 12.5}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  EXPECT_EQ(created.body["task"], ids[0]);
  EXPECT_EQ(created.body["completed_by"], UserId("ann@team.org"));
  EXPECT_EQ(created.body["was_cancelled"], false);
  EXPECT_EQ(created.body["lead_time"], 12.5);
  EXPECT_EQ(created.body["result"][0]["value"]["selected"], "right");
  Response stored = store_->GetResponse(created.body["id"]).value();
  EXPECT_EQ(stored.values["pref"], "response_b");
  EXPECT_EQ(stored.status, ResponseStatus::kSubmitted);
  EXPECT_EQ(stored.time_spent_ms, 12500);

  ApiAnswer again = Call("POST", task + "/annotations", annotator_, {{"result", Selected("left")}});
  EXPECT_EQ(again.status, 409);
  EXPECT_THAT(again.body["detail"].get<std::string>(), HasSubstr("PATCH /api/annotations/"));
  // The Pairwise tag's own name as to_name is accepted too.
  ApiAnswer by_reviewer = Call("POST", task + "/annotations", reviewer_, {{"result", Selected("left", "pref")}});
  EXPECT_EQ(by_reviewer.status, 409) << "overlap 1: the task is full";
  ApiAnswer bad = Call("POST", "/api/tasks/" + std::to_string(ids[1]) + "/annotations", reviewer_, {{"result", Selected("up")}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body["validation_errors"].dump(), HasSubstr("result[0]"));

  ApiAnswer exported = Call("GET", "/api/projects/" + std::to_string(project) + "/export?exportType=JSON", manager_);
  ASSERT_EQ(exported.status, 200) << exported.raw.body;
  ASSERT_EQ(exported.body.size(), 1u) << "by default only annotated tasks";
  EXPECT_EQ(exported.body[0]["id"], ids[0]) << "task ids are the API's";
  EXPECT_EQ(exported.body[0]["annotations"][0]["result"][0]["value"]["selected"], "right");
  EXPECT_EQ(exported.body[0]["data"]["response_b"], "B to 1");
  ApiAnswer all = Call("GET", "/api/projects/" + std::to_string(project) + "/export?exportType=JSON&download_all_tasks=True", manager_);
  EXPECT_EQ(all.body.size(), 3u);
  ApiAnswer min = Call("GET", "/api/projects/" + std::to_string(project) + "/export?exportType=JSON_MIN", manager_);
  ASSERT_EQ(min.body.size(), 1u);
  EXPECT_EQ(min.body[0]["pref"], json::array({{{"selected", "right"}}}));
  ApiAnswer csv = Call("GET", "/api/projects/" + std::to_string(project) + "/export?exportType=CSV", manager_);
  EXPECT_EQ(csv.raw.content_type, "text/csv");
  EXPECT_THAT(csv.raw.body, HasSubstr("\"B to 1\""));
  EXPECT_THAT(HeaderOf(csv.raw, "Content-Disposition"), HasSubstr(".csv"));
  EXPECT_EQ(Call("GET", "/api/projects/" + std::to_string(project) + "/export?exportType=COCO", manager_).status, 400);
  EXPECT_EQ(Call("GET", "/api/projects/" + std::to_string(project) + "/export", annotator_).status, 403);
}

TEST_F(LsApiTest, AnnotatorsSeeOnlyTheirOwnAnnotationsAndNoGold) {
  const int64_t project = PairwiseProject({{"maximum_annotations", 2}});
  json task = PairwiseTask("the prompt");
  task["annotations"] = json::array({{{"completed_by", {{"email", "reviewer@team.org"}}}, {"ground_truth", true},
                                      {"result", Selected("left")}}});
  // The distribution engine hands gold out only at the project's gold ratio, and never first:
  // with 0.5 the annotator's second record is the gold one.
  Project stored = store_->GetProject(project).value();
  stored.settings["gold_ratio"] = 0.5;
  ASSERT_TRUE(store_->UpdateProject(stored).ok());
  std::vector<int64_t> ids = Import(project, json::array({task, PairwiseTask("a plain prompt")}));
  ASSERT_FALSE(store_->GetRecord(ids[0]).value().gold.empty());
  ApiAnswer plain = Call("POST", "/api/tasks/" + std::to_string(ids[1]) + "/annotations", annotator_,
                         {{"result", Selected("right")}});
  ASSERT_EQ(plain.status, 201) << plain.raw.body;
  const std::string path = "/api/tasks/" + std::to_string(ids[0]);
  ApiAnswer mine = Call("POST", path + "/annotations", annotator_, {{"result", Selected("left")}});
  ASSERT_EQ(mine.status, 201) << mine.raw.body;
  EXPECT_EQ(mine.body["ground_truth"], false) << "matching gold must not show";

  ApiAnswer seen = Call("GET", path, annotator_);
  ASSERT_EQ(seen.status, 200);
  ASSERT_EQ(seen.body["annotations"].size(), 1u) << "not the reviewer's";
  EXPECT_EQ(seen.body["annotations"][0]["id"], mine.body["id"]);
  EXPECT_EQ(seen.body["annotations"][0]["ground_truth"], false);
  EXPECT_THAT(seen.raw.body, ::testing::Not(HasSubstr("gold")));
  ApiAnswer by_reviewer = Call("GET", path, reviewer_);
  EXPECT_EQ(by_reviewer.body["annotations"].size(), 2u);
  EXPECT_EQ(Call("GET", path + "/annotations", annotator_).body.size(), 1u);
  EXPECT_EQ(Call("GET", path + "/annotations", reviewer_).body.size(), 2u);

  const std::string reviewers_annotation =
      "/api/annotations/" + std::to_string(by_reviewer.body["annotations"][0]["id"].get<int64_t>());
  EXPECT_EQ(Call("GET", reviewers_annotation, annotator_).status, 404);
  EXPECT_EQ(Call("PATCH", reviewers_annotation, annotator_, {{"result", Selected("right")}}).status, 404);
  EXPECT_EQ(Call("DELETE", reviewers_annotation, other_annotator_).status, 404);

  const std::string own = "/api/annotations/" + std::to_string(mine.body["id"].get<int64_t>());
  EXPECT_EQ(Call("GET", own, annotator_).body["result"][0]["value"]["selected"], "left");
  ApiAnswer patched = Call("PATCH", own, annotator_, {{"result", Selected("right")}});
  ASSERT_EQ(patched.status, 200) << patched.raw.body;
  EXPECT_EQ(store_->GetResponse(mine.body["id"]).value().values["pref"], "response_b");
  EXPECT_EQ(Call("PATCH", own, reviewer_, {{"was_cancelled", true}}).status, 403) << "reviewers read, managers change";
  EXPECT_EQ(Call("DELETE", own, annotator_).status, 204);
  EXPECT_EQ(Call("GET", own, annotator_).status, 404);
  EXPECT_EQ(store_->ListResponses(ids[0]).value().size(), 1u);
}

TEST_F(LsApiTest, ExportedTaskIdsAreTheApisEvenForIntegerExternalIds) {
  const int64_t project = PairwiseProject();
  // A task file imported by the CLI keeps Label Studio's integer id as the external id; the file
  // export writes it back, the API's export writes the id /api/tasks/{id} knows.
  std::unique_ptr<ImportBatch> batch = store_->BeginImport(project).value();
  const int64_t record = batch->PutRecord(RecordRow{"4242", R"({"prompt":"p","response_a":"a","response_b":"b"})", "{}",
                                                    "{}", 0, 0},
                                          OnDuplicate::kRefuse)
                             .value();
  ASSERT_TRUE(batch->Commit().ok());
  ApiAnswer exported =
      Call("GET", "/api/projects/" + std::to_string(project) + "/export?exportType=JSON&download_all_tasks=true", manager_);
  ASSERT_EQ(exported.status, 200) << exported.raw.body;
  ASSERT_EQ(exported.body.size(), 1u);
  EXPECT_EQ(exported.body[0]["id"], record);
  EXPECT_EQ(Call("GET", "/api/tasks/" + std::to_string(record), manager_).body["id"], record);
}

TEST_F(LsApiTest, PredictionsAreSuggestionsOfAModelVersion) {
  const int64_t project = PairwiseProject();
  std::vector<int64_t> ids = Import(project, json::array({PairwiseTask("1")}));
  ApiAnswer created = Call("POST", "/api/predictions/", manager_,
                           {{"task", ids[0]}, {"result", Selected("right")}, {"score", 0.9}, {"model_version", "rm-7b"}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  EXPECT_EQ(created.body["model_version"], "rm-7b");
  EXPECT_EQ(created.body["score"], 0.9);
  EXPECT_EQ(created.body["task"], ids[0]);
  EXPECT_EQ(created.body["result"][0]["value"]["selected"], "right");
  std::vector<Suggestion> suggestions = store_->ListSuggestions(ids[0]).value();
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].agent, "rm-7b");
  EXPECT_EQ(suggestions[0].value, "response_b");
  EXPECT_EQ(created.body["id"], suggestions[0].id);

  ApiAnswer listed = Call("GET", "/api/predictions?task=" + std::to_string(ids[0]), reviewer_);
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body.size(), 1u);
  EXPECT_EQ(listed.body[0]["model_version"], "rm-7b");
  EXPECT_EQ(Call("POST", "/api/predictions", annotator_, {{"task", ids[0]}, {"result", Selected("left")}}).status, 403);
  EXPECT_EQ(Call("POST", "/api/predictions", manager_, {{"task", 999999}, {"result", Selected("left")}}).status, 404);
  ApiAnswer bad = Call("POST", "/api/predictions", manager_, {{"task", ids[0]}, {"result", Selected("middle")}});
  EXPECT_EQ(bad.status, 400);
}

TEST_F(LsApiTest, PredictionsImportedForAProjectAreAllOrNothing) {
  const int64_t project = PairwiseProject();
  const int64_t elsewhere = Import(PairwiseProject(), json::array({PairwiseTask("x")}))[0];
  std::vector<int64_t> ids = Import(project, json::array({PairwiseTask("1"), PairwiseTask("2")}));
  const std::string path = "/api/projects/" + std::to_string(project) + "/import/predictions";
  json predictions = json::array({{{"task", ids[0]}, {"result", Selected("right")}, {"score", 0.9}, {"model_version", "rm-7b"}},
                                  {{"task", ids[1]}, {"result", Selected("middle")}, {"model_version", "rm-7b"}},
                                  {{"task", elsewhere}, {"result", Selected("left")}},
                                  {{"result", Selected("left")}}});
  ApiAnswer refused = Call("POST", path, manager_, predictions);
  ASSERT_EQ(refused.status, 400) << refused.raw.body;
  EXPECT_EQ(refused.body["detail"], "no prediction was saved: 3 problems");
  const std::string problems = refused.body["validation_errors"].dump();
  EXPECT_THAT(problems, HasSubstr("[1]: value.selected: expected 'left' or 'right', got 'middle'"));
  EXPECT_THAT(problems, HasSubstr("[2]: no task " + std::to_string(elsewhere) + " in project " + std::to_string(project)));
  EXPECT_THAT(problems, HasSubstr("[3]: expected a task id"));
  EXPECT_TRUE(store_->ListSuggestions(ids[0])->empty()) << "the valid first prediction was not saved either";

  predictions[1]["result"] = Selected("left");
  predictions.erase(2);
  predictions.erase(2);
  predictions.push_back({{"task", ids[1]}, {"result", {{"selected", "right"}}}, {"model_version", "judge"}});
  EXPECT_EQ(Call("POST", path, annotator_, predictions).status, 403);
  ApiAnswer created = Call("POST", path, manager_, predictions);
  ASSERT_EQ(created.status, 201) << created.raw.body;
  EXPECT_EQ(created.body, json({{"created", 3}}));
  std::vector<Suggestion> first = store_->ListSuggestions(ids[0]).value();
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].agent, "rm-7b");
  EXPECT_EQ(first[0].value, "response_b");
  EXPECT_EQ(first[0].score, 0.9);
  std::vector<Suggestion> second = store_->ListSuggestions(ids[1]).value();
  ASSERT_EQ(second.size(), 2u) << "two models, one prediction each";
  EXPECT_EQ(Call("GET", "/api/predictions?task=" + std::to_string(ids[1]), reviewer_).body.size(), 2u);
}

TEST_F(LsApiTest, TasksAreChangedAndDeleted) {
  const int64_t project = PairwiseProject();
  std::vector<int64_t> ids = Import(project, json::array({PairwiseTask("1"), PairwiseTask("2")}));
  const std::string path = "/api/tasks/" + std::to_string(ids[0]);
  json data = PairwiseTask("changed")["data"];
  data["source"] = "web";
  ApiAnswer patched = Call("PATCH", path, manager_, {{"data", data}, {"meta", {{"batch", 3}}}});
  ASSERT_EQ(patched.status, 200) << patched.raw.body;
  EXPECT_EQ(patched.body["data"]["prompt"], "changed");
  EXPECT_EQ(patched.body["data"]["source"], "web");
  EXPECT_EQ(patched.body["meta"]["batch"], 3);
  Record record = store_->GetRecord(ids[0]).value();
  EXPECT_EQ(record.fields["prompt"], "changed");
  EXPECT_EQ(record.metadata["source"], "web");
  ApiAnswer invalid = Call("PATCH", path, manager_, {{"data", {{"prompt", "only"}}}});
  EXPECT_EQ(invalid.status, 400);
  EXPECT_THAT(invalid.body["validation_errors"].dump(), HasSubstr("response_a"));
  EXPECT_EQ(Call("PATCH", path, reviewer_, {{"data", data}}).status, 403);

  EXPECT_EQ(Call("DELETE", path, manager_).status, 204);
  EXPECT_EQ(Call("GET", path, manager_).status, 404);
  EXPECT_EQ(store_->CountRecords(project).value(), 1);
}

}  // namespace
}  // namespace quorum::testing
