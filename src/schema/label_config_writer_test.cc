// Writing configs for native schemas, and keeping a config with its schema.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "schema/label_config.h"
#include "schema/schema_json.h"
#include "schema/schema_test_util.h"
#include "schema/templates.h"

namespace quorum {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Schema TemplateSchema(std::string_view name) { return LoadTemplate(name)->schema; }

TEST(WriteLabelConfig, PairwiseTemplate) {
  LabelConfig config = WriteLabelConfig(TemplateSchema("pairwise-preference"));
  EXPECT_EQ(config.schema.label_config, R"xml(<View>
  <Header value="Prompt" />
  <Text name="prompt" value="$prompt" />
  <Header value="Response A" />
  <Text name="response_a" value="$response_a" />
  <Header value="Response B" />
  <Text name="response_b" value="$response_b" />
  <Header value="Which response is better?" />
  <Pairwise name="preference" toName="response_a,response_b" required="true" />
  <Header value="Why? (optional)" />
  <TextArea name="rationale" toName="prompt" />
</View>
)xml");
  ASSERT_EQ(config.controls.size(), 2u);
  EXPECT_EQ(config.controls[0].tag, LabelStudioControl::kPairwise);
  EXPECT_EQ(config.controls[0].target, "preference");
  EXPECT_EQ(config.controls[1].target, "prompt");
  EXPECT_EQ(config.objects.size(), 3u);
}

TEST(WriteLabelConfig, FivePointPreferenceIsChoicesWithAliases) {
  LabelConfig config = WriteLabelConfig(TemplateSchema("preference-5point-rubric"));
  EXPECT_THAT(config.schema.label_config,
              HasSubstr(R"(<Choices name="preference" choice="single-radio" toName="response_a" required="true">
    <Choice value="Response A much better" alias="-2" />)"));
  const ControlBinding* preference = config.FindControl("preference");
  ASSERT_NE(preference, nullptr);
  ASSERT_EQ(preference->choice_answers.size(), 5u);
  EXPECT_EQ(preference->choice_answers[0].first, "-2");
  EXPECT_EQ(preference->choice_answers[0].second, -2);
  EXPECT_EQ(preference->choice_answers[2].first, "0");
}

TEST(WriteLabelConfig, RankingBecomesARankerOverAList) {
  LabelConfig config = WriteLabelConfig(TemplateSchema("best-of-n-ranking"));
  EXPECT_THAT(config.schema.label_config, HasSubstr(R"(<List name="ranking_items" value="$ranking_items")"));
  EXPECT_THAT(config.schema.label_config, HasSubstr(R"(<Ranker name="ranking" toName="ranking_items")"));
  const ObjectBinding* list = config.FindObject("ranking_items");
  ASSERT_NE(list, nullptr);
  EXPECT_TRUE(list->field.empty());
  EXPECT_THAT(list->item_fields, ElementsAre("response_1", "response_2", "response_3", "response_4"));
}

TEST(WriteLabelConfig, ItemListIsAListAndItsRankingARanker) {
  Schema schema;
  schema.fields = {builders::Field("prompt", FieldKind::kText), builders::Field("items", FieldKind::kItemList)};
  schema.fields[1].title = "Search results";
  QuestionSpec rank = builders::Question("rank", QuestionKind::kRanking);
  rank.field = "items";
  schema.questions = {rank, builders::WithLabels(builders::Question("topic", QuestionKind::kLabel), {"a", "b"})};
  LabelConfig config = WriteLabelConfig(schema);
  EXPECT_THAT(config.schema.label_config, HasSubstr(R"(<List name="items" value="$items" title="Search results" />)"));
  EXPECT_THAT(config.schema.label_config, HasSubstr(R"(<Ranker name="rank" toName="items" required="true" />)"));
  EXPECT_THAT(config.schema.label_config, HasSubstr(R"(<Choices name="topic" choice="single" toName="prompt")"));
  EXPECT_EQ(config.FindControl("rank")->target, "items");
  EXPECT_TRUE(config.FindObject("items")->item_fields.empty());

  Result<LabelConfig> read = ParseLabelConfig(config.schema.label_config, "written.xml");
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  EXPECT_EQ(read->schema.fields[1].kind, FieldKind::kItemList);
  EXPECT_EQ(read->schema.fields[1].title, "Search results");
  EXPECT_EQ(read->schema.questions[0].field, "items");
}

TEST(WriteLabelConfig, ChatAndRatingScales) {
  Schema schema;
  schema.fields = {builders::Field("conversation", FieldKind::kChat), builders::Field("shot", FieldKind::kImageUrl)};
  schema.questions = {builders::Rating("odd", {0, 5, 10}), builders::Rating("stars", {1, 2, 3})};
  LabelConfig config = WriteLabelConfig(schema);
  EXPECT_THAT(config.schema.label_config,
              HasSubstr(R"(<Paragraphs name="conversation" value="$conversation" layout="dialogue" nameKey="role")"));
  EXPECT_THAT(config.schema.label_config, HasSubstr(R"(<Image name="shot" value="$shot" />)"));
  EXPECT_THAT(config.schema.label_config, HasSubstr(R"(<Number name="odd" min="0" max="10" step="5")"));
  EXPECT_THAT(config.schema.label_config, HasSubstr(R"(<Rating name="stars" maxRating="3")"));
  EXPECT_EQ(config.FindObject("conversation")->name_key, "role");
  EXPECT_EQ(config.FindControl("odd")->tag, LabelStudioControl::kNumber);
}

class WrittenConfigTest : public ::testing::TestWithParam<std::string> {};

// Label Studio can show what Quorum wrote: the config reads back with the same field and
// question names, and the questions that have a Label Studio twin keep their kind.
TEST_P(WrittenConfigTest, ReadsBack) {
  const Schema schema = TemplateSchema(GetParam());
  LabelConfig written = WriteLabelConfig(schema);
  Result<LabelConfig> read = ParseLabelConfig(written.schema.label_config, "written.xml");
  ASSERT_TRUE(read.ok()) << read.error().ToString() << "\n" << written.schema.label_config;
  if (GetParam() == "best-of-n-ranking") {
    // Label Studio ranks the List the export builds from the responses: read back, that List is
    // an item_list field of its own and the ranking ranks its items.
    ASSERT_EQ(read->schema.fields.size(), schema.fields.size() + 1);
    EXPECT_EQ(read->schema.fields.back().name, "ranking_items");
    EXPECT_EQ(read->schema.fields.back().kind, FieldKind::kItemList);
    ASSERT_EQ(read->schema.questions.size(), 1u);
    EXPECT_EQ(read->schema.questions[0].field, "ranking_items");
    return;
  }
  ASSERT_EQ(read->schema.fields.size(), schema.fields.size());
  for (std::size_t index = 0; index < schema.fields.size(); ++index)
    EXPECT_EQ(read->schema.fields[index].name, schema.fields[index].name);
  ASSERT_EQ(read->schema.questions.size(), schema.questions.size());
  for (std::size_t index = 0; index < schema.questions.size(); ++index) {
    const QuestionSpec& original = schema.questions[index];
    const QuestionSpec& again = read->schema.questions[index];
    EXPECT_EQ(again.name, original.name);
    EXPECT_EQ(again.required, original.required);
    const bool choices_for_preference =
        original.kind == QuestionKind::kPreference && original.scale != PreferenceScale::kBinary;
    if (!choices_for_preference) {
      EXPECT_EQ(again.kind, original.kind) << original.name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Templates, WrittenConfigTest,
                         ::testing::Values("pairwise-preference", "preference-5point-rubric", "sft-demonstration",
                                           "response-rating", "text-classification", "ner-spans", "best-of-n-ranking",
                                           "dialogue-rating"),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

constexpr const char* kConfig = R"(<View>
  <Text name="txt" value="$review"/>
  <Choices name="sentiment" toName="txt"><Choice value="pos"/><Choice value="neg"/></Choices>
</View>)";

TEST(LabelConfigOf, ParsesAStoredConfigAndKeepsTheStoredSchema) {
  Schema schema = ParseLabelConfig(kConfig, "x")->schema;
  schema.questions[0].title = "Sentiment";  // edited after creation
  Result<LabelConfig> config = LabelConfigOf(schema);
  ASSERT_TRUE(config.ok()) << config.error().ToString();
  EXPECT_EQ(config->schema.questions[0].title, "Sentiment");
  EXPECT_EQ(config->FindObject("txt")->field, "review");
}

TEST(LabelConfigOf, WritesOneForANativeSchema) {
  Result<LabelConfig> config = LabelConfigOf(TemplateSchema("text-classification"));
  ASSERT_TRUE(config.ok());
  EXPECT_THAT(config->schema.label_config, HasSubstr("<Choices name=\"label\""));
}

TEST(LabelConfigOf, RefusesAConfigThatNoLongerMatches) {
  Schema schema = ParseLabelConfig(kConfig, "x")->schema;
  schema.questions[0].labels.push_back("mixed");
  Result<LabelConfig> config = LabelConfigOf(schema);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().problems.at(0).ToString(),
            "label_config: question 'sentiment' asks something else in the config");
}

TEST(SchemaJson, KeepsTheLabelConfig) {
  Schema schema = ParseLabelConfig(kConfig, "x")->schema;
  nlohmann::json document = SchemaToJson(schema);
  EXPECT_EQ(document["label_config"], kConfig);
  Result<Schema> again = SchemaFromJson(document, "schema.json");
  ASSERT_TRUE(again.ok()) << again.error().ToString();
  ExpectSameSchema(*again, schema);
  EXPECT_FALSE(SchemaToJson(TemplateSchema("ner-spans")).contains("label_config"));
}

TEST(SchemaJson, ReportsABrokenLabelConfig) {
  nlohmann::json document = SchemaToJson(ParseLabelConfig(kConfig, "x")->schema);
  document["label_config"] = "<View><Text name=\"txt\" value=\"$review\"/></View>";
  Result<Schema> schema = SchemaFromJson(document, "schema.json");
  ASSERT_FALSE(schema.ok());
  EXPECT_EQ(schema.error().problems.at(0).ToString(),
            "schema.json: label_config: label_config: the schema asks no questions; add at least one");
  document["label_config"] = 7;
  EXPECT_EQ(SchemaFromJson(document, "s.json").error().problems.at(0).ToString(),
            "s.json: label_config: expected a string, got number");
}

}  // namespace
}  // namespace quorum
