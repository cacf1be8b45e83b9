// The native JSON schema document: defaults, round trips, and errors named by JSON path.
#include "schema/schema_json.h"

#include <gtest/gtest.h>

#include "schema/schema_test_util.h"

namespace quorum {
namespace {

using nlohmann::json;

constexpr const char* kFullDocument = R"({
  "fields": [
    {"name": "prompt", "kind": "markdown"},
    {"name": "response_a", "title": "Response A", "kind": "markdown"},
    {"name": "response_b", "title": "Response B", "kind": "markdown"},
    {"name": "text", "kind": "text", "required": false},
    {"name": "chat", "kind": "chat", "required": false},
    {"name": "image", "kind": "image_url", "required": false}
  ],
  "questions": [
    {"name": "choice", "kind": "label", "labels": ["yes", "no"], "required": true},
    {"name": "topics", "kind": "multi_label", "labels": ["a", "b"]},
    {"name": "score", "title": "Score", "description": "1 is bad", "kind": "rating", "values": [1, 2, 3.5]},
    {"name": "why", "kind": "text"},
    {"name": "entities", "kind": "span", "labels": ["PER"], "field": "text", "allow_overlap": true},
    {"name": "order", "kind": "ranking", "options": ["response_a", "response_b"]},
    {"name": "preference", "kind": "preference", "options": ["response_a", "response_b"], "scale": "three_way"}
  ],
  "metadata": [
    {"name": "model", "kind": "terms", "terms": ["gpt", "llama"]},
    {"name": "turns", "kind": "integer", "min": 1, "max": 10},
    {"name": "score", "kind": "float"}
  ]
})";

TEST(SchemaFromJson, ReadsEveryKind) {
  Result<Schema> schema = SchemaFromJson(json::parse(kFullDocument), "schema.json");
  ASSERT_TRUE(schema.ok()) << schema.error().ToString();
  ASSERT_EQ(schema->fields.size(), 6u);
  EXPECT_EQ(schema->fields[0].title, "prompt");  // title defaults to the name
  EXPECT_TRUE(schema->fields[0].required);        // fields are required by default
  EXPECT_EQ(schema->fields[1].title, "Response A");
  EXPECT_EQ(schema->fields[5].kind, FieldKind::kImageUrl);
  EXPECT_FALSE(schema->fields[5].required);
  ASSERT_EQ(schema->questions.size(), 7u);
  EXPECT_TRUE(schema->questions[0].required);
  EXPECT_FALSE(schema->questions[1].required);  // questions are optional by default
  EXPECT_EQ(schema->questions[2].values, (std::vector<double>{1, 2, 3.5}));
  EXPECT_EQ(schema->questions[2].description, "1 is bad");
  EXPECT_EQ(schema->questions[4].field, "text");
  EXPECT_TRUE(schema->questions[4].allow_overlap);
  EXPECT_EQ(schema->questions[6].scale, PreferenceScale::kThreeWay);
  ASSERT_EQ(schema->metadata.size(), 3u);
  EXPECT_EQ(schema->metadata[0].terms, (std::vector<std::string>{"gpt", "llama"}));
  EXPECT_EQ(schema->metadata[1].min, 1.0);
  EXPECT_EQ(schema->metadata[1].max, 10.0);
  EXPECT_FALSE(schema->metadata[2].min.has_value());
}

TEST(SchemaFromJson, DefaultsScaleAndOverlap) {
  json document = json::parse(R"({"fields": [{"name": "a", "kind": "text"}, {"name": "b", "kind": "text"}],
    "questions": [{"name": "p", "kind": "preference", "options": ["a", "b"]},
                  {"name": "s", "kind": "span", "labels": ["X"], "field": "a"}]})");
  Result<Schema> schema = SchemaFromJson(document, "");
  ASSERT_TRUE(schema.ok()) << schema.error().ToString();
  EXPECT_EQ(schema->questions[0].scale, PreferenceScale::kBinary);
  EXPECT_FALSE(schema->questions[1].allow_overlap);
  EXPECT_TRUE(schema->metadata.empty());
}

TEST(SchemaToJson, RoundTripsAndIsDeterministic) {
  Schema schema = *SchemaFromJson(json::parse(kFullDocument), "");
  json once = SchemaToJson(schema);
  EXPECT_EQ(once.dump(), SchemaToJson(schema).dump());
  Result<Schema> again = SchemaFromJson(once, "");
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  ExpectSameSchema(*again, schema);
}

TEST(SchemaToJson, WritesOnlyTheKeysOfEachKind) {
  json out = SchemaToJson(*SchemaFromJson(json::parse(kFullDocument), ""));
  EXPECT_EQ(out["fields"][0], json::parse(R"({"name": "prompt", "title": "prompt", "kind": "markdown", "required": true})"));
  EXPECT_EQ(out["questions"][2], json::parse(R"({"name": "score", "title": "Score", "description": "1 is bad",
      "kind": "rating", "required": false, "values": [1, 2, 3.5]})"));
  EXPECT_EQ(out["questions"][3], json::parse(R"({"name": "why", "title": "why", "description": "", "kind": "text",
      "required": false})"));
  EXPECT_EQ(out["questions"][4], json::parse(R"({"name": "entities", "title": "entities", "description": "",
      "kind": "span", "required": false, "labels": ["PER"], "field": "text", "allow_overlap": true})"));
  EXPECT_EQ(out["questions"][6]["scale"], "three_way");
  EXPECT_EQ(out["metadata"][1], json::parse(R"({"name": "turns", "title": "turns", "kind": "integer", "min": 1, "max": 10})"));
  EXPECT_EQ(out["metadata"][2], json::parse(R"({"name": "score", "title": "score", "kind": "float"})"));
  // Integral rating values are written as integers: "1", not "1.0".
  EXPECT_EQ(out["questions"][2]["values"].dump(), "[1,2,3.5]");
}

TEST(SchemaToJson, ARankingOfItemsWritesItsFieldNotOptions) {
  json document = json::parse(R"({"fields": [{"name": "items", "title": "Results", "kind": "item_list"}],
    "questions": [{"name": "rank", "kind": "ranking", "field": "items", "required": true}]})");
  Result<Schema> schema = SchemaFromJson(document, "");
  ASSERT_TRUE(schema.ok()) << schema.error().ToString();
  EXPECT_EQ(schema->fields[0].kind, FieldKind::kItemList);
  json out = SchemaToJson(*schema);
  EXPECT_EQ(out["fields"][0]["kind"], "item_list");
  EXPECT_EQ(out["questions"][0], json::parse(R"({"name": "rank", "title": "rank", "description": "",
      "kind": "ranking", "required": true, "field": "items"})"));
  Result<Schema> again = SchemaFromJson(out, "");
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  ExpectSameSchema(*again, *schema);
}

struct ErrorCase {
  std::string name;
  std::string document;
  std::vector<std::string> expected;  // Problem::ToString() of each problem, source "s.json"
};

const std::vector<ErrorCase>& ErrorCases() {
  static const std::vector<ErrorCase> kCases = {
      {"NotAnObject", "[]", {"s.json: expected a JSON object, got array"}},
      {"MissingQuestions", R"({"fields": []})", {"s.json: questions: missing (required)"}},
      {"UnknownTopLevelKey", R"({"questions": [{"name": "q", "kind": "text"}], "colour": "red"})",
       {"s.json: colour: unknown key"}},
      {"GuidelinesInSchema", R"({"questions": [{"name": "q", "kind": "text"}], "guidelines": "x"})",
       {"s.json: guidelines: unknown key in a schema (guidelines and settings belong to a project definition)"}},
      {"FieldsNotArray", R"({"fields": {}, "questions": [{"name": "q", "kind": "text"}]})",
       {"s.json: fields: expected an array, got object"}},
      {"FieldNotObject", R"({"fields": ["prompt"], "questions": [{"name": "q", "kind": "text"}]})",
       {"s.json: fields[0]: expected an object, got string"}},
      {"FieldUnknownKind", R"({"fields": [{"name": "p", "kind": "html"}], "questions": [{"name": "q", "kind": "text"}]})",
       {"s.json: fields[0].kind: unknown field kind 'html' (known: text, markdown, chat, image_url, item_list)"}},
      {"FieldMissingName", R"({"fields": [{"kind": "text"}], "questions": [{"name": "q", "kind": "text"}]})",
       {"s.json: fields[0].name: missing (required)"}},
      {"FieldRequiredNotBool",
       R"({"fields": [{"name": "p", "kind": "text", "required": "yes"}], "questions": [{"name": "q", "kind": "text"}]})",
       {"s.json: fields[0].required: expected true or false, got string"}},
      {"FieldUnknownKey",
       R"({"fields": [{"name": "p", "kind": "text", "lenght": 3}], "questions": [{"name": "q", "kind": "text"}]})",
       {"s.json: fields[0].lenght: unknown key"}},
      {"LabelsNotStrings",
       R"({"questions": [{"name": "a", "kind": "text"}, {"name": "b", "kind": "text"},
                         {"name": "q", "kind": "label", "labels": [1, 2]}]})",
       {"s.json: questions[2].labels: expected an array of strings; item 0 is of type number"}},
      {"LabelsNotArray", R"({"questions": [{"name": "q", "kind": "label", "labels": "yes,no"}]})",
       {"s.json: questions[0].labels: expected an array of strings, got string"}},
      {"KeyOfAnotherKind", R"({"questions": [{"name": "q", "kind": "rating", "values": [1, 2], "labels": ["x"]}]})",
       {"s.json: questions[0].labels: does not apply to a rating question"}},
      {"UnknownQuestionKind", R"({"questions": [{"name": "q", "kind": "choice"}]})",
       {"s.json: questions[0].kind: unknown question kind 'choice' (known: label, multi_label, rating, text, span, "
        "ranking, preference)"}},
      {"UnknownScale",
       R"({"fields": [{"name": "a", "kind": "text"}, {"name": "b", "kind": "text"}],
           "questions": [{"name": "q", "kind": "preference", "options": ["a", "b"], "scale": "likert"}]})",
       {"s.json: questions[0].scale: unknown preference scale 'likert' (known: binary, three_way, five_point)"}},
      {"ValuesNotNumbers", R"({"questions": [{"name": "q", "kind": "rating", "values": [1, "2"]}]})",
       {"s.json: questions[0].values: expected an array of numbers; item 1 is of type string"}},
      {"MetadataBoundsOnTerms", R"({"questions": [{"name": "q", "kind": "text"}],
           "metadata": [{"name": "m", "kind": "terms", "min": 1}]})",
       {"s.json: metadata[0].min: does not apply to a terms property"}},
      {"MetadataMinNotNumber", R"({"questions": [{"name": "q", "kind": "text"}],
           "metadata": [{"name": "m", "kind": "integer", "min": "1"}]})",
       {"s.json: metadata[0].min: expected a number, got string"}},
      {"SemanticProblem", R"({"questions": [{"name": "q", "kind": "label", "labels": []}]})",
       {"s.json: question 'q': a label question needs at least one label"}},
      {"SemanticReferencesFields",
       R"({"fields": [{"name": "a", "kind": "text"}],
           "questions": [{"name": "q", "kind": "ranking", "options": ["a", "b"]}]})",
       {"s.json: question 'q': option 'b' is not a field of the schema"}},
      {"EveryProblemAtOnce",
       R"({"fields": [{"name": "p", "kind": "text"}, 3],
           "questions": [{"name": "q", "kind": "label", "labels": "x"}, {"name": "r", "kind": "rating", "values": [1]},
                         {"kind": "text"}],
           "metadata": [{"name": "m", "kind": "integer", "min": 5, "max": 1}]})",
       {"s.json: fields[1]: expected an object, got number",
        "s.json: questions[0].labels: expected an array of strings, got string",
        "s.json: questions[2].name: missing (required)",
        "s.json: question 'r': a rating question needs at least two distinct values",
        "s.json: metadata 'm': min 5 is greater than max 1"}},
  };
  return kCases;
}

class SchemaErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(SchemaErrorTest, NamesThePathAndReason) {
  Result<Schema> schema = SchemaFromJson(json::parse(GetParam().document), "s.json");
  ASSERT_FALSE(schema.ok());
  EXPECT_EQ(schema.error().code, ErrorCode::kInvalid);
  std::vector<std::string> problems;
  for (const Problem& problem : schema.error().problems) problems.push_back(problem.ToString());
  EXPECT_EQ(problems, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Documents, SchemaErrorTest, ::testing::ValuesIn(ErrorCases()),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

TEST(SchemaFromJson, PutsTheSourceInTheLocationAndThePathInTheSubject) {
  Result<Schema> schema = SchemaFromJson(json::parse(R"({"questions": 1})"), "project.json");
  ASSERT_FALSE(schema.ok());
  ASSERT_EQ(schema.error().problems.size(), 1u);
  EXPECT_EQ(schema.error().problems[0], (Problem{"project.json", "questions", "expected an array, got number"}));
  EXPECT_EQ(schema.error().message, "invalid schema: 1 problem");
}

TEST(ProjectDefinition, ReadsGuidelinesAndSettings) {
  json document = json::parse(kFullDocument);
  document["guidelines"] = "# Be kind";
  document["settings"] = {{"overlap", 3}};
  Result<ProjectDefinition> definition = ProjectDefinitionFromJson(document, "p.json");
  ASSERT_TRUE(definition.ok()) << definition.error().ToString();
  EXPECT_EQ(definition->guidelines, "# Be kind");
  EXPECT_EQ(definition->settings, json({{"overlap", 3}}));
  EXPECT_EQ(definition->schema.questions.size(), 7u);
  json written = ProjectDefinitionToJson(*definition);
  EXPECT_EQ(written["guidelines"], "# Be kind");
  EXPECT_EQ(written["settings"], json({{"overlap", 3}}));
  EXPECT_EQ(written["questions"], SchemaToJson(definition->schema)["questions"]);
  Result<ProjectDefinition> again = ProjectDefinitionFromJson(ProjectDefinitionToJson(*definition), "");
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  EXPECT_EQ(again->guidelines, "# Be kind");
  EXPECT_EQ(again->settings, definition->settings);
  ExpectSameSchema(again->schema, definition->schema);
}

TEST(ProjectDefinition, DefaultsToNoGuidelinesAndEmptySettings) {
  Result<ProjectDefinition> definition =
      ProjectDefinitionFromJson(json::parse(R"({"questions": [{"name": "q", "kind": "text"}]})"), "");
  ASSERT_TRUE(definition.ok());
  EXPECT_EQ(definition->guidelines, "");
  EXPECT_EQ(definition->settings, json::object());
  EXPECT_EQ(ProjectDefinitionToJson(*definition)["settings"], json::object());
}

TEST(ProjectDefinition, RefusesWrongTypesAndUnknownKeys) {
  json document = json::parse(R"({"questions": [{"name": "q", "kind": "text"}], "guidelines": 5,
                                  "settings": [], "extra": true})");
  Result<ProjectDefinition> definition = ProjectDefinitionFromJson(document, "p.json");
  ASSERT_FALSE(definition.ok());
  std::vector<std::string> problems;
  for (const Problem& problem : definition.error().problems) problems.push_back(problem.ToString());
  EXPECT_EQ(problems, (std::vector<std::string>{"p.json: extra: unknown key",
                                                "p.json: guidelines: expected a string, got number",
                                                "p.json: settings: expected an object, got array"}));
}

}  // namespace
}  // namespace quorum
