// ValidateSchema: each case breaks one rule of a valid schema and expects exactly one problem.
#include <cmath>
#include <functional>
#include <stdexcept>

#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "core/validation.h"

namespace quorum {
namespace {

using builders::Field;
using builders::Metadata;
using builders::Question;
using builders::Rating;
using builders::Spans;
using builders::SubjectsAndReasons;
using builders::WithLabels;
using builders::WithOptions;

// A schema using every question kind, valid as is.
Schema ValidSchema() {
  Schema schema;
  schema.fields = {Field("prompt", FieldKind::kMarkdown), Field("response_a", FieldKind::kMarkdown),
                   Field("response_b", FieldKind::kMarkdown), Field("text", FieldKind::kText),
                   Field("chat", FieldKind::kChat, false)};
  schema.questions = {
      WithLabels(Question("label", QuestionKind::kLabel), {"yes", "no"}),
      WithLabels(Question("topics", QuestionKind::kMultiLabel, false), {"a", "b"}),
      Rating("rating", {1, 2, 3}),
      Question("rationale", QuestionKind::kText, false),
      Spans("entities", "text", {"PER", "ORG"}, false),
      WithOptions(Question("ranking", QuestionKind::kRanking), {"response_a", "response_b"}),
      WithOptions(Question("preference", QuestionKind::kPreference), {"response_a", "response_b"},
                  PreferenceScale::kFivePoint),
  };
  MetadataProperty length = Metadata("length", MetadataKind::kInteger);
  length.min = 0;
  length.max = 100;
  MetadataProperty model = Metadata("model", MetadataKind::kTerms);
  model.terms = {"gpt", "llama"};
  schema.metadata = {model, length, Metadata("score", MetadataKind::kFloat)};
  return schema;
}

QuestionSpec& Find(Schema& schema, const std::string& name) {
  for (QuestionSpec& question : schema.questions)
    if (question.name == name) return question;
  throw std::logic_error("test bug: no question " + name);
}

struct SchemaCase {
  std::string name;
  std::function<void(Schema&)> mutate;
  std::string expected;  // "subject: reason"
};

const std::vector<SchemaCase>& Cases() {
  static const std::vector<SchemaCase> kCases = {
      {"EmptyFieldName", [](Schema& s) { s.fields[4].name = ""; }, "fields[4]: name is empty"},
      {"DuplicateField", [](Schema& s) { s.fields.push_back(Field("prompt", FieldKind::kText)); },
       "field 'prompt': name is used more than once in fields"},
      {"DuplicateQuestion", [](Schema& s) { s.questions.push_back(Question("rationale", QuestionKind::kText)); },
       "question 'rationale': name is used more than once in questions"},
      {"DuplicateMetadata", [](Schema& s) { s.metadata.push_back(Metadata("model", MetadataKind::kTerms)); },
       "metadata 'model': name is used more than once in metadata"},
      {"EmptyQuestionName", [](Schema& s) { s.questions[3].name = ""; }, "questions[3]: name is empty"},
      {"NoQuestions", [](Schema& s) { s.questions.clear(); }, "the schema asks no questions; add at least one"},
      {"LabelWithoutLabels", [](Schema& s) { Find(s, "label").labels.clear(); },
       "question 'label': a label question needs at least one label"},
      {"MultiLabelWithoutLabels", [](Schema& s) { Find(s, "topics").labels.clear(); },
       "question 'topics': a multi_label question needs at least one label"},
      {"DuplicateLabel", [](Schema& s) { Find(s, "label").labels = {"yes", "no", "yes"}; },
       "question 'label': labels: 'yes' is listed more than once"},
      {"EmptyLabel", [](Schema& s) { Find(s, "topics").labels.push_back(""); },
       "question 'topics': labels: a label is empty"},
      {"SpanWithoutLabels", [](Schema& s) { Find(s, "entities").labels.clear(); },
       "question 'entities': a span question needs at least one label"},
      {"RatingOneValue", [](Schema& s) { Find(s, "rating").values = {1}; },
       "question 'rating': a rating question needs at least two distinct values"},
      {"RatingDuplicateValues", [](Schema& s) { Find(s, "rating").values = {1, 2, 2}; },
       "question 'rating': values: 2 is listed more than once"},
      {"RatingNaN", [](Schema& s) { Find(s, "rating").values = {1, 2, std::nan("")}; },
       "question 'rating': values: NaN is not a finite number"},
      {"SpanFieldUnset", [](Schema& s) { Find(s, "entities").field = ""; },
       "question 'entities': a span question needs the text field its spans cover (\"field\")"},
      {"SpanFieldUnknown", [](Schema& s) { Find(s, "entities").field = "body"; },
       "question 'entities': field 'body' is not a field of the schema"},
      {"SpanFieldChat", [](Schema& s) { Find(s, "entities").field = "chat"; },
       "question 'entities': field 'chat' is a chat field; spans need a text or markdown field"},
      {"RankingOneOption", [](Schema& s) { Find(s, "ranking").options = {"response_a"}; },
       "question 'ranking': a ranking question needs at least two options, got 1"},
      {"RankingUnknownOption", [](Schema& s) { Find(s, "ranking").options = {"response_a", "response_c"}; },
       "question 'ranking': option 'response_c' is not a field of the schema"},
      {"RankingDuplicateOption",
       [](Schema& s) { Find(s, "ranking").options = {"response_a", "response_b", "response_a"}; },
       "question 'ranking': option 'response_a' is listed more than once"},
      {"FivePointThreeOptions",
       [](Schema& s) { Find(s, "preference").options = {"response_a", "response_b", "prompt"}; },
       "question 'preference': a five_point preference compares exactly two options, got 3"},
      {"PreferenceOneOption",
       [](Schema& s) {
         Find(s, "preference").options = {"response_a"};
         Find(s, "preference").scale = PreferenceScale::kBinary;
       },
       "question 'preference': a preference question needs at least two options, got 1"},
      {"ThreeWayOptionNamedTie",
       [](Schema& s) {
         s.fields.push_back(Field("tie", FieldKind::kText));
         Find(s, "preference").options = {"response_a", "tie"};
         Find(s, "preference").scale = PreferenceScale::kThreeWay;
       },
       "question 'preference': option 'tie' clashes with the three_way answer \"tie\"; rename the field"},
      {"RankingOfATextField", [](Schema& s) {
         Find(s, "ranking").options.clear();
         Find(s, "ranking").field = "text";
       },
       "question 'ranking': field 'text' is a text field; a ranking ranks the items of an item_list field"},
      {"RankingOfAnUnknownField", [](Schema& s) {
         Find(s, "ranking").options.clear();
         Find(s, "ranking").field = "items";
       },
       "question 'ranking': field 'items' is not a field of the schema"},
      {"RankingOfOptionsAndItems", [](Schema& s) {
         s.fields.push_back(Field("items", FieldKind::kItemList));
         Find(s, "ranking").field = "items";
       },
       "question 'ranking': a ranking has either options or an item_list field, not both"},
      {"DuplicateTerms", [](Schema& s) { s.metadata[0].terms = {"gpt", "gpt"}; },
       "metadata 'model': terms: 'gpt' is listed more than once"},
      {"MinAboveMax", [](Schema& s) { s.metadata[1].min = 200; }, "metadata 'length': min 200 is greater than max 100"},
      {"FractionalIntegerBound", [](Schema& s) { s.metadata[1].max = 2.5; },
       "metadata 'length': max must be an integer for an integer property, got 2.5"},
      {"BoundsOnTerms", [](Schema& s) { s.metadata[0].min = 1; },
       "metadata 'model': min and max apply only to integer and float properties"},
      {"TermsOnFloat", [](Schema& s) { s.metadata[2].terms = {"x"}; },
       "metadata 'score': terms apply only to terms properties"},
  };
  return kCases;
}

TEST(ValidateSchema, AcceptsTheValidSchema) { EXPECT_EQ(SubjectsAndReasons(ValidateSchema(ValidSchema())), std::vector<std::string>{}); }

TEST(ValidateSchema, AllowsTheSameNameForAFieldAndAQuestion) {
  Schema schema = ValidSchema();
  schema.questions.push_back(Question("prompt", QuestionKind::kText, false));
  EXPECT_TRUE(ValidateSchema(schema).empty());
}

TEST(ValidateSchema, AcceptsARankingOfAnItemListField) {
  Schema schema = ValidSchema();
  schema.fields.push_back(Field("items", FieldKind::kItemList));
  Find(schema, "ranking").options.clear();
  Find(schema, "ranking").field = "items";
  EXPECT_EQ(SubjectsAndReasons(ValidateSchema(schema)), std::vector<std::string>{});
}

TEST(ValidateSchema, AllowsASchemaWithoutFields) {
  Schema schema;
  schema.questions = {Question("prompt", QuestionKind::kText)};
  EXPECT_TRUE(ValidateSchema(schema).empty());
}

TEST(ValidateSchema, ReportsEveryProblemNotOnlyTheFirst) {
  Schema schema = ValidSchema();
  Find(schema, "label").labels.clear();
  Find(schema, "rating").values.clear();
  schema.metadata[1].min = 500;
  EXPECT_EQ(ValidateSchema(schema).size(), 3u);
}

class SchemaRuleTest : public ::testing::TestWithParam<SchemaCase> {};

TEST_P(SchemaRuleTest, ReportsTheBrokenRule) {
  Schema schema = ValidSchema();
  GetParam().mutate(schema);
  EXPECT_EQ(SubjectsAndReasons(ValidateSchema(schema)), std::vector<std::string>{GetParam().expected});
}

INSTANTIATE_TEST_SUITE_P(Rules, SchemaRuleTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<SchemaCase>& info) { return info.param.name; });

}  // namespace
}  // namespace quorum
