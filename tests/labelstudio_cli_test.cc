// Label Studio compatibility through the quorum command line, end to end: projects from the XML
// configs of seeds/000 and seeds/001, their task files imported, exports read the way the seeds'
// scripts read them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace quorum::testing {
namespace {

using nlohmann::json;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string Data(const std::string& name) { return std::string(QUORUM_TEST_DATA) + "/labelstudio/" + name; }

class LabelStudioCliTest : public ::testing::Test {
 protected:
  CliResult Run(const std::vector<std::string>& args) { return RunQuorum(db_, args); }

  std::string MustRun(const std::vector<std::string>& args) {
    CliResult result = Run(args);
    EXPECT_EQ(result.status, 0) << "quorum " << ::testing::PrintToString(args) << "\n" << result.err;
    return result.out;
  }

  std::string CreateProject(const std::string& name, const std::string& config) {
    json created = json::parse(MustRun({"project", "create", "--name", name, "--label-config", config, "--json"}));
    return std::to_string(created["id"].get<int64_t>());
  }

  json ExportJson(const std::string& project, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"export", "--project", project, "--format", "labelstudio-json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return json::parse(MustRun(args));
  }

  TempDir dir_;
  std::string db_ = FreshDatabase(dir_);
};

// seeds/000: the pairwise config, tasks with predictions, an export turned into DPO pairs by
// t["annotations"][0]["result"][0]["value"]["selected"] for every task with annotations.
TEST_F(LabelStudioCliTest, SeedPairwiseConfigToPreferencePairs) {
  const std::string project = CreateProject("RLHF Preference Collection", Data("seed_000_pairwise.xml"));
  json shown = json::parse(MustRun({"project", "show", project, "--json"}));
  EXPECT_EQ(shown["schema"]["questions"][0]["kind"], "preference");
  EXPECT_EQ(shown["schema"]["questions"][0]["options"], json({"response_a", "response_b"}));
  EXPECT_THAT(shown["schema"]["label_config"].get<std::string>(), HasSubstr("<PairwiseComparison name=\"pref\""));

  EXPECT_THAT(MustRun({"import", "--project", project, Data("pairwise_export.json"), "--format", "labelstudio",
                       "--create-users"}),
              HasSubstr("Imported 3 records, 2 suggestions and 3 responses into project " + project));

  const json tasks = ExportJson(project);
  ASSERT_EQ(tasks.size(), 2u);  // the task with only a prediction is not annotated
  json pairs = json::array();
  for (const json& task : tasks) {
    if (task["annotations"].empty()) continue;
    const bool left = task["annotations"][0]["result"][0]["value"]["selected"] == "left";
    pairs.push_back({{"prompt", task["data"]["prompt"]},
                     {"chosen", task["data"][left ? "response_a" : "response_b"]},
                     {"rejected", task["data"][left ? "response_b" : "response_a"]}});
  }
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0]["chosen"], tasks[0]["data"]["response_a"]);
  EXPECT_EQ(pairs[1]["prompt"], "Write a haiku about rain");
  EXPECT_EQ(pairs[1]["chosen"], "Soft rain on the roof / the gutters hum their one note / the cat does not move");
  EXPECT_EQ(pairs[1]["rejected"], "Rain rain go away.");
  EXPECT_EQ(tasks[1]["annotations"][1]["was_cancelled"], true);  // the skip comes last
  EXPECT_EQ(ExportJson(project, {"--all-tasks"}).size(), 3u);
}

// seeds/001: the 5-point Choices config, tasks imported with predictions exactly as the seed
// builds them, annotated (imported), exported as JSON, JSON_MIN and CSV.
TEST_F(LabelStudioCliTest, SeedFivePointConfigWithPredictions) {
  const std::string project = CreateProject("LLM Preference Ranking v2", Data("seed_001_preference.xml"));
  const std::string seed_tasks = dir_.Write("tasks.json", R"([
 {
 "data": {
 "prompt": "Explain quantum entanglement to a high school student.",
 "response_a": "Quantum entanglement is when two particles...",
 "response_b": "Imagine you have two magic coins..."
 },
 "predictions": [{
 "model_version": "gpt-4o-preliminary",
 "result": [{"from_name": "preference", "to_name": "prompt",
 "type": "choices", "value": {"choices": ["response_b_slightly_better"]}}],
 "score": 0.73
 }]
 }
])");
  MustRun({"import", "--project", project, seed_tasks, "--format", "labelstudio"});
  EXPECT_EQ(ExportJson(project).size(), 0u);  // nothing annotated yet
  json all = ExportJson(project, {"--all-tasks"});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["predictions"][0]["model_version"], "gpt-4o-preliminary");
  EXPECT_EQ(all[0]["predictions"][0]["score"], 0.73);
  EXPECT_EQ(all[0]["predictions"][0]["result"][0]["value"]["choices"], json({"response_b_slightly_better"}));

  MustRun({"import", "--project", project, Data("preference_export.json"), "--format", "labelstudio", "--create-users"});
  json annotated = ExportJson(project);
  ASSERT_EQ(annotated.size(), 1u);
  EXPECT_EQ(annotated[0]["annotations"][0]["result"][0]["value"]["choices"], json({"response_b_slightly_better"}));
  EXPECT_EQ(annotated[0]["annotations"][0]["result"][3]["value"]["text"][0],
            "B uses an analogy a student can follow.\nA is correct but dense.");

  json rows = json::parse(MustRun({"export", "--project", project, "--format", "labelstudio-min"}));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["preference"], "tie");
  const std::string out = dir_.File("export.csv");
  CliResult csv = Run({"export", "--project", project, "--format", "labelstudio-csv", "--out", out});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_THAT(csv.err, HasSubstr("Exported 2 rows (2 annotations)"));
  EXPECT_THAT(ReadFile(out), HasSubstr("\"annotation_id\",\"annotator\",\"created_at\",\"helpfulness\","));
}

// What Quorum exports, Quorum and Label Studio read back: the printed config makes an equal
// project, and the export imported into it exports the same.
TEST_F(LabelStudioCliTest, ExportAndPrintedConfigRoundTrip) {
  const std::string first = CreateProject("ner", Data("ner.xml"));
  MustRun({"import", "--project", first, Data("ner_export.json"), "--format", "labelstudio", "--create-users"});
  const std::string config = dir_.Write("printed.xml", MustRun({"project", "show", first, "--label-config"}));
  const std::string exported = dir_.File("first.json");
  MustRun({"export", "--project", first, "--format", "labelstudio-json", "--out", exported});

  const std::string second = CreateProject("ner again", config);
  MustRun({"import", "--project", second, exported, "--format", "labelstudio", "--create-users"});
  json a = json::parse(ReadFile(exported));
  json b = ExportJson(second);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t index = 0; index < a.size(); ++index) {
    EXPECT_EQ(b[index]["data"], a[index]["data"]);
    EXPECT_EQ(b[index]["annotations"][0]["result"], a[index]["annotations"][0]["result"]);
    EXPECT_EQ(b[index]["predictions"][0]["result"], a[index]["predictions"][0]["result"]);
  }
}

TEST_F(LabelStudioCliTest, NativeProjectsPrintAConfigLabelStudioShows) {
  json created = json::parse(
      MustRun({"project", "create", "--name", "n", "--template", "pairwise-preference", "--json"}));
  const std::string xml = MustRun({"project", "show", std::to_string(created["id"].get<int64_t>()), "--label-config"});
  EXPECT_THAT(xml, AllOf(HasSubstr("<Pairwise name=\"preference\" toName=\"response_a,response_b\""),
                         HasSubstr("<Text name=\"prompt\" value=\"$prompt\" />")));
}

TEST_F(LabelStudioCliTest, ErrorsNameFileLineAndColumn) {
  const std::string bad = dir_.Write("bad.xml", "<View>\n  <Text name=\"t\" value=\"$t\"/>\n  <Choices name=\"c\" toName=\"t\"/>\n</View>\n");
  CliResult created = Run({"project", "create", "--name", "x", "--label-config", bad});
  EXPECT_EQ(created.status, 1);
  EXPECT_THAT(created.err, AllOf(HasSubstr("invalid label config: 1 problem"),
                                 HasSubstr(bad + ":3:3: <Choices name=\"c\">: a control with no choices")));

  const std::string project = CreateProject("pw", Data("seed_000_pairwise.xml"));
  const std::string tasks = dir_.Write("t.json", R"([{"data": {"prompt": "p", "response_a": "a", "response_b": "b"},
  "annotations": [{"completed_by": 1, "result": [{"from_name": "pref", "value": {"selected": "both"}}]}]}])");
  CliResult imported = Run({"import", "--project", project, tasks, "--format", "labelstudio", "--create-users"});
  EXPECT_EQ(imported.status, 1);
  EXPECT_THAT(imported.err, HasSubstr(tasks + ":1: annotations[0].result[0]: value.selected: expected 'left' or "
                                              "'right', got 'both'"));

  CliResult format = Run({"export", "--project", project, "--format", "labelstudio-yaml"});
  EXPECT_EQ(format.status, 1);
  EXPECT_THAT(format.err, HasSubstr("--format must be jsonl, labelstudio-json, labelstudio-min or labelstudio-csv"));
  CliResult missing = Run({"project", "create", "--name", "x", "--label-config", dir_.File("none.xml")});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, HasSubstr("cannot read"));
}

}  // namespace
}  // namespace quorum::testing
