// The quorum command line, end to end: the real binary on real SQLite files.
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "cli_runner.h"

namespace quorum::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

class CliTest : public ::testing::Test {
 protected:
  CliResult Run(const std::vector<std::string>& args) { return RunQuorum(db_, args); }

  // Runs a command that must succeed and returns its standard output.
  std::string MustRun(const std::vector<std::string>& args) {
    CliResult result = Run(args);
    EXPECT_EQ(result.status, 0) << "quorum " << ::testing::PrintToString(args) << "\n" << result.err;
    return result.out;
  }

  nlohmann::json MustRunJson(const std::vector<std::string>& args) {
    return nlohmann::json::parse(MustRun(args));
  }

  int64_t CreatePairwiseProject(const std::string& name = "prefs") {
    return MustRunJson({"project", "create", "--name", name, "--template", "pairwise-preference", "--json"})["id"]
        .get<int64_t>();
  }

  static std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
  }

  TempDir dir_;
  std::string db_ = FreshDatabase(dir_);
};

TEST_F(CliTest, HelpListsEveryCommandAndEachCommandHasHelp) {
  std::string overview = MustRun({"--help"});
  for (const char* command : {"init", "demo", "user add", "user list", "project create", "project list",
                              "project show", "project settings", "import", "export"}) {
    EXPECT_THAT(overview, HasSubstr(std::string("  ") + command + " ")) << command;
    std::stringstream words(command);
    std::vector<std::string> args;
    for (std::string word; words >> word;) args.push_back(word);
    args.push_back("--help");
    EXPECT_THAT(MustRun(args), HasSubstr(std::string("usage: quorum [--db URL] ") + command)) << command;
  }
}

TEST_F(CliTest, WrongCommandLinesExitTwoAndSayWhatToDo) {
  CliResult unknown = Run({"frobnicate"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_THAT(unknown.err, AllOf(HasSubstr("unknown command 'frobnicate'"), HasSubstr("quorum --help")));

  CliResult partial = Run({"project"});
  EXPECT_EQ(partial.status, 2);
  EXPECT_THAT(partial.err, HasSubstr("did you mean 'project create'"));

  CliResult bad_option = Run({"project", "list", "--colour"});
  EXPECT_EQ(bad_option.status, 2);
  EXPECT_THAT(bad_option.err, AllOf(HasSubstr("unknown option --colour"), HasSubstr("project list --help")));

  CliResult missing_value = Run({"project", "create", "--name"});
  EXPECT_EQ(missing_value.status, 2);
  EXPECT_THAT(missing_value.err, HasSubstr("--name needs a value"));
}

TEST_F(CliTest, InitCreatesOwnerOnceAndPrintsPasswordOnce) {
  std::string out = MustRun({"init"});
  EXPECT_THAT(out, AllOf(HasSubstr("Owner:     admin@localhost"), HasSubstr("Password:  ")));
  CliResult again = Run({"init"});
  EXPECT_EQ(again.status, 1);
  EXPECT_THAT(again.err, HasSubstr("already initialized"));
  EXPECT_THAT(again.out, Not(HasSubstr("Password")));
  nlohmann::json users = MustRunJson({"user", "list", "--json"});
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0]["roles"]["default"], "owner");
}

TEST_F(CliTest, UserAddValidatesAndLists) {
  MustRun({"init", "--password", "owner-password"});
  EXPECT_THAT(MustRun({"user", "add", "--email", "Ann@Example.org", "--role", "annotator", "--tier", "2",
                       "--specializations", "medical,code"}),
              HasSubstr("Password: "));
  CliResult duplicate = Run({"user", "add", "--email", "ann@example.org", "--role", "reviewer"});
  EXPECT_EQ(duplicate.status, 1);
  CliResult bad_role = Run({"user", "add", "--email", "bob@example.org", "--role", "boss"});
  EXPECT_EQ(bad_role.status, 1);
  EXPECT_THAT(bad_role.err, HasSubstr("--role must be owner, manager, reviewer or annotator"));
  CliResult short_password = Run({"user", "add", "--email", "c@example.org", "--role", "annotator", "--password", "x"});
  EXPECT_EQ(short_password.status, 1);
  EXPECT_THAT(short_password.err, HasSubstr("at least 8 characters"));

  nlohmann::json users = MustRunJson({"user", "list", "--json"});
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[1]["email"], "ann@example.org");
  EXPECT_EQ(users[1]["tier"], 2);
  EXPECT_EQ(users[1]["specializations"], nlohmann::json({"medical", "code"}));
  EXPECT_EQ(users[1]["roles"]["default"], "annotator");
}

TEST_F(CliTest, ProjectCreateShowListAndSettings) {
  int64_t id = CreatePairwiseProject("Helpfulness round 1");
  nlohmann::json shown = MustRunJson({"project", "show", std::to_string(id), "--json"});
  EXPECT_EQ(shown["name"], "Helpfulness round 1");
  ASSERT_TRUE(shown["schema"]["fields"].is_array());
  EXPECT_EQ(shown["schema"]["fields"][0]["name"], "prompt");
  EXPECT_EQ(shown["schema"]["fields"][0]["kind"], "markdown");
  EXPECT_EQ(shown["schema"]["questions"][0]["kind"], "preference");
  EXPECT_EQ(shown["records"], 0);

  nlohmann::json list = MustRunJson({"project", "list", "--json"});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], id);

  nlohmann::json settings = MustRunJson({"project", "settings", std::to_string(id), "--set", R"({"overlap": 3})"});
  EXPECT_EQ(settings["overlap"], 3);
  EXPECT_EQ(MustRunJson({"project", "show", std::to_string(id), "--json"})["settings"]["overlap"], 3);

  CliResult missing = Run({"project", "show", "999"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, AllOf(HasSubstr("there is no project 999"), HasSubstr("'quorum project list'")));
  CliResult bad_id = Run({"project", "show", "abc"});
  EXPECT_EQ(bad_id.status, 1);
  EXPECT_THAT(bad_id.err, HasSubstr("project id must be a positive integer"));
}

TEST_F(CliTest, ProjectCreateFromSchemaFileReportsProblems) {
  std::string good = dir_.Write("schema.json", R"({
    "fields": [{"name": "text", "kind": "text"}],
    "questions": [{"name": "sentiment", "kind": "label", "labels": ["pos", "neg"], "required": true}]
  })");
  nlohmann::json created = MustRunJson({"project", "create", "--name", "custom", "--schema", good, "--json"});
  EXPECT_EQ(created["schema"]["questions"][0]["labels"], nlohmann::json({"pos", "neg"}));

  std::string bad = dir_.Write("bad.json", R"({"fields": [{"name": "text", "kind": "video"}], "questions": []})");
  CliResult refused = Run({"project", "create", "--name", "x", "--schema", bad});
  EXPECT_EQ(refused.status, 1);
  EXPECT_THAT(refused.err, AllOf(HasSubstr("bad.json"), HasSubstr("fields[0].kind")));

  std::string broken = dir_.Write("broken.json", "{\"fields\": [\n");
  CliResult not_json = Run({"project", "create", "--name", "x", "--schema", broken});
  EXPECT_EQ(not_json.status, 1);
  EXPECT_THAT(not_json.err, AllOf(HasSubstr("broken.json is not valid JSON"), HasSubstr("line")));

  CliResult both = Run({"project", "create", "--name", "x"});
  EXPECT_EQ(both.status, 1);
  EXPECT_THAT(both.err, HasSubstr("exactly one of --template T or --schema FILE"));
}

TEST_F(CliTest, ImportExportRoundTripKeepsEverything) {
  MustRun({"init", "--password", "owner-password"});
  int64_t source = CreatePairwiseProject("source");
  std::string data = dir_.Write("rows.jsonl",
      R"({"id": "r1", "fields": {"prompt": "Hi", "response_a": "Hello!", "response_b": "Go away."}, "metadata": {"model_a": "m1", "model_b": "m2"}, "suggestions": [{"question": "preference", "value": "response_a", "score": 0.75, "agent": "judge-v1"}], "responses": [{"user": "ann@example.org", "values": {"preference": "response_a", "rationale": "polite"}, "status": "submitted", "time_spent_ms": 4200, "created_at": "2026-01-02T03:04:05.000Z", "updated_at": "2026-01-02T03:05:00.000Z"}]}
{"prompt": "2+2?", "response_a": "4", "response_b": "5", "model_a": "m2", "model_b": "m1", "id": "r2", "category": "math"}

{"id": "r3", "fields": {"prompt": "Ünïcödé 你好", "response_a": "a\nb", "response_b": "\"quoted\""}, "priority": 2.5, "gold": {"preference": "response_b"}}
)");
  CliResult refused = Run({"import", "--project", std::to_string(source), data});
  EXPECT_EQ(refused.status, 1);
  EXPECT_THAT(refused.err, AllOf(HasSubstr("rows.jsonl:1"), HasSubstr("ann@example.org"), HasSubstr("--create-users")));
  EXPECT_EQ(MustRunJson({"project", "show", std::to_string(source), "--json"})["records"], 0);

  nlohmann::json report =
      MustRunJson({"import", "--project", std::to_string(source), data, "--create-users", "--json"});
  EXPECT_EQ(report["records"], 3);
  EXPECT_EQ(report["suggestions"], 1);
  EXPECT_EQ(report["responses"], 1);
  EXPECT_EQ(report["users_created"], 1);

  std::string first_export = dir_.File("first.jsonl");
  MustRun({"export", "--project", std::to_string(source), "--format", "jsonl", "--out", first_export});
  std::vector<std::string> lines = Lines(ReadFile(first_export));
  ASSERT_EQ(lines.size(), 3u);
  nlohmann::json r1 = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(r1["id"], "r1");
  EXPECT_EQ(r1["suggestions"][0]["score"], 0.75);
  EXPECT_EQ(r1["responses"][0]["user"], "ann@example.org");
  EXPECT_EQ(r1["responses"][0]["time_spent_ms"], 4200);
  EXPECT_EQ(r1["responses"][0]["created_at"], "2026-01-02T03:04:05.000Z");
  EXPECT_EQ(r1["responses"][0]["revisions"].size(), 1u);
  nlohmann::json r2 = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(r2["fields"]["prompt"], "2+2?");
  EXPECT_EQ(r2["metadata"]["category"], "math");
  nlohmann::json r3 = nlohmann::json::parse(lines[2]);
  EXPECT_EQ(r3["fields"]["prompt"], "Ünïcödé 你好");
  EXPECT_EQ(r3["gold"]["preference"], "response_b");
  EXPECT_EQ(r3["priority"], 2.5);

  int64_t copy = CreatePairwiseProject("copy");
  MustRun({"import", "--project", std::to_string(copy), first_export});
  CliResult second_export = Run({"export", "--project", std::to_string(copy), "--format", "jsonl"});
  ASSERT_EQ(second_export.status, 0) << second_export.err;
  EXPECT_EQ(second_export.out, ReadFile(first_export));
  EXPECT_THAT(second_export.err, HasSubstr("Exported 3 records (1 responses)"));

  CliResult duplicate = Run({"import", "--project", std::to_string(copy), first_export});
  EXPECT_EQ(duplicate.status, 1);
  EXPECT_THAT(duplicate.err, AllOf(HasSubstr("first.jsonl:1"), HasSubstr("'r1' already exists")));
  std::string update = dir_.Write("update.jsonl", R"({"id": "r2", "prompt": "2+3?", "response_a": "5", "response_b": "6"})");
  MustRun({"import", "--project", std::to_string(copy), update, "--on-duplicate", "update"});
  CliResult updated = Run({"export", "--project", std::to_string(copy)});
  EXPECT_THAT(updated.out, HasSubstr("2+3?"));
  EXPECT_EQ(Lines(updated.out).size(), 3u);
}

TEST_F(CliTest, InvalidRowsAreListedWithFileLineAndNothingIsWritten) {
  int64_t project = CreatePairwiseProject();
  std::string data = dir_.Write("bad.jsonl",
      "{\"prompt\": \"ok\", \"response_a\": \"a\", \"response_b\": \"b\"}\n"
      "{\"prompt\": \"missing b\", \"response_a\": \"a\"}\n"
      "{\"prompt\": 42, \"response_a\": \"a\", \"response_b\": \"b\"}\n"
      "{\"prompt\": \"p\", \"response_a\": \"a\", \"response_b\": \"b\", \"preference\": \"response_c\"}\n"
      "[1, 2]\n"
      "{\"prompt\": \"truncated\", \"response_a\": \n");
  CliResult result = Run({"import", "--project", std::to_string(project), data});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("nothing was written"));
  EXPECT_THAT(result.err, HasSubstr("bad.jsonl:2: field 'response_b'"));
  EXPECT_THAT(result.err, HasSubstr("bad.jsonl:3: field 'prompt'"));
  EXPECT_THAT(result.err, HasSubstr("bad.jsonl:4: question 'preference'"));
  EXPECT_THAT(result.err, HasSubstr("bad.jsonl:5: expected a JSON object, got array"));
  EXPECT_THAT(result.err, HasSubstr("bad.jsonl:6: invalid JSON"));
  EXPECT_THAT(result.err, Not(HasSubstr("bad.jsonl:1:")));
  EXPECT_EQ(MustRunJson({"project", "show", std::to_string(project), "--json"})["records"], 0);
}

TEST_F(CliTest, ManyBadRowsListTheFirstHundredAndTheCount) {
  int64_t project = CreatePairwiseProject();
  std::string rows;
  for (int row = 0; row < 250; ++row) rows += "{\"prompt\": \"p\"}\n";
  CliResult result = Run({"import", "--project", std::to_string(project), dir_.Write("many.jsonl", rows)});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, AllOf(HasSubstr("500 problems"), HasSubstr("the first 100 are listed")));
  EXPECT_EQ(Lines(result.err).size(), 101u);
}

TEST_F(CliTest, CsvImportHandlesQuotingAndReportsBadQuotes) {
  int64_t project = CreatePairwiseProject();
  std::string csv = dir_.Write("rows.csv",
      "id,prompt,response_a,response_b,model_a\r\n"
      "c1,\"Say \"\"hi\"\", then a comma, please\",\"Hi,\nthere\",Hello,m1\r\n"
      "c2,Second,A,B,m2\r\n");
  MustRun({"import", "--project", std::to_string(project), csv});
  std::vector<std::string> lines = Lines(MustRun({"export", "--project", std::to_string(project)}));
  ASSERT_EQ(lines.size(), 2u);
  nlohmann::json first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["fields"]["prompt"], "Say \"hi\", then a comma, please");
  EXPECT_EQ(first["fields"]["response_a"], "Hi,\nthere");
  EXPECT_EQ(first["metadata"]["model_a"], "m1");

  std::string bad = dir_.Write("bad.csv", "prompt,response_a,response_b\nok,a,b\n\"never closed,a,b\nx,y,z\n");
  CliResult refused = Run({"import", "--project", std::to_string(project), bad});
  EXPECT_EQ(refused.status, 1);
  EXPECT_THAT(refused.err, HasSubstr("bad.csv:3"));
  EXPECT_EQ(Lines(MustRun({"export", "--project", std::to_string(project)})).size(), 2u);
}

TEST_F(CliTest, InvalidUtf8IsRefusedWithItsLine) {
  int64_t project = CreatePairwiseProject();
  std::string data = dir_.Write("utf8.jsonl",
      "{\"prompt\": \"fine\", \"response_a\": \"a\", \"response_b\": \"b\"}\n"
      "{\"prompt\": \"bad \xC3\x28 byte\", \"response_a\": \"a\", \"response_b\": \"b\"}\n");
  CliResult result = Run({"import", "--project", std::to_string(project), data});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, AllOf(HasSubstr("utf8.jsonl:2"), HasSubstr("UTF-8")));
}

TEST_F(CliTest, DemoBuildsAnAnsweredProjectOnce) {
  MustRun({"init", "--password", "owner-password"});
  std::string out = MustRun({"demo"});
  EXPECT_THAT(out, AllOf(HasSubstr("50 records"), HasSubstr("90 responses from 3 annotators")));
  nlohmann::json projects = MustRunJson({"project", "list", "--json"});
  ASSERT_EQ(projects.size(), 1u);
  std::vector<std::string> lines = Lines(MustRun({"export", "--project", std::to_string(projects[0]["id"].get<int64_t>())}));
  ASSERT_EQ(lines.size(), 50u);
  int answered = 0, split = 0;
  for (const std::string& line : lines) {
    nlohmann::json record = nlohmann::json::parse(line);
    if (!record.contains("responses")) continue;
    ++answered;
    std::set<std::string> votes;
    for (const nlohmann::json& response : record["responses"]) votes.insert(response["values"]["preference"]);
    EXPECT_EQ(record["responses"].size(), 3u);
    if (votes.size() > 1) ++split;
  }
  EXPECT_EQ(answered, 30);
  EXPECT_GT(split, 0);  // some disagreement, so agreement statistics have something to show
  EXPECT_LT(split, 30);
  EXPECT_THAT(MustRun({"demo"}), HasSubstr("already here"));
}

TEST_F(CliTest, UnwritableDatabaseFailsWithTheReason) {
  CliResult result = RunQuorum("/nonexistent-dir/quorum.db", {"project", "list"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("/nonexistent-dir/quorum.db"));
}

TEST_F(CliTest, QueueReinstateAndUncertaintyScores) {
  MustRun({"init", "--password", "owner-password"});
  const std::string id = std::to_string(CreatePairwiseProject());
  const std::string rows = dir_.File("rows.jsonl");
  std::ofstream(rows) << R"({"id": "a", "prompt": "p", "response_a": "x", "response_b": "y"})" "\n"
                      << R"({"id": "b", "prompt": "p", "response_a": "x", "response_b": "y"})" "\n";
  MustRun({"import", "--project", id, rows});
  const std::string scores = dir_.File("scores.json");
  std::ofstream(scores) << R"([{"record_id": 2, "score": 0.9}, {"record_id": 77, "score": 0.1}])";
  CliResult refused = Run({"uncertainty", "--project", id, scores});
  EXPECT_EQ(refused.status, 1);
  EXPECT_THAT(refused.err, HasSubstr("no score was set: record 77 is not in project"));
  std::ofstream(scores, std::ios::trunc) << R"([{"record_id": 2, "score": 0.9}, {"record_id": 1, "score": null}])";
  EXPECT_THAT(MustRun({"uncertainty", "--project", id, scores}), HasSubstr("Set 2 uncertainty scores"));

  nlohmann::json queue = MustRunJson({"queue", "--project", id, "--json"});
  EXPECT_EQ(queue["records"]["total"], 2);
  EXPECT_EQ(queue["annotators"].size(), 0u);
  EXPECT_THAT(MustRun({"reinstate", "--project", id, "--user", "admin@localhost"}), HasSubstr("was not suspended"));
  CliResult unknown = Run({"reinstate", "--project", id, "--user", "nobody@x.org"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_THAT(unknown.err, HasSubstr("no user with email nobody@x.org"));
}

}  // namespace
}  // namespace quorum::testing
