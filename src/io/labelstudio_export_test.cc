// Label Studio exports from a real SQLite store: JSON (never an empty result for a submitted
// annotation), JSON_MIN, CSV, and projects whose schema is native.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/labelstudio_test_support.h"
#include "schema/templates.h"

namespace quorum::testing {
namespace {

using nlohmann::json;

class LabelStudioExportTest : public LabelStudioStoreTest {};

json PairwiseTask(int id, const std::string& a, const std::string& b, json annotations) {
  return json{{"id", id},
              {"data", {{"prompt", "p" + std::to_string(id)}, {"response_a", a}, {"response_b", b}}},
              {"annotations", std::move(annotations)}};
}

json Annotation(int user, const char* selected) {
  json result = json::array();
  if (selected != nullptr)
    result.push_back({{"from_name", "pref"}, {"to_name", "pref"}, {"type", "pairwise"}, {"value", {{"selected", selected}}}});
  return json{{"completed_by", user}, {"result", std::move(result)}};
}

// The seed script (seeds/000): pairs from annotations[0]["result"][0]["value"]["selected"] of
// every task with annotations. It must never meet an empty result.
json PreferencePairs(const json& tasks) {
  json pairs = json::array();
  for (const json& task : tasks) {
    if (task["annotations"].empty()) continue;
    const json& result = task["annotations"][0]["result"];
    EXPECT_FALSE(result.empty()) << task.dump();
    if (result.empty()) continue;
    const bool left = result[0]["value"]["selected"] == "left";
    pairs.push_back({{"prompt", task["data"]["prompt"]},
                     {"chosen", task["data"][left ? "response_a" : "response_b"]},
                     {"rejected", task["data"][left ? "response_b" : "response_a"]}});
  }
  return pairs;
}

TEST_F(LabelStudioExportTest, NeverWritesAnEmptyResultForASubmittedAnnotation) {
  Project project = MakeProject(ReadLabelStudioData("seed_000_pairwise.xml"));  // pref is not required
  json tasks = json::array({PairwiseTask(1, "good", "bad", {Annotation(1, nullptr), Annotation(2, "left")}),
                            PairwiseTask(2, "x", "y", {Annotation(1, nullptr)}),
                            PairwiseTask(3, "meh", "better", {Annotation(2, "right")})});
  ASSERT_TRUE(Import(project, tasks.dump()).ok());

  const json annotated = ExportJson(project, /*all_tasks=*/false);
  ASSERT_EQ(annotated.size(), 2u);  // task 2 was only skipped
  const json& first = annotated[0]["annotations"];
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0]["completed_by"], 2);  // the answer comes first ...
  EXPECT_EQ(first[0]["was_cancelled"], false);
  EXPECT_EQ(first[1]["completed_by"], 1);  // ... the skip after it, as cancelled
  EXPECT_EQ(first[1]["was_cancelled"], true);
  EXPECT_EQ(annotated[0]["total_annotations"], 1);
  EXPECT_EQ(annotated[0]["cancelled_annotations"], 1);
  EXPECT_EQ(PreferencePairs(annotated), json::parse(R"([{"prompt": "p1", "chosen": "good", "rejected": "bad"},
                                                         {"prompt": "p3", "chosen": "better", "rejected": "meh"}])"));

  const json all = ExportJson(project, /*all_tasks=*/true);
  ASSERT_EQ(all.size(), 3u);
  for (const json& task : all)
    for (const json& annotation : task["annotations"])
      EXPECT_TRUE(annotation["was_cancelled"] == true || !annotation["result"].empty()) << task.dump();
}

TEST_F(LabelStudioExportTest, JsonMinHasOneRowPerAnnotationNewestFirst) {
  Project project = MakeProject(ReadLabelStudioData("seed_001_preference.xml"));
  ASSERT_TRUE(Import(project, ReadLabelStudioData("preference_export.json")).ok());
  const json rows = json::parse(Export(project, LabelStudioExportFormat::kJsonMin));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["preference"], "tie");
  EXPECT_EQ(rows[0]["annotator"], 2);
  EXPECT_EQ(rows[0]["lead_time"], 12.0);
  EXPECT_FALSE(rows[0].contains("helpfulness"));
  EXPECT_EQ(rows[1]["id"], 1);
  EXPECT_EQ(rows[1]["prompt"], "Explain quantum entanglement to a high school student.");
  EXPECT_EQ(rows[1]["preference"], "response_b_slightly_better");
  EXPECT_EQ(rows[1]["helpfulness"], json::parse(R"([{"rating": 4}])"));
  EXPECT_EQ(rows[1]["rationale"], "B uses an analogy a student can follow.\nA is correct but dense.");
  EXPECT_EQ(rows[1]["created_at"], "2024-06-02T08:00:00.000000Z");
}

TEST_F(LabelStudioExportTest, CsvMirrorsLabelStudiosColumnsAndQuoting) {
  Project project = MakeProject(ReadLabelStudioData("dialogue.xml"));
  ASSERT_TRUE(Import(project, ReadLabelStudioData("dialogue_export.json")).ok());
  EXPECT_EQ(Export(project, LabelStudioExportFormat::kCsv),
            "\"annotation_id\",\"annotator\",\"created_at\",\"dialogue\",\"id\",\"lead_time\",\"quality\",\"safe\","
            "\"source\",\"updated_at\"\r\n"
            "1,\"1\",\"2024-08-01T00:00:00.000000Z\",\"[{\"\"author\"\": \"\"user\"\", \"\"text\"\": \"\"How do I "
            "reset my router?\"\"}, {\"\"author\"\": \"\"assistant\"\", \"\"text\"\": \"\"Hold the reset button for "
            "ten seconds, then wait for the lights.\"\"}]\",20,20.0,\"[{\"\"rating\"\": 6}]\",\"safe\","
            "\"support-logs\",\"2024-08-01T00:00:20.000000Z\"\r\n");
}

TEST_F(LabelStudioExportTest, EmptyProjectsExportEmptyFiles) {
  Project project = MakeProject(ReadLabelStudioData("ner.xml"));
  EXPECT_EQ(Export(project, LabelStudioExportFormat::kJson), "[]\n");
  EXPECT_EQ(Export(project, LabelStudioExportFormat::kJsonMin), "[]\n");
  EXPECT_EQ(Export(project, LabelStudioExportFormat::kCsv),
            "\"annotation_id\",\"annotator\",\"created_at\",\"lead_time\",\"updated_at\"\r\n");
}

TEST_F(LabelStudioExportTest, NativePairwiseTemplateUsesItsWrittenConfig) {
  Project project = MakeProject(LoadTemplate("pairwise-preference")->schema);
  json task = {{"data", {{"prompt", "p"}, {"response_a", "a"}, {"response_b", "b"}, {"model_a", "m1"}}},
               {"annotations", {{{"completed_by", 8},
                                 {"result", {{{"from_name", "preference"}, {"to_name", "response_a,response_b"},
                                              {"type", "pairwise"}, {"value", {{"selected", "right"}}}}}}}}}};
  Result<ImportReport> report = Import(project, task.dump());
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(store_->ListResponses(store_->ListRecords(project.id, 0, 1)->at(0).id)->at(0).values,
            (json{{"preference", "response_b"}}));
  const json exported = ExportJson(project);
  EXPECT_EQ(exported[0]["data"]["model_a"], "m1");
  EXPECT_EQ(exported[0]["annotations"][0]["result"][0]["to_name"], "preference");
  EXPECT_EQ(exported[0]["annotations"][0]["result"][0]["value"]["selected"], "right");
  EXPECT_EQ(exported[0]["annotations"][0]["completed_by"], 8);
}

TEST_F(LabelStudioExportTest, NativeRankingExportsAListAndReadsItBack) {
  Project project = MakeProject(LoadTemplate("best-of-n-ranking")->schema);
  json data = {{"prompt", "p"}, {"response_1", "r1"}, {"response_2", "r2"}, {"response_3", "r3"}, {"response_4", "r4"}};
  json order = {"response_3", "response_1", "response_4", "response_2"};
  json task = {{"data", data},
               {"annotations", {{{"completed_by", 1},
                                 {"result", {{{"from_name", "ranking"}, {"type", "ranker"},
                                              {"value", {{"ranker", {{"ranking", order}}}}}}}}}}}};
  ASSERT_TRUE(Import(project, task.dump()).ok());
  const json exported = ExportJson(project);
  const json& items = exported[0]["data"]["ranking_items"];
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0], (json{{"id", "response_1"}, {"title", "Response 1"}, {"body", "r1"}}));
  EXPECT_EQ(exported[0]["annotations"][0]["result"][0]["value"]["ranker"]["ranking"], order);

  Project again = MakeProject(LoadTemplate("best-of-n-ranking")->schema);
  ASSERT_TRUE(Import(again, exported.dump()).ok());  // the list is not a field: it is dropped on import
  EXPECT_EQ(store_->ListRecords(again.id, 0, 1)->at(0).metadata, json::object());
  EXPECT_EQ(ExportJson(again)[0]["data"], exported[0]["data"]);
}

TEST_F(LabelStudioExportTest, NativeFivePointPreferenceIsAChoiceAlias) {
  Project project = MakeProject(LoadTemplate("preference-5point-rubric")->schema);
  json result = json::array();
  result.push_back({{"from_name", "preference"}, {"value", {{"choices", {"-2"}}}}});
  for (const char* rating : {"helpfulness_a", "helpfulness_b", "safety_a", "safety_b"})
    result.push_back({{"from_name", rating}, {"value", {{"rating", 3}}}});
  result.push_back({{"from_name", "rationale"}, {"value", {{"text", {"A is right."}}}}});
  json task = {{"data", {{"prompt", "p"}, {"response_a", "a"}, {"response_b", "b"}}},
               {"annotations", {{{"completed_by", 1}, {"result", result}}}}};
  Result<ImportReport> report = Import(project, task.dump());
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(store_->ListResponses(store_->ListRecords(project.id, 0, 1)->at(0).id)->at(0).values["preference"], -2);
  EXPECT_EQ(ExportJson(project)[0]["annotations"][0]["result"][0]["value"]["choices"], json({"-2"}));
}

}  // namespace
}  // namespace quorum::testing
