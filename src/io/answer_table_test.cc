// LoadAnswerTable against a real SQLite store: every question kind coded, gold and suggestions
// in the same dictionaries, drafts skipped, empty answers left out, unreadable answers counted.
#include "io/answer_table.h"

#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "core/validation.h"
#include "io/importer.h"
#include "store/fresh_test_store.h"
#include "quality/gold_accuracy.h"
#include "store/store_test_support.h"

namespace quorum {
namespace {

using builders::Field;
using builders::Question;
using builders::WithLabels;
using builders::WithOptions;

Schema EveryKind() {
  Schema schema;
  schema.fields = {Field("text", FieldKind::kText), Field("a", FieldKind::kText), Field("b", FieldKind::kText)};
  schema.questions = {
      WithLabels(Question("topic", QuestionKind::kLabel, false), {"news", "sport", "other"}),
      WithLabels(Question("tags", QuestionKind::kMultiLabel, false), {"x", "y", "z"}),
      builders::Rating("stars", {1, 2, 3, 4, 5}, false),
      Question("why", QuestionKind::kText, false),
      builders::Spans("entities", "text", {"PER", "ORG"}, false),
      WithOptions(Question("order", QuestionKind::kRanking, false), {"a", "b"}),
      WithOptions(Question("pref", QuestionKind::kPreference, false), {"a", "b"}, PreferenceScale::kFivePoint),
  };
  schema.questions[4].required = false;
  return schema;
}

class AnswerTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenFreshTestStore(dir_.path(), clock_).value();
    Project project;
    project.workspace_id = store_->CreateWorkspace("w")->id;
    project.name = "every kind";
    project.schema = EveryKind();
    project_ = store_->CreateProject(project).value();
  }

  void Import(const std::string& jsonl) {
    ImportOptions options;
    options.create_users = true;
    Result<ImportReport> report = ImportRecords(*store_, project_, StringSource(jsonl, "test"), options, clock_);
    ASSERT_TRUE(report.ok()) << report.error().ToString();
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<Store> store_;
  Project project_;
};

constexpr const char* kRows = R"({"id": "r1", "fields": {"text": "Ada Lovelace met Babbage", "a": "x", "b": "y"}, "metadata": {"model_a": "m1", "model_b": "m2"}, "gold": {"topic": "news", "stars": 4}, "suggestions": [{"question": "topic", "value": "news"}, {"question": "tags", "value": ["y", "x"]}], "responses": [{"user": "ann@x.org", "status": "submitted", "time_spent_ms": 30000, "values": {"topic": "news", "tags": ["x", "y"], "stars": 4, "why": "because", "entities": [{"start": 17, "end": 24, "label": "PER"}, {"start": 0, "end": 12, "label": "PER"}], "order": ["b", "a"], "pref": -2}}, {"user": "bob@x.org", "status": "submitted", "time_spent_ms": 45000, "values": {"topic": "sport", "tags": ["y", "x"], "stars": 5, "why": "because", "entities": [], "order": ["b", "a"], "pref": 1}}, {"user": "cy@x.org", "status": "draft", "values": {"topic": "other"}}]}
{"id": "r2", "fields": {"text": "nothing here", "a": "x", "b": "y"}, "metadata": {"model_a": "m2", "model_b": "m3"}, "responses": [{"user": "bob@x.org", "status": "submitted", "time_spent_ms": 5000, "values": {"topic": "news", "why": "", "entities": [{"start": 0, "end": 7, "label": "ORG"}]}}]}
{"id": "r3", "fields": {"text": "t", "a": "x", "b": "y"}}
)";

TEST_F(AnswerTableTest, CodesEveryKind) {
  Import(kRows);
  AnswerTableOptions options;
  options.with_models = true;
  Result<AnswerTable> loaded = LoadAnswerTable(*store_, project_, options);
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  const AnswerTable& table = *loaded;
  ASSERT_EQ(table.item_count(), 3);
  EXPECT_EQ(table.external_id(0), "r1");
  EXPECT_EQ(table.external_id(2), "r3");
  EXPECT_EQ(table.submitted, 3);
  EXPECT_EQ(table.skipped, 1);  // the draft
  EXPECT_EQ(table.unreadable, 0);
  ASSERT_EQ(table.annotator_emails.size(), 2u);  // the draft's author never counts
  EXPECT_EQ(table.annotator_emails[0], "ann@x.org");
  EXPECT_EQ(table.times_ms[1], (std::vector<int64_t>{45000, 5000}));

  const QuestionAnswers& topic = *table.Find("topic");
  ASSERT_EQ(topic.answers.item(0).size(), 2u);
  EXPECT_EQ(topic.answers.item(0)[0].code, 0);  // news
  EXPECT_EQ(topic.answers.item(0)[1].code, 1);  // sport
  EXPECT_EQ(topic.answers.item(2).size(), 0u);
  EXPECT_EQ(topic.answers.code_count(), 3);
  EXPECT_EQ(topic.gold[0], 0);
  EXPECT_EQ(topic.gold[1], kNoCode);
  EXPECT_EQ(topic.suggestions[0], 0);

  const QuestionAnswers& tags = *table.Find("tags");
  EXPECT_EQ(tags.answers.item(0)[0].code, tags.answers.item(0)[1].code);  // the same set, any order
  EXPECT_EQ(tags.suggestions[0], tags.answers.item(0)[0].code);
  EXPECT_EQ(AnswerJson(tags, tags.answers.item(0)[0].code), nlohmann::json({"x", "y"}));

  const QuestionAnswers& stars = *table.Find("stars");
  EXPECT_EQ(AnswerJson(stars, stars.answers.item(0)[1].code), 5.0);
  EXPECT_EQ(stars.gold[0], stars.answers.item(0)[0].code);

  const QuestionAnswers& why = *table.Find("why");
  EXPECT_EQ(why.answers.item(0)[0].code, why.answers.item(0)[1].code);  // equal texts, equal codes
  EXPECT_EQ(why.answers.item(1).size(), 0u);  // "" is no answer

  const QuestionAnswers& entities = *table.Find("entities");
  ASSERT_EQ(entities.answers.item(0).size(), 2u);  // [] is an answer for spans
  const auto& spans = entities.span_lists[static_cast<size_t>(entities.answers.item(0)[0].code)];
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, 0);  // sorted
  EXPECT_TRUE(entities.span_lists[static_cast<size_t>(entities.answers.item(0)[1].code)].empty());

  const QuestionAnswers& order = *table.Find("order");
  EXPECT_EQ(order.rankings[static_cast<size_t>(order.answers.item(0)[0].code)], (std::vector<int32_t>{1, 0}));

  const QuestionAnswers& pref = *table.Find("pref");
  EXPECT_EQ(pref.answers.item(0)[0].code, 0);  // -2
  EXPECT_EQ(pref.answers.item(0)[1].code, 3);  // +1
  EXPECT_EQ(AnswerJson(pref, 3), 1);

  EXPECT_EQ(table.models, (std::vector<std::string>{"m1", "m2", "m3"}));
  EXPECT_EQ(table.model_a, (std::vector<int32_t>{0, 1, -1}));
  EXPECT_EQ(table.model_b, (std::vector<int32_t>{1, 2, -1}));
}

TEST_F(AnswerTableTest, ChosenQuestionsOnlyAndUnknownOnesRefused) {
  Import(kRows);
  AnswerTableOptions options;
  options.questions = {"stars"};
  Result<AnswerTable> loaded = LoadAnswerTable(*store_, project_, options);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->questions.size(), 1u);
  EXPECT_TRUE(loaded->model_a.empty());
  options.questions = {"colour"};
  Result<AnswerTable> unknown = LoadAnswerTable(*store_, project_, options);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("no question 'colour'"), std::string::npos);
}

TEST_F(AnswerTableTest, AnswersTheSchemaNoLongerAllowsAreCountedAndLocated) {
  Import(kRows);
  Project changed = project_;
  changed.schema.questions[0].labels = {"news", "other"};  // "sport" removed
  Result<AnswerTable> loaded = LoadAnswerTable(*store_, changed);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->unreadable, 1);
  ASSERT_EQ(loaded->problems.size(), 1u);
  EXPECT_EQ(loaded->problems[0].ToString(), "record r1: question 'topic': answer: 'sport' is not a label of the question");
  EXPECT_EQ(loaded->Find("topic")->answers.item(0).size(), 1u);
}

TEST_F(AnswerTableTest, RepeatedResponsesCodeAlikeAndRepeatedProblemsAreEachCounted) {
  std::string jsonl;
  for (int index = 0; index < 5; ++index)
    jsonl += R"({"id": "same-)" + std::to_string(index) + R"(", "fields": {"text": "t", "a": "x", "b": "y"}, "responses": [)"
             R"({"user": "ann@x.org", "status": "submitted", "values": {"topic": "sport", "tags": ["z", "x"]}},)"
             R"({"user": "bob@x.org", "status": "submitted", "values": {"topic": "news", "tags": ["z", "x"]}}]})" "\n";
  Import(jsonl);
  Result<AnswerTable> loaded = LoadAnswerTable(*store_, project_);
  ASSERT_TRUE(loaded.ok());
  const QuestionAnswers& tags = *loaded->Find("tags");
  for (int64_t item = 0; item < 5; ++item) {
    ASSERT_EQ(loaded->Find("topic")->answers.item(item).size(), 2u);
    EXPECT_EQ(loaded->Find("topic")->answers.item(item)[0].code, 1);
    EXPECT_EQ(tags.answers.item(item)[0].code, tags.answers.item(0)[1].code);
  }
  EXPECT_EQ(AnswerJson(tags, tags.answers.item(4)[0].code), nlohmann::json({"x", "z"}));
  Project changed = project_;
  changed.schema.questions[0].labels = {"news", "other"};
  Result<AnswerTable> reread = LoadAnswerTable(*store_, changed);
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread->unreadable, 5);  // every repeat is reported, not remembered
  EXPECT_EQ(reread->problems.size(), 5u);
  for (int64_t item = 0; item < 5; ++item) {
    ASSERT_EQ(reread->Find("tags")->answers.item(item).size(), 2u);  // the rest of the response still counts
    EXPECT_EQ(reread->Find("topic")->answers.item(item).size(), 1u);
  }
}

TEST_F(AnswerTableTest, EmptinessAgreesWithIsEmptyAnswer) {
  // The loader decides emptiness on simdjson values; it must agree with core's IsEmptyAnswer.
  // Each value goes in as one response to the optional text, span and label questions; then
  // "why" is made required, which makes a blank text empty too.
  const std::vector<std::string> values = {"null", "\"\"", "\"  \\n\"", "\"a\"", "[]"};
  std::string jsonl;
  int index = 0;
  for (const std::string& value : values) {
    const bool array = value == "[]";
    const std::string text_value = array ? "null" : value, span_value = value == "\"a\"" || value[0] == '"' ? "null" : value;
    const std::string label_value = value == "\"a\"" ? "\"news\"" : array || value == "\"  \\n\"" ? "null" : value;
    jsonl += R"({"id": "e)" + std::to_string(index++) + R"(", "fields": {"text": "t", "a": "x", "b": "y"}, "responses": [{"user": "ann@x.org", "status": "submitted", "values": {"why": )" +
             text_value + R"(, "entities": )" + span_value + R"(, "topic": )" + label_value + "}}]}\n";
  }
  Import(jsonl);
  Project changed = project_;
  changed.schema.questions[3].required = true;
  Result<AnswerTable> loaded = LoadAnswerTable(*store_, changed);
  ASSERT_TRUE(loaded.ok());
  Result<std::vector<Record>> records = store_->ListRecords(project_.id, 0, 100);
  ASSERT_TRUE(records.ok());
  int empties = 0, answers = 0;
  for (int64_t item = 0; item < loaded->item_count(); ++item) {
    const nlohmann::json values_json = store_->ListResponses(records->at(static_cast<size_t>(item)).id)->at(0).values;
    for (const char* name : {"why", "entities", "topic"}) {
      const QuestionAnswers& question = *loaded->Find(name);
      const bool empty = IsEmptyAnswer(question.question, values_json.at(name));
      EXPECT_EQ(question.answers.item(item).empty(), empty) << name << " = " << values_json.at(name).dump();
      (empty ? empties : answers) += 1;
    }
  }
  EXPECT_EQ(loaded->item_count(), 5);
  EXPECT_GE(empties, 5);
  EXPECT_GE(answers, 3);
}

// GradeAgainstGold, the distribution engine's grade, agrees with the report's gold accuracy on
// the same answers (label, rating; span lists compared as sets; empty answers not counted).
TEST_F(AnswerTableTest, GradingOneAnswerAgreesWithTheReportsGoldAccuracy) {
  const std::string gold = R"({"topic": "news", "stars": 4, "entities": [{"start": 0, "end": 3, "label": "PER"}, {"start": 4, "end": 8, "label": "ORG"}]})";
  const char* answers[] = {
      R"({"topic": "news", "stars": 4, "entities": [{"start": 4, "end": 8, "label": "ORG"}, {"start": 0, "end": 3, "label": "PER"}]})",
      R"({"topic": "sport", "stars": 4})",
      R"({"topic": "", "stars": 2, "entities": []})",
      R"({"tags": ["x"]})",
  };
  std::string rows;
  for (int index = 0; index < 4; ++index) {
    rows += R"({"id": "g)" + std::to_string(index) + R"(", "fields": {"text": "Ada Lovelace", "a": "x", "b": "y"}, "gold": )" +
            gold + R"(, "responses": [{"user": "ann@x.org", "status": "submitted", "values": )" + answers[index] + "}]}\n";
  }
  Import(rows);
  AnswerTable table = LoadAnswerTable(*store_, project_).value();
  GoldTally sum;
  for (int index = 0; index < 4; ++index) {
    GoldTally grade = GradeAgainstGold(project_, gold, answers[index]);
    sum.answered += grade.answered;
    sum.correct += grade.correct;
  }
  std::vector<GoldAccuracy> report;
  for (const QuestionAnswers& question : table.questions) AddGoldAccuracy(report, GoldAccuracyOf(question.answers, question.gold));
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(sum.answered, report[0].total);
  EXPECT_EQ(sum.correct, report[0].correct);
  EXPECT_EQ(GradeAgainstGold(project_, gold, answers[0]).correct, 3) << "spans in another order are the same answer";
  EXPECT_EQ(GradeAgainstGold(project_, gold, answers[1]).answered, 2);
  EXPECT_EQ(GradeAgainstGold(project_, gold, answers[1]).correct, 1);
  EXPECT_EQ(GradeAgainstGold(project_, gold, answers[2]).answered, 2) << "the empty topic is no answer; an empty span list is one";
  EXPECT_EQ(GradeAgainstGold(project_, gold, answers[3]).answered, 0) << "no gold for tags";
  EXPECT_EQ(GradeAgainstGold(project_, "{}", answers[0]).answered, 0);
}

}  // namespace
}  // namespace quorum
