// quorum export in the training formats, end to end: the real binary on a real SQLite file.
// The demo project's DPO export is checked against majorities recounted from its native
// export, and a --hf-dir folder is checked the way datasets.load_dataset reads it
// (tests/python/check_hf_dataset.py, with Debian's python3-yaml: Debian has no python3-datasets);
// the native CSV is read back with Python's csv module (tests/python/check_csv_export.py).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "cli_runner.h"
#include "store/open_store.h"

namespace quorum::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> rows;
  std::stringstream lines(text);
  for (std::string line; std::getline(lines, line);) rows.push_back(nlohmann::json::parse(line));
  return rows;
}

// Runs one of tests/python's scripts ("name.py ARGS") with Debian's python3: its exit status,
// and standard output and error together in `out`; status -1 when it could not be started.
CliResult RunPython(const std::string& script_and_args) {
  const std::string command = "/usr/bin/python3 " + std::string(QUORUM_PYTHON_DIR) + "/" + script_and_args + " 2>&1";
  CliResult result;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) result.out += buffer;
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class ExportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MustRun({"init", "--password", "owner-password"});
    MustRun({"demo"});
    project_ = std::to_string(nlohmann::json::parse(MustRun({"project", "list", "--json"}))[0]["id"].get<int64_t>());
  }

  CliResult Run(const std::vector<std::string>& args) { return RunQuorum(db_, args); }

  std::string MustRun(const std::vector<std::string>& args) {
    CliResult result = Run(args);
    EXPECT_EQ(result.status, 0) << "quorum " << ::testing::PrintToString(args) << "\n" << result.err;
    return result.out;
  }

  TempDir dir_;
  std::string db_ = FreshDatabase(dir_);
  std::string project_;
};

TEST_F(ExportCliTest, DpoOfTheDemoHoldsExactlyTheRecordsWithAClearMajority) {
  // Recount from the native export: a record is kept when one response has >= 60% of the votes.
  std::map<std::string, nlohmann::json> expected;  // external id -> the record
  int unanswered = 0, low_agreement = 0, tie = 0;
  for (const nlohmann::json& record : JsonLines(MustRun({"export", "--project", project_}))) {
    int a = 0, b = 0;
    for (const nlohmann::json& response : record.value("responses", nlohmann::json::array())) {
      if (response["status"] != "submitted") continue;
      a += response["values"]["preference"] == "response_a";
      b += response["values"]["preference"] == "response_b";
    }
    if (a + b == 0) ++unanswered;
    else if (a == b) ++tie;
    else if (std::max(a, b) < 0.6 * (a + b)) ++low_agreement;
    else expected[record["id"]] = {{"record", record}, {"a_wins", a > b}, {"agreement", std::max(a, b) / double(a + b)}};
  }
  ASSERT_GT(expected.size(), 10u);

  CliResult result = Run({"export", "--project", project_, "--format", "dpo", "--provenance", "--out", dir_.File("dpo.jsonl")});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_THAT(result.err, HasSubstr("Exported " + std::to_string(expected.size()) + " dpo rows from 50 records"));
  EXPECT_THAT(result.err, HasSubstr(std::to_string(unanswered) + " unanswered"));
  if (low_agreement > 0) {
    EXPECT_THAT(result.err, HasSubstr(std::to_string(low_agreement) + " low_agreement"));
  }
  if (tie > 0) {
    EXPECT_THAT(result.err, HasSubstr(std::to_string(tie) + " tie"));
  }

  const std::vector<nlohmann::json> rows = JsonLines(ReadFile(dir_.File("dpo.jsonl")));
  ASSERT_EQ(rows.size(), expected.size());
  for (const nlohmann::json& row : rows) {
    const nlohmann::json& want = expected.at(row["external_id"]);
    const nlohmann::json& fields = want["record"]["fields"];
    EXPECT_EQ(row["prompt"], fields["prompt"]);
    EXPECT_EQ(row["chosen"], fields[want["a_wins"].get<bool>() ? "response_a" : "response_b"]);
    EXPECT_EQ(row["rejected"], fields[want["a_wins"].get<bool>() ? "response_b" : "response_a"]);
    EXPECT_DOUBLE_EQ(row["agreement"].get<double>(), want["agreement"].get<double>());
    EXPECT_EQ(row["n_annotators"], 3);
  }
}

TEST_F(ExportCliTest, HfDirLoadsAsTheCardDeclares) {
  const std::string folder = dir_.File("hf");
  CliResult result = Run({"export", "--project", project_, "--format", "dpo-chat", "--hf-dir", folder, "--test-ratio",
                          "0.3", "--seed", "4", "--provenance", "--min-agreement", "0.5"});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string card = ReadFile(folder + "/README.md");
  EXPECT_THAT(card, AllOf(HasSubstr("path: data/train.jsonl"), HasSubstr("path: data/test.jsonl"),
                          HasSubstr("| min_agreement | 0.5 |"), HasSubstr("Agreement over the exported rows: mean"),
                          HasSubstr("| unanswered | 20 |")));
  CliResult python = RunPython("check_hf_dataset.py " + folder);
  ASSERT_EQ(python.status, 0) << python.out;
  const nlohmann::json checked = nlohmann::json::parse(python.out);
  const int train = checked["splits"]["train"], test = checked["splits"]["test"];
  EXPECT_GT(train, 0);
  EXPECT_GT(test, 0);
  EXPECT_THAT(result.err, HasSubstr("(train " + std::to_string(train) + ", test " + std::to_string(test) + ")"));
  EXPECT_EQ(checked["features"][0], "prompt");
}

// The native CSV read back by Python's csv module (RFC 4180 quoting of the demo's texts, which
// hold commas, quotes and line breaks) and checked against the native JSON Lines export.
TEST_F(ExportCliTest, CsvParsesWithPythonsCsvModuleAndMatchesTheNativeExport) {
  MustRun({"export", "--project", project_, "--out", dir_.File("native.jsonl")});
  CliResult result = Run({"export", "--project", project_, "--format", "csv", "--out", dir_.File("export.csv")});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("Exported 50 records of project " + project_ + " as CSV"));
  CliResult python = RunPython("check_csv_export.py " + dir_.File("export.csv") + " " + dir_.File("native.jsonl"));
  ASSERT_EQ(python.status, 0) << python.out;
  const nlohmann::json checked = nlohmann::json::parse(python.out);
  EXPECT_EQ(checked["rows"], 50);
  EXPECT_THAT(checked["questions"].dump(), HasSubstr("preference"));
}

TEST_F(ExportCliTest, BadOptionsAreRefusedWithTheirCliNames) {
  CliResult result = Run({"export", "--project", project_, "--format", "dpo", "--min-agreement", "2"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("--min-agreement: expected a number from 0 to 1, got '2'"));
  result = Run({"export", "--project", project_, "--format", "jsonl", "--only-accepted"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("--only-accepted applies to the training formats"));
  result = Run({"export", "--project", project_, "--format", "jsonl", "--min-agreement", "0.7"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("--min-agreement applies to the training formats"));
  result = Run({"export", "--project", project_, "--format", "kto"});
  EXPECT_EQ(result.status, 0) << result.err;  // the demo's preference question, both responses per record
  result = Run({"export", "--project", project_, "--format", "ranking-pairs"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("needs a ranking question"));
  result = Run({"export", "--project", project_, "--format", "dpo", "--out", "x", "--hf-dir", "y"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("not both"));
}

// quorum review, then the export with and without --only-accepted: the first ten answered
// records' responses all accepted keep exactly their rows; a record whose answers are all
// rejected drops out as "rejected".
TEST_F(ExportCliTest, ReviewsFromAFileDecideWhatTheExportCounts) {
  MustRun({"user", "add", "--email", "rev@x.org", "--role", "reviewer", "--password", "reviewer-password"});
  // Response ids are not in any export: read them from the database, as a script would from the API.
  std::vector<std::vector<int64_t>> answered;  // per answered record, its submitted responses
  std::vector<int64_t> answered_ids;
  {
    std::unique_ptr<Store> store = OpenStore(db_).value();
    for (const Record& record : store->ListRecords(std::stoll(project_), 0, 1000).value()) {
      std::vector<int64_t> submitted;
      for (const Response& response : store->ListResponses(record.id).value())
        if (response.status == ResponseStatus::kSubmitted) submitted.push_back(response.id);
      if (submitted.empty()) continue;
      answered.push_back(submitted);
      answered_ids.push_back(record.id);
    }
  }
  ASSERT_GE(answered.size(), 11u);
  nlohmann::json accept = nlohmann::json::array();
  for (size_t record = 0; record < 10; ++record)
    for (int64_t response : answered[record]) accept.push_back({{"response_id", response}, {"verdict", "accepted"}});
  const std::string accept_file = dir_.Write("accept.json", accept.dump());

  CliResult refused = Run({"review", "--project", project_, "--reviewer", "ana@demo.quorum", accept_file});
  EXPECT_NE(refused.status, 0);
  CliResult reviewed = Run({"review", "--project", project_, "--reviewer", "rev@x.org", accept_file});
  ASSERT_EQ(reviewed.status, 0) << reviewed.err;
  EXPECT_THAT(reviewed.out, HasSubstr("Reviewed " + std::to_string(accept.size()) + " responses in project " + project_ +
                                      " as rev@x.org: " + std::to_string(accept.size()) + " accepted, 0 rejected"));

  // The rows of the ten records are the same with the flag; every other answered record is
  // left out as not accepted.
  const std::set<int64_t> reviewed_records(answered_ids.begin(), answered_ids.begin() + 10);
  std::vector<nlohmann::json> expected;
  for (const nlohmann::json& row : JsonLines(MustRun({"export", "--project", project_, "--format", "dpo", "--provenance"})))
    if (reviewed_records.count(row["record_id"].get<int64_t>())) expected.push_back(row);
  CliResult only = Run({"export", "--project", project_, "--format", "dpo", "--provenance", "--only-accepted"});
  ASSERT_EQ(only.status, 0) << only.err;
  EXPECT_EQ(JsonLines(only.out), expected);
  EXPECT_THAT(only.err, HasSubstr(std::to_string(answered.size() - 10) + " not_accepted"));

  // JSON Lines, located by line when wrong; then every answer of the eleventh record rejected.
  const std::string bad = dir_.Write("bad.jsonl", "{\"response_id\": " + std::to_string(answered[10][0]) +
                                                      ", \"verdict\": \"rejected\"}\n\n{\"response_id\": 1, \"verdict\": \"ok\"}\n");
  CliResult located = Run({"review", "--project", project_, "--reviewer", "rev@x.org", bad});
  EXPECT_EQ(located.status, 1);
  EXPECT_THAT(located.err, HasSubstr("bad.jsonl:3: verdict"));
  std::string reject;
  for (int64_t response : answered[10])
    reject += "{\"response_id\": " + std::to_string(response) + ", \"verdict\": \"rejected\", \"comment\": \"off\"}\n";
  ASSERT_EQ(Run({"review", "--project", project_, "--reviewer", "rev@x.org", dir_.Write("reject.jsonl", reject)}).status, 0);
  CliResult plain = Run({"export", "--project", project_, "--format", "dpo", "--provenance"});
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_THAT(plain.err, HasSubstr("1 rejected"));
  EXPECT_THAT(plain.err, HasSubstr("Answers left out: " + std::to_string(answered[10].size()) + " rejected by a reviewer"));
  for (const nlohmann::json& row : JsonLines(plain.out)) EXPECT_NE(row["record_id"], answered_ids[10]);
}

}  // namespace
}  // namespace quorum::testing
