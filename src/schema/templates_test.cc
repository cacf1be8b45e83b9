// Every built-in template is valid, round-trips through JSON, and has the promised shape.
#include "schema/templates.h"

#include <gtest/gtest.h>

#include "core/validation.h"
#include "schema/schema_test_util.h"

namespace quorum {
namespace {

std::vector<std::string> TemplateNames() {
  std::vector<std::string> names;
  for (const TemplateInfo& info : ListTemplates()) names.emplace_back(info.name);
  return names;
}

TEST(ListTemplates, ListsTheEightTemplatesInAStableOrder) {
  EXPECT_EQ(TemplateNames(), (std::vector<std::string>{"pairwise-preference", "preference-5point-rubric",
                                                       "sft-demonstration", "response-rating", "text-classification",
                                                       "ner-spans", "best-of-n-ranking", "dialogue-rating"}));
  for (const TemplateInfo& info : ListTemplates()) EXPECT_FALSE(info.description.empty()) << info.name;
}

TEST(LoadTemplate, RefusesAnUnknownNameListingTheKnownOnes) {
  Result<ProjectDefinition> definition = LoadTemplate("pairwise");
  ASSERT_FALSE(definition.ok());
  EXPECT_EQ(definition.error().code, ErrorCode::kNotFound);
  EXPECT_NE(definition.error().message.find("unknown template 'pairwise'"), std::string::npos);
  EXPECT_NE(definition.error().message.find("pairwise-preference, preference-5point-rubric"), std::string::npos);
}

class EveryTemplateTest : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryTemplateTest, PassesValidateSchema) {
  Result<ProjectDefinition> definition = LoadTemplate(GetParam());
  ASSERT_TRUE(definition.ok());
  std::vector<Problem> problems = ValidateSchema(definition->schema);
  for (const Problem& problem : problems) ADD_FAILURE() << problem.ToString();
}

TEST_P(EveryTemplateTest, RoundTripsThroughTheNativeDocument) {
  ProjectDefinition definition = *LoadTemplate(GetParam());
  nlohmann::json document = ProjectDefinitionToJson(definition);
  EXPECT_EQ(document.dump(), ProjectDefinitionToJson(*LoadTemplate(GetParam())).dump());  // deterministic
  Result<ProjectDefinition> again = ProjectDefinitionFromJson(nlohmann::json::parse(document.dump()), GetParam());
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  ExpectSameSchema(again->schema, definition.schema);
  EXPECT_EQ(again->guidelines, definition.guidelines);
  EXPECT_EQ(again->settings, definition.settings);
  Result<Schema> schema_only = SchemaFromJson(SchemaToJson(definition.schema), "");
  ASSERT_TRUE(schema_only.ok()) << schema_only.error().ToString();
  ExpectSameSchema(*schema_only, definition.schema);
}

TEST_P(EveryTemplateTest, HasGuidelinesAndAnOverlapSetting) {
  ProjectDefinition definition = *LoadTemplate(GetParam());
  EXPECT_GT(definition.guidelines.size(), 300u);
  EXPECT_EQ(definition.guidelines.rfind("# ", 0), 0u) << "guidelines start with a markdown heading";
  ASSERT_TRUE(definition.settings.contains("overlap"));
  EXPECT_EQ(definition.settings["overlap"], GetParam() == "pairwise-preference" ? 2 : 1);
}

INSTANTIATE_TEST_SUITE_P(Templates, EveryTemplateTest, ::testing::ValuesIn(TemplateNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

// The shape of each template as a compact string: "fields | questions | metadata", each entry
// "name:kind", questions with "!" when required.
std::string Shape(const Schema& schema) {
  std::string out;
  for (const FieldSpec& field : schema.fields) out += field.name + ":" + FieldKindName(field.kind) + " ";
  out += "|";
  for (const QuestionSpec& question : schema.questions)
    out += " " + question.name + ":" + QuestionKindName(question.kind) + (question.required ? "!" : "");
  out += " |";
  for (const MetadataProperty& property : schema.metadata) out += " " + property.name + ":" + MetadataKindName(property.kind);
  return out;
}

TEST(Templates, HaveThePromisedShapes) {
  auto shape = [](std::string_view name) { return Shape(LoadTemplate(name)->schema); };
  EXPECT_EQ(shape("pairwise-preference"),
            "prompt:markdown response_a:markdown response_b:markdown | preference:preference! rationale:text | "
            "model_a:terms model_b:terms category:terms");
  EXPECT_EQ(shape("preference-5point-rubric"),
            "prompt:markdown response_a:markdown response_b:markdown | preference:preference! helpfulness_a:rating! "
            "helpfulness_b:rating! safety_a:rating! safety_b:rating! rationale:text! | model_a:terms model_b:terms");
  EXPECT_EQ(shape("sft-demonstration"), "prompt:markdown | response:text! | category:terms");
  EXPECT_EQ(shape("response-rating"), "prompt:markdown response:markdown | rating:rating! issues:multi_label |");
  EXPECT_EQ(shape("text-classification"), "text:text | label:label! |");
  EXPECT_EQ(shape("ner-spans"), "text:text | entities:span! |");
  EXPECT_EQ(shape("best-of-n-ranking"),
            "prompt:markdown response_1:markdown response_2:markdown response_3:markdown response_4:markdown | "
            "ranking:ranking! |");
  EXPECT_EQ(shape("dialogue-rating"), "conversation:chat | quality:rating! safe:label! |");
}

TEST(Templates, HaveThePromisedQuestionDetails) {
  const QuestionSpec pairwise = LoadTemplate("pairwise-preference")->schema.questions[0];
  EXPECT_EQ(pairwise.scale, PreferenceScale::kBinary);
  EXPECT_EQ(pairwise.options, (std::vector<std::string>{"response_a", "response_b"}));
  const Schema rubric = LoadTemplate("preference-5point-rubric")->schema;
  EXPECT_EQ(rubric.questions[0].scale, PreferenceScale::kFivePoint);
  for (std::size_t index = 1; index <= 4; ++index) EXPECT_EQ(rubric.questions[index].values, (std::vector<double>{1, 2, 3, 4, 5}));
  const Schema rating = LoadTemplate("response-rating")->schema;
  EXPECT_EQ(rating.questions[0].values, (std::vector<double>{1, 2, 3, 4, 5}));
  EXPECT_FALSE(rating.questions[0].description.empty()) << "the rubric";
  EXPECT_EQ(rating.questions[1].labels,
            (std::vector<std::string>{"factual_error", "unsafe", "off_topic", "incomplete", "badly_formatted"}));
  EXPECT_EQ(LoadTemplate("text-classification")->schema.questions[0].labels,
            (std::vector<std::string>{"positive", "negative", "neutral"}));
  const QuestionSpec entities = LoadTemplate("ner-spans")->schema.questions[0];
  EXPECT_EQ(entities.labels, (std::vector<std::string>{"PER", "ORG", "LOC", "MISC"}));
  EXPECT_EQ(entities.field, "text");
  EXPECT_FALSE(entities.allow_overlap);
  EXPECT_EQ(LoadTemplate("best-of-n-ranking")->schema.questions[0].options,
            (std::vector<std::string>{"response_1", "response_2", "response_3", "response_4"}));
  const Schema dialogue = LoadTemplate("dialogue-rating")->schema;
  EXPECT_EQ(dialogue.questions[0].values, (std::vector<double>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(dialogue.questions[1].labels, (std::vector<std::string>{"safe", "unsafe"}));
}

}  // namespace
}  // namespace quorum
