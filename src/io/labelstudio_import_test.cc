// Importing Label Studio task files into a real SQLite store, and the round trip: a Label Studio
// export imported and exported again is equal, result for result, for every config kind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/labelstudio_test_support.h"
#include "io/labelstudio_users.h"

namespace quorum::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

// A result item without its "id" (region ids are Quorum's own on export).
json WithoutIds(json items) {
  for (json& item : items) item.erase("id");
  return items;
}

// The parts of a task a round trip keeps: data, meta, and per annotation, draft and prediction
// everything Label Studio's clients read (result item ids aside).
void ExpectSameTask(const json& exported, const json& original) {
  SCOPED_TRACE("task " + original["id"].dump());
  EXPECT_EQ(exported["id"], original["id"]);
  EXPECT_EQ(exported["data"], original["data"]);
  EXPECT_EQ(exported["meta"], original.value("meta", json::object()));
  if (original.contains("created_at")) {
    EXPECT_EQ(exported["created_at"], original["created_at"]);
  }
  for (const char* list : {"annotations", "drafts"}) {
    const json expected = original.value(list, json::array());
    ASSERT_EQ(exported[list].size(), expected.size()) << list;
    for (std::size_t index = 0; index < expected.size(); ++index) {
      const json& got = exported[list][index];
      const json& want = expected[index];
      SCOPED_TRACE(std::string(list) + "[" + std::to_string(index) + "]");
      EXPECT_EQ(WithoutIds(got["result"]), WithoutIds(want["result"]));
      for (const char* key : {"completed_by", "user"}) {
        if (want.contains(key) && want[key].is_number_integer()) {
          EXPECT_EQ(got[key], want[key]) << key;
        }
      }
      for (const char* key : {"was_cancelled", "ground_truth", "lead_time", "created_at", "updated_at"}) {
        if (want.contains(key)) {
          EXPECT_EQ(got[key], want[key]) << key;
        }
      }
    }
  }
  const json predictions = original.value("predictions", json::array());
  ASSERT_EQ(exported["predictions"].size(), predictions.size());
  for (std::size_t index = 0; index < predictions.size(); ++index) {
    EXPECT_EQ(exported["predictions"][index]["model_version"], predictions[index]["model_version"]);
    EXPECT_EQ(exported["predictions"][index]["score"], predictions[index].value("score", json()));
    EXPECT_EQ(WithoutIds(exported["predictions"][index]["result"]), WithoutIds(predictions[index]["result"]));
  }
}

struct Fixture {
  const char* name;
  const char* config;
  const char* tasks;
};

class RoundTrip : public LabelStudioStoreTest, public ::testing::WithParamInterface<Fixture> {};

TEST_P(RoundTrip, ExportImportedExportIsEqualResultForResult) {
  Project project = MakeProject(ReadLabelStudioData(GetParam().config));
  const json original = json::parse(ReadLabelStudioData(GetParam().tasks));
  Result<ImportReport> report = Import(project, original.dump(2));
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->records, static_cast<int64_t>(original.size()));
  const json exported = ExportJson(project);
  ASSERT_EQ(exported.size(), original.size());
  for (std::size_t index = 0; index < original.size(); ++index) ExpectSameTask(exported[index], original[index]);
}

// Quorum's own export, imported into a fresh store and exported again, is the same text.
TEST_P(RoundTrip, QuorumsExportIsAFixedPoint) {
  Project project = MakeProject(ReadLabelStudioData(GetParam().config));
  ASSERT_TRUE(Import(project, ReadLabelStudioData(GetParam().tasks)).ok());
  const std::string first = Export(project, LabelStudioExportFormat::kJson);

  TempDir other_dir;
  std::unique_ptr<Store> other = OpenFreshTestStore(other_dir.path(), clock_, "other.db").value();
  Project copy = project;
  copy.workspace_id = other->CreateWorkspace("team")->id;
  copy = other->CreateProject(copy).value();
  ImportOptions options;
  options.format = ImportFormat::kLabelStudio;
  options.create_users = true;
  Result<ImportReport> again = ImportRecords(*other, copy, StringSource(first, "first.json"), options, clock_);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  std::string second;
  std::unique_ptr<ByteSink> sink = StringSink(second);
  ASSERT_TRUE(ExportLabelStudio(*other, copy, LabelStudioExportOptions{LabelStudioExportFormat::kJson, true}, *sink).ok());
  EXPECT_EQ(second, first);
}

INSTANTIATE_TEST_SUITE_P(EveryConfigKind, RoundTrip,
                         ::testing::Values(Fixture{"Pairwise", "seed_000_pairwise.xml", "pairwise_export.json"},
                                           Fixture{"FivePointChoices", "seed_001_preference.xml", "preference_export.json"},
                                           Fixture{"Ner", "ner.xml", "ner_export.json"},
                                           Fixture{"Dialogue", "dialogue.xml", "dialogue_export.json"},
                                           Fixture{"Classification", "classification.xml", "classification_export.json"},
                                           Fixture{"Ranker", "ranker.xml", "ranker_export.json"}),
                         [](const ::testing::TestParamInfo<Fixture>& info) { return std::string(info.param.name); });

class LabelStudioImportTest : public LabelStudioStoreTest {};

TEST_F(LabelStudioImportTest, MapsTasksToRecordsSuggestionsResponsesUsersAndGold) {
  Project project = MakeProject(ReadLabelStudioData("seed_000_pairwise.xml"));
  Result<ImportReport> report = Import(project, ReadLabelStudioData("pairwise_export.json"));
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->records, 3);
  EXPECT_EQ(report->suggestions, 2);
  EXPECT_EQ(report->responses, 3);
  EXPECT_EQ(report->users_created, 2);
  ASSERT_TRUE(store_->FindUserByEmail(LabelStudioUserEmail(3)).ok());

  std::vector<Record> records = store_->ListRecords(project.id, 0, 10).value();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].external_id, "101");
  EXPECT_EQ(records[1].metadata, (json{{"meta", {{"batch", "b-2"}}}}));
  EXPECT_EQ(records[1].gold, (json{{"pref", "response_b"}}));  // the ground_truth annotation
  std::vector<Suggestion> suggestions = store_->ListSuggestions(records[0].id).value();
  ASSERT_EQ(suggestions.size(), 1u);
  EXPECT_EQ(suggestions[0].question, "pref");
  EXPECT_EQ(suggestions[0].value, "response_a");
  EXPECT_EQ(suggestions[0].agent, "judge-v1");
  EXPECT_EQ(suggestions[0].score, 0.8);
  std::vector<Response> responses = store_->ListResponses(records[1].id).value();
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].values, (json{{"pref", "response_b"}}));
  EXPECT_EQ(responses[0].status, ResponseStatus::kSubmitted);
  EXPECT_EQ(responses[0].time_spent_ms, 9000);
  EXPECT_EQ(responses[1].status, ResponseStatus::kDiscarded);
  EXPECT_EQ(responses[1].time_spent_ms, 1250);
}

TEST_F(LabelStudioImportTest, ReadsParagraphsDraftsAndUserObjects) {
  Project project = MakeProject(ReadLabelStudioData("dialogue.xml"));
  ASSERT_TRUE(Import(project, ReadLabelStudioData("dialogue_export.json")).ok());
  Record record = store_->ListRecords(project.id, 0, 1).value().at(0);
  EXPECT_EQ(record.fields["dialogue"][0], (json{{"role", "user"}, {"content", "How do I reset my router?"}}));
  EXPECT_EQ(record.metadata, (json{{"source", "support-logs"}}));
  std::vector<Response> responses = store_->ListResponses(record.id).value();
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(store_->GetUser(responses[0].user_id)->email, "ann@example.com");
  EXPECT_EQ(responses[1].status, ResponseStatus::kDraft);
  EXPECT_EQ(store_->GetUser(responses[1].user_id)->email, LabelStudioUserEmail(12));
}

TEST_F(LabelStudioImportTest, TakesOneTaskAndTasksWithoutData) {
  Project project = MakeProject(ReadLabelStudioData("ner.xml"));
  Result<ImportReport> one = Import(project, R"({"data": {"text": "Ann"}, "id": 4})");
  ASSERT_TRUE(one.ok()) << one.error().ToString();
  Result<ImportReport> flat = Import(project, R"([{"text": "Bob", "lang": "en"}])");
  ASSERT_TRUE(flat.ok()) << flat.error().ToString();
  std::vector<Record> records = store_->ListRecords(project.id, 0, 10).value();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].external_id, "4");
  EXPECT_EQ(records[1].fields, (json{{"text", "Bob"}}));
  EXPECT_EQ(records[1].metadata, (json{{"lang", "en"}}));
}

TEST_F(LabelStudioImportTest, RefusesTheWholeFileListingEveryProblem) {
  Project project = MakeProject(ReadLabelStudioData("seed_000_pairwise.xml"));
  Result<ImportReport> report = Import(project, R"([
  {"data": {"prompt": "p", "response_a": "a", "response_b": "b"},
   "annotations": [{"result": [{"from_name": "pref", "to_name": "pref", "type": "pairwise",
                                "value": {"selected": "up"}}], "completed_by": 1}]},
  {"data": {"prompt": "p", "response_a": "a"},
   "annotations": [{"result": [], "was_cancelled": true, "completed_by": 1}]},
  {"data": {"prompt": "p", "response_a": "a", "response_b": "b"},
   "predictions": [{"result": [{"from_name": "preference", "value": {"selected": "left"}}]}]},
  {"data": {"prompt": "p", "response_a": "a", "response_b": "b"}, "annotations": [{"result": []}]}
])");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message, "import refused, nothing was written: 4 problems in tasks.json");
  std::vector<std::string> problems;
  for (const Problem& problem : report.error().problems) problems.push_back(problem.ToString());
  EXPECT_THAT(problems,
              ::testing::ElementsAre(
                  "tasks.json:2: annotations[0].result[0]: value.selected: expected 'left' or 'right', got 'up'",
                  "tasks.json:5: field 'response_b': missing required field",
                  "tasks.json:7: predictions[0].result[0]: from_name 'preference' names no control of the label "
                  "config (known: pref)",
                  "tasks.json:9: annotations[0].completed_by: missing: the annotator's Label Studio user id, or "
                  "{\"email\": ...}"));
  EXPECT_EQ(store_->CountRecords(project.id).value(), 0);
}

TEST_F(LabelStudioImportTest, NeedsCreateUsersForUnknownAnnotators) {
  Project project = MakeProject(ReadLabelStudioData("seed_000_pairwise.xml"));
  Result<ImportReport> report = Import(project, ReadLabelStudioData("pairwise_export.json"), /*create_users=*/false);
  ASSERT_FALSE(report.ok());
  EXPECT_THAT(report.error().problems.at(0).ToString(),
              HasSubstr("no user 'labelstudio-user-3@import.local' (pass --create-users"));
}

TEST_F(LabelStudioImportTest, ChecksRequiredQuestionsOfSubmittedAnnotations) {
  Project project = MakeProject(ReadLabelStudioData("dialogue.xml"));
  Result<ImportReport> report = Import(project, R"([{"data": {"dialogue": []},
    "annotations": [{"completed_by": 1, "result": [{"from_name": "quality", "value": {"rating": 3}}]}]}])");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().problems.at(0).ToString(), "tasks.json:1: question 'safe': required question has no answer");
}

TEST_F(LabelStudioImportTest, RefusesAProjectWhoseStoredConfigIsBroken) {
  Schema schema = ParseLabelConfig(ReadLabelStudioData("ner.xml"), "x")->schema;
  Project project = MakeProject(schema);
  project.schema.label_config = "<View/>";
  Result<ImportReport> report = Import(project, "[]");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace quorum::testing
