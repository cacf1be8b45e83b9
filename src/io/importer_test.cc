// The importer against a real SQLite store: formats, all-or-nothing, big rows, round trips.
#include "io/importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/byte_sink.h"
#include "io/export_jsonl.h"
#include "io/json_stream.h"
#include "schema/templates.h"
#include "store/fresh_test_store.h"
#include "store/store_test_support.h"
#include "test_sources.h"

namespace quorum {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> opened = OpenFreshTestStore(dir_.path(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.error().ToString();
    store_ = std::move(opened).value();
  }

  Project MakeProject(std::string_view template_name) {
    Result<ProjectDefinition> definition = LoadTemplate(template_name);
    EXPECT_TRUE(definition.ok());
    Project project;
    project.workspace_id = store_->CreateWorkspace("w")->id;
    project.name = std::string(template_name);
    project.schema = definition->schema;
    return store_->CreateProject(project).value();
  }

  Result<ImportReport> Import(const Project& project, std::string data, ImportFormat format,
                              ImportOptions options = {}) {
    options.format = format;
    return ImportRecords(*store_, project, StringSource(std::move(data), "input"), options, clock_);
  }

  std::string Export(const Project& project) {
    std::string out;
    std::unique_ptr<ByteSink> sink = StringSink(out);
    Result<ExportReport> report = ExportJsonl(*store_, project.id, *sink);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    return out;
  }

  int64_t Count(const Project& project) { return store_->CountRecords(project.id).value(); }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<Store> store_;
};

TEST_F(ImporterTest, JsonArrayWithNativeAndFlatRows) {
  Project project = MakeProject("pairwise-preference");
  Result<ImportReport> report = Import(project, R"([
    {"id": "a", "prompt": "p1", "response_a": "x", "response_b": "y", "model_a": "m1"},
    {"id": "b", "fields": {"prompt": "p2", "response_a": "[1, 2]", "response_b": "{\"k\": \"]\"}"},
     "suggestions": [{"question": "preference", "value": "response_b", "agent": "judge"}]}
  ])", ImportFormat::kJson);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->records, 2);
  EXPECT_EQ(report->suggestions, 1);
  std::vector<Record> records = store_->ListRecords(project.id, 0, 10).value();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].external_id, "a");
  EXPECT_EQ(records[0].metadata["model_a"], "m1");
  EXPECT_EQ(records[1].fields["response_b"], "{\"k\": \"]\"}");
}

TEST_F(ImporterTest, FlatRowsCarryResponsesToo) {
  Project project = MakeProject("pairwise-preference");
  ImportOptions options;
  options.create_users = true;
  Result<ImportReport> report = Import(project,
      R"({"prompt": "p", "response_a": "a", "response_b": "b", "gold": {"preference": "response_a"}, "responses": [{"user": "f@x.org", "values": {}, "status": "draft"}]})" "\n",
      ImportFormat::kJsonl, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->responses, 1);
  EXPECT_EQ(report->users_created, 1);
  Record record = store_->ListRecords(project.id, 0, 1).value().at(0);
  EXPECT_EQ(record.gold["preference"], "response_a");
  EXPECT_FALSE(record.metadata.contains("responses"));
}

TEST_F(ImporterTest, TruncatedArrayWritesNothing) {
  Project project = MakeProject("pairwise-preference");
  Result<ImportReport> report = Import(project, "[\n{\"prompt\": \"p\", \"response_a\": \"a\", \"response_b\": \"b\"},\n"
                                                "{\"prompt\": \"p\", \"response_a\": ", ImportFormat::kJson);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalid);
  ASSERT_FALSE(report.error().problems.empty());
  EXPECT_THAT(report.error().problems.back().ToString(), HasSubstr("input:3"));
  EXPECT_EQ(Count(project), 0);
}

TEST_F(ImporterTest, WrongTypesInNativeRowsAreNamed) {
  Project project = MakeProject("pairwise-preference");
  Result<ImportReport> report = Import(project,
      R"({"fields": {"prompt": "p", "response_a": "a", "response_b": "b"}, "metadata": [1], "priority": "high", "responses": {"user": "x"}, "colour": 1})" "\n",
      ImportFormat::kJsonl);
  ASSERT_FALSE(report.ok());
  std::string text = report.error().ToString();
  EXPECT_THAT(text, AllOf(HasSubstr("input:1: metadata: expected an object, got array"),
                          HasSubstr("input:1: priority: expected a number, got string"),
                          HasSubstr("input:1: responses: expected an array, got object"),
                          HasSubstr("input:1: 'colour': unknown key in a native row")));
  EXPECT_EQ(Count(project), 0);
}

TEST_F(ImporterTest, FiftyMegabyteLineImportsAndOversizedLineIsRefused) {
  Project project = MakeProject("pairwise-preference");
  const std::string big(50u << 20, 'x');
  std::string line = "{\"id\": \"big\", \"prompt\": \"" + big + "\", \"response_a\": \"a\", \"response_b\": \"b\"}\n";
  Result<ImportReport> report = Import(project, line, ImportFormat::kJsonl);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  Record record = store_->ListRecords(project.id, 0, 1).value().at(0);
  EXPECT_EQ(record.fields["prompt"].get_ref<const std::string&>().size(), big.size());

  // The limit is the stream's: a line over it is refused with its line number.
  std::string small_line = "{\"prompt\": \"ok\", \"response_a\": \"a\", \"response_b\": \"b\"}\n";
  JsonStream stream(StringSource(small_line + line, "huge.jsonl"), JsonFraming::kLines, 1u << 20);
  ASSERT_TRUE(stream.Next().ok());
  Result<std::optional<JsonItem>> over = stream.Next();
  ASSERT_FALSE(over.ok());
  EXPECT_THAT(over.error().ToString(), HasSubstr("huge.jsonl:2"));
}

TEST_F(ImporterTest, CsvCellsAreTypedBySchema) {
  Project project = MakeProject("response-rating");
  Result<ImportReport> report = Import(project,
      "prompt,response,rating,issues,source\n"
      "\"Explain, briefly\",\"Sure:\n- one\",4,\"[\"\"incomplete\"\"]\",forum\n",
      ImportFormat::kCsv);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->suggestions, 2);
  std::vector<Suggestion> suggestions = store_->ListSuggestions(store_->ListRecords(project.id, 0, 1)->at(0).id).value();
  ASSERT_EQ(suggestions.size(), 2u);
  for (const Suggestion& suggestion : suggestions) {
    if (suggestion.question == "rating") {
      EXPECT_EQ(suggestion.value, 4);
    } else {
      EXPECT_EQ(suggestion.value, nlohmann::json({"incomplete"}));
    }
    EXPECT_EQ(suggestion.agent, "import");
  }

  Result<ImportReport> bad = Import(project, "prompt,response,rating\np,r,seven\n", ImportFormat::kCsv);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.error().ToString(), HasSubstr("input:2: column 'rating': expected JSON in this cell"));
}

TEST_F(ImporterTest, ChatFieldsFromJsonlAndCsv) {
  Project project = MakeProject("dialogue-rating");
  Result<ImportReport> report = Import(project,
      "conversation\n\"[{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"hi\"\"}, {\"\"role\"\": \"\"assistant\"\", \"\"content\"\": \"\"hello\"\"}]\"\n",
      ImportFormat::kCsv);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  Result<ImportReport> bad = Import(project, R"({"conversation": [{"role": "user"}]})" "\n", ImportFormat::kJsonl);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.error().ToString(), AllOf(HasSubstr("input:1"), HasSubstr("field 'conversation'")));
  EXPECT_EQ(Count(project), 1);
}

TEST_F(ImporterTest, ExportThenImportGivesBackTheSameExport) {
  Project project = MakeProject("pairwise-preference");
  ImportOptions options;
  options.create_users = true;
  Result<ImportReport> report = Import(project,
      R"({"id": "r1", "fields": {"prompt": "p", "response_a": "a", "response_b": "b"}, "metadata": {"model_a": "m"}, "gold": {"preference": "response_a"}, "priority": 3, "created_at": "2026-01-01T00:00:00.000Z", "suggestions": [{"question": "rationale", "value": "because", "score": 0.5, "agent": "llm"}], "responses": [{"user": "a@x.org", "values": {"preference": "response_b"}, "status": "draft", "time_spent_ms": 10, "guideline_version": 2, "created_at": "2026-01-01T00:00:01.000Z", "updated_at": "2026-01-01T00:00:09.000Z", "revisions": [{"user": "a@x.org", "at": "2026-01-01T00:00:01.000Z", "status": "draft", "values": {}}, {"user": "b@x.org", "at": "2026-01-01T00:00:09.000Z", "status": "draft", "values": {"preference": "response_b"}}]}]}
{"fields": {"prompt": "no id", "response_a": "a", "response_b": "b"}}
)", ImportFormat::kJsonl, options);
  ASSERT_TRUE(report.ok()) << report.error().ToString();
  EXPECT_EQ(report->users_created, 2);
  const std::string first = Export(project);
  EXPECT_THAT(first, HasSubstr(R"("revisions":[{"user":"a@x.org","at":"2026-01-01T00:00:01.000Z","status":"draft","values":{}},{"user":"b@x.org")"));

  Project copy = MakeProject("pairwise-preference");
  Result<ImportReport> again = Import(copy, first, ImportFormat::kJsonl);
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(Export(copy), first);
}

TEST_F(ImporterTest, SubmittedResponsesMustAnswerRequiredQuestions) {
  Project project = MakeProject("pairwise-preference");
  ImportOptions options;
  options.create_users = true;
  const std::string row = R"({"fields": {"prompt": "p", "response_a": "a", "response_b": "b"}, "responses": [{"user": "a@x.org", "values": {}, "status": "STATUS"}]})";
  auto with_status = [&](const std::string& status) {
    std::string text = row;
    text.replace(text.find("STATUS"), 6, status);
    return text + "\n";
  };
  Result<ImportReport> submitted = Import(project, with_status("submitted"), ImportFormat::kJsonl, options);
  ASSERT_FALSE(submitted.ok());
  EXPECT_THAT(submitted.error().ToString(), HasSubstr("question 'preference': required question has no answer"));
  EXPECT_EQ(store_->ListUsers()->size(), 0u) << "a refused import creates no users either";
  EXPECT_TRUE(Import(project, with_status("draft"), ImportFormat::kJsonl, options).ok());
}

}  // namespace
}  // namespace quorum
