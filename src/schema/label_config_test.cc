// Reading Label Studio configs: every tag, the seeds' configs, every error with its location.
#include "schema/label_config.h"

#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "schema/schema_test_util.h"

namespace quorum {
namespace {

using ::testing::ElementsAre;

std::string ReadTestFile(const std::string& name) {
  std::ifstream in(std::string(QUORUM_TEST_DATA) + "/labelstudio/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

LabelConfig MustParse(std::string_view xml) {
  Result<LabelConfig> config = ParseLabelConfig(xml, "config.xml");
  EXPECT_TRUE(config.ok()) << config.error().ToString();
  return config.ok() ? std::move(config).value() : LabelConfig{};
}

std::vector<std::string> ProblemTexts(std::string_view xml) {
  Result<LabelConfig> config = ParseLabelConfig(xml, "config.xml");
  std::vector<std::string> texts;
  if (config.ok()) return texts;
  for (const Problem& problem : config.error().problems) texts.push_back(problem.ToString());
  return texts;
}

constexpr const char* kEveryTag = R"(<View>
  <Style>.big { font-size: 2em; }</Style>
  <Header value="Static header"/>
  <Header value="$title"/>
  <Text name="intro" value="Read carefully."/>
  <Text name="doc" value="$document"/>
  <HyperText name="page" value="$html"/>
  <Paragraphs name="dialogue" value="$chat" layout="dialogue" nameKey="speaker" textKey="utterance"/>
  <Image name="img" value="$image"/>
  <View style="display: flex">
    <Text name="left" value="$answer_a"/>
    <Text name="right" value="$answer_b"/>
  </View>
  <Choices name="sentiment" toName="doc" choice="single-radio" required="true">
    <Choice value="positive"/>
    <View><Choice value="negative" alias="neg"/></View>
    <Filter name="f" toName="sentiment"/>
  </Choices>
  <Choices name="topics" toName="doc,page" choice="multiple">
    <Choice value="sports"/><Choice value="politics"/>
  </Choices>
  <Rating name="quality" toName="doc" maxRating="10"/>
  <TextArea name="summary" toName="doc" rows="4" placeholder="One sentence" editable="true" required="TRUE"/>
  <Labels name="entities" toName="doc" choice="multiple">
    <Label value="PER"/><Label value="ORG" background="red"/>
  </Labels>
  <Pairwise name="better" toName="left,right"/>
  <Number name="stars" toName="img" min="0" max="1" step="0.25"/>
</View>)";

TEST(ParseLabelConfig, EveryTag) {
  LabelConfig config = MustParse(kEveryTag);
  const Schema& schema = config.schema;
  EXPECT_EQ(schema.label_config, kEveryTag);
  std::vector<std::string> fields;
  for (const FieldSpec& field : schema.fields) fields.push_back(field.name + ":" + FieldKindName(field.kind));
  EXPECT_THAT(fields, ElementsAre("title:text", "document:text", "html:markdown", "chat:chat", "image:image_url",
                                  "answer_a:text", "answer_b:text"));
  for (const FieldSpec& field : schema.fields) EXPECT_TRUE(field.required) << field.name;

  ASSERT_EQ(schema.questions.size(), 7u);
  const QuestionSpec& sentiment = schema.questions[0];
  EXPECT_EQ(sentiment.kind, QuestionKind::kLabel);
  EXPECT_THAT(sentiment.labels, ElementsAre("positive", "neg"));  // the alias is what results carry
  EXPECT_TRUE(sentiment.required);
  EXPECT_EQ(schema.questions[1].kind, QuestionKind::kMultiLabel);
  EXPECT_FALSE(schema.questions[1].required);
  EXPECT_EQ(schema.questions[2].values, (std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(schema.questions[3].kind, QuestionKind::kText);
  EXPECT_TRUE(schema.questions[3].required);
  const QuestionSpec& entities = schema.questions[4];
  EXPECT_EQ(entities.kind, QuestionKind::kSpan);
  EXPECT_EQ(entities.field, "document");
  EXPECT_TRUE(entities.allow_overlap);
  EXPECT_THAT(entities.labels, ElementsAre("PER", "ORG"));
  const QuestionSpec& better = schema.questions[5];
  EXPECT_EQ(better.kind, QuestionKind::kPreference);
  EXPECT_THAT(better.options, ElementsAre("answer_a", "answer_b"));
  EXPECT_EQ(better.scale, PreferenceScale::kBinary);
  EXPECT_EQ(schema.questions[6].values, (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));

  ASSERT_EQ(config.objects.size(), 6u);  // the named, data-bound tags; not the static Text or the Header
  const ObjectBinding* dialogue = config.FindObject("dialogue");
  ASSERT_NE(dialogue, nullptr);
  EXPECT_EQ(dialogue->field, "chat");
  EXPECT_EQ(dialogue->name_key, "speaker");
  EXPECT_EQ(dialogue->text_key, "utterance");
  EXPECT_EQ(config.FindObjectForField("document")->name, "doc");
  ASSERT_EQ(config.controls.size(), 7u);
  EXPECT_EQ(config.FindControl("topics")->target, "doc");
  EXPECT_THAT(config.FindControl("topics")->to_names, ElementsAre("doc", "page"));
  EXPECT_TRUE(config.FindControl("topics")->multiple);
  EXPECT_TRUE(config.FindControl("entities")->multiple);
  EXPECT_EQ(config.FindControl("better")->target, "better");  // Pairwise results name the Pairwise
  EXPECT_EQ(config.FindControl("stars")->tag, LabelStudioControl::kNumber);
}

// Label Studio 1.13's own Ranker example (tags/control/Ranker.js), with a prompt beside it.
TEST(ParseLabelConfig, RankerOverAList) {
  LabelConfig config = MustParse(R"(<View>
  <Style>.htx-ranker-item { background: lightgoldenrodyellow; }</Style>
  <Text name="prompt" value="$prompt"/>
  <List name="results" value="$items" title="Search Results"/>
  <Ranker name="rank" toName="results" required="true"/>
</View>)");
  ASSERT_EQ(config.schema.fields.size(), 2u);
  const FieldSpec& items = config.schema.fields[1];
  EXPECT_EQ(items.name, "items");  // the task data key
  EXPECT_EQ(items.kind, FieldKind::kItemList);
  EXPECT_EQ(items.title, "Search Results");
  ASSERT_EQ(config.schema.questions.size(), 1u);
  const QuestionSpec& rank = config.schema.questions[0];
  EXPECT_EQ(rank.kind, QuestionKind::kRanking);
  EXPECT_EQ(rank.field, "items");
  EXPECT_TRUE(rank.options.empty());
  EXPECT_TRUE(rank.required);
  const ControlBinding* control = config.FindControl("rank");
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->tag, LabelStudioControl::kRanker);
  EXPECT_EQ(control->target, "results");  // results name the List as to_name
  const ObjectBinding* list = config.FindObject("results");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->field, "items");
  EXPECT_TRUE(list->item_fields.empty());
}

TEST(ParseLabelConfig, ParagraphsDefaultKeysAndTagNamesIgnoreCase) {
  LabelConfig config = MustParse(R"(<view><paragraphs name="p" value="$dialog"/>
    <choices name="c" toname="p"><choice value="ok"/></choices></view>)");
  EXPECT_EQ(config.FindObject("p")->name_key, "author");
  EXPECT_EQ(config.FindObject("p")->text_key, "text");
  EXPECT_EQ(config.schema.fields[0].kind, FieldKind::kChat);
}

TEST(ParseLabelConfig, SeedPairwiseComparison) {
  LabelConfig config = MustParse(ReadTestFile("seed_000_pairwise.xml"));
  std::vector<std::string> fields;
  for (const FieldSpec& field : config.schema.fields) fields.push_back(field.name);
  EXPECT_THAT(fields, ElementsAre("prompt", "response_a", "response_b"));
  ASSERT_EQ(config.schema.questions.size(), 1u);
  const QuestionSpec& pref = config.schema.questions[0];
  EXPECT_EQ(pref.name, "pref");
  EXPECT_EQ(pref.kind, QuestionKind::kPreference);
  // toName lists the prompt as well; the two Texts inside the tag are the compared ones.
  EXPECT_THAT(pref.options, ElementsAre("response_a", "response_b"));
  EXPECT_EQ(config.controls[0].tag, LabelStudioControl::kPairwise);
  EXPECT_EQ(config.controls[0].target, "pref");
}

TEST(ParseLabelConfig, SeedFivePointChoices) {
  LabelConfig config = MustParse(ReadTestFile("seed_001_preference.xml"));
  const Schema& schema = config.schema;
  ASSERT_EQ(schema.fields.size(), 3u);
  ASSERT_EQ(schema.questions.size(), 4u);
  EXPECT_EQ(schema.questions[0].name, "preference");
  EXPECT_EQ(schema.questions[0].kind, QuestionKind::kLabel);
  EXPECT_THAT(schema.questions[0].labels,
              ElementsAre("response_a_much_better", "response_a_slightly_better", "tie", "response_b_slightly_better",
                          "response_b_much_better"));
  EXPECT_EQ(schema.questions[1].name, "helpfulness");
  EXPECT_EQ(schema.questions[1].values, (std::vector<double>{1, 2, 3, 4, 5}));
  EXPECT_EQ(schema.questions[2].name, "safety");
  EXPECT_EQ(schema.questions[3].name, "rationale");
  EXPECT_EQ(schema.questions[3].kind, QuestionKind::kText);
}

struct ErrorCase {
  const char* name;
  const char* xml;
  std::vector<std::string> problems;
};

class LabelConfigErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(LabelConfigErrors, AreLocated) { EXPECT_EQ(ProblemTexts(GetParam().xml), GetParam().problems); }

INSTANTIATE_TEST_SUITE_P(
    Table, LabelConfigErrors,
    ::testing::Values(
        ErrorCase{"XmlSyntax", "<View>\n  <Text name=\"t\" value=\"$t\">\n</View>",
                  {"config.xml:3:3: XML: Start-end tags mismatch"}},
        ErrorCase{"Empty", "  ", {"config.xml:1:3: XML: No document element found"}},
        ErrorCase{"RootNotView", "<Text name=\"t\" value=\"$t\"/>",
                  {"config.xml:1:1: <Text name=\"t\">: the root element must be <View>"}},
        ErrorCase{"UnknownTag", "<View>\n  <Txt name=\"t\" value=\"$t\"/>\n</View>",
                  {"config.xml:2:3: <Txt name=\"t\">: unknown tag <Txt>"}},
        ErrorCase{"UnsupportedTag", "<View><Audio name=\"a\" value=\"$a\"/></View>",
                  {"config.xml:1:7: <Audio name=\"a\">: <Audio> is not supported: Quorum annotates text, conversations "
                   "and images as a whole (no audio, video or time series)"}},
        ErrorCase{"MissingName", "<View>\n<Text value=\"$t\"/>\n</View>", {"config.xml:2:1: <Text>: missing name"}},
        ErrorCase{"ControlMissingName",
                  "<View><Text name=\"t\" value=\"$t\"/>\n <Choices toName=\"t\"><Choice value=\"a\"/></Choices></View>",
                  {"config.xml:2:2: <Choices>: missing name"}},
        ErrorCase{"MissingToName", "<View><Text name=\"t\" value=\"$t\"/><TextArea name=\"x\"/></View>",
                  {"config.xml:1:34: <TextArea name=\"x\">: missing toName (the name of the object tag it annotates)"}},
        ErrorCase{"ToNameNamesNothing",
                  "<View>\n<Text name=\"prompt\" value=\"$p\"/>\n<Rating name=\"r\" toName=\"promt\"/>\n</View>",
                  {"config.xml:3:1: <Rating name=\"r\">: toName 'promt' names no object tag (known: prompt)"}},
        ErrorCase{"CommaListWithOneUnknown",
                  "<View><Text name=\"a\" value=\"$a\"/><Choices name=\"c\" toName=\"a, b\">"
                  "<Choice value=\"x\"/></Choices></View>",
                  {"config.xml:1:34: <Choices name=\"c\">: toName 'b' names no object tag (known: a)"}},
        ErrorCase{"DuplicateNames",
                  "<View>\n<Text name=\"t\" value=\"$a\"/>\n<Text name=\"t\" value=\"$b\"/>\n"
                  "<TextArea name=\"t\" toName=\"t\"/></View>",
                  {"config.xml:3:1: <Text name=\"t\">: duplicate name 't' (first used at 2:1)",
                   "config.xml:4:1: <TextArea name=\"t\">: duplicate name 't' (first used at 2:1)"}},
        ErrorCase{"NoChoices",
                  "<View><Text name=\"t\" value=\"$t\"/>\n  <Choices name=\"c\" toName=\"t\"/></View>",
                  {"config.xml:2:3: <Choices name=\"c\">: a control with no choices: add <Choice value=\"...\"/> tags"}},
        ErrorCase{"DynamicChoices",
                  "<View><Text name=\"t\" value=\"$t\"/><Choices name=\"c\" toName=\"t\" value=\"$options\"/></View>",
                  {"config.xml:1:34: <Choices name=\"c\">: a control with no choices: add <Choice value=\"...\"/> tags "
                   "(choices taken from the task data, value='$options', are not supported)"}},
        ErrorCase{"NoLabels", "<View><Text name=\"t\" value=\"$t\"/><Labels name=\"l\" toName=\"t\"></Labels></View>",
                  {"config.xml:1:34: <Labels name=\"l\">: a control with no labels: add <Label value=\"...\"/> tags"}},
        ErrorCase{"DuplicateChoice",
                  "<View><Text name=\"t\" value=\"$t\"/><Choices name=\"c\" toName=\"t\">\n<Choice value=\"a\"/>"
                  "<Choice value=\"a\"/></Choices></View>",
                  {"config.xml:2:20: <Choice>: 'a' appears twice in <Choices name=\"c\">"}},
        ErrorCase{"ChoiceOutsideChoices", "<View><Text name=\"t\" value=\"$t\"/><Choice value=\"a\"/></View>",
                  {"config.xml:1:34: <Choice>: <Choice> outside a <Choices>"}},
        ErrorCase{"BadChoiceMode",
                  "<View><Text name=\"t\" value=\"$t\"/><Choices name=\"c\" toName=\"t\" choice=\"many\">"
                  "<Choice value=\"a\"/></Choices></View>",
                  {"config.xml:1:34: <Choices name=\"c\">: choice must be single, single-radio or multiple, got 'many'"}},
        ErrorCase{"BadRequired",
                  "<View><Text name=\"t\" value=\"$t\"/><TextArea name=\"x\" toName=\"t\" required=\"yes\"/></View>",
                  {"config.xml:1:34: <TextArea name=\"x\">: required must be true or false, got 'yes'"}},
        ErrorCase{"BadMaxRating", "<View><Text name=\"t\" value=\"$t\"/><Rating name=\"r\" toName=\"t\" maxRating=\"1\"/></View>",
                  {"config.xml:1:34: <Rating name=\"r\">: maxRating must be a whole number from 2 to 100, got 1"}},
        ErrorCase{"UnboundedNumber", "<View><Text name=\"t\" value=\"$t\"/><Number name=\"n\" toName=\"t\"/></View>",
                  {"config.xml:1:34: <Number name=\"n\">: a Number needs min and max: Quorum's numeric questions "
                   "are a finite scale"}},
        ErrorCase{"LabelsOnImage", "<View><Image name=\"i\" value=\"$i\"/><Labels name=\"l\" toName=\"i\">"
                                   "<Label value=\"x\"/></Labels></View>",
                  {"config.xml:1:35: <Labels name=\"l\">: Labels annotate a <Text> bound to a $variable; 'i' is a "
                   "<Image>"}},
        ErrorCase{"PairwiseOfThreeUnnested",
                  "<View><Text name=\"a\" value=\"$a\"/><Text name=\"b\" value=\"$b\"/><Text name=\"c\" value=\"$c\"/>"
                  "\n<Pairwise name=\"p\" toName=\"a,b,c\"/></View>",
                  {"config.xml:2:1: <Pairwise name=\"p\">: a Pairwise compares exactly two objects: list two names in "
                   "toName (it lists 3)"}},
        ErrorCase{"PerRegion",
                  "<View><Text name=\"t\" value=\"$t\"/><TextArea name=\"x\" toName=\"t\" perRegion=\"true\"/></View>",
                  {"config.xml:1:34: <TextArea name=\"x\">: perRegion and perItem controls are not supported: "
                   "Quorum's answers are per record"}},
        ErrorCase{"NotAVariable", "<View><Image name=\"i\" value=\"$a.b\"/></View>",
                  {"config.xml:1:7: <Image name=\"i\">: value '$a.b' is not a $variable (letters, digits, '_' and '-' "
                   "after the '$')"}},
        ErrorCase{"RankerNeedsList", "<View><Text name=\"t\" value=\"$t\"/><Ranker name=\"r\" toName=\"t\"/></View>",
                  {"config.xml:1:34: <Ranker name=\"r\">: a Ranker ranks the items of one <List>; toName must name a "
                   "List"}},
        ErrorCase{"RankerWithBuckets",
                  "<View><List name=\"l\" value=\"$items\"/><Ranker name=\"r\" toName=\"l\">\n"
                  "<Bucket name=\"best\" title=\"Best\"/></Ranker></View>",
                  {"config.xml:2:1: <Bucket name=\"best\">: <Bucket> is not supported: a Quorum ranking orders every "
                   "item of the List; it does not sort items into buckets (use a Ranker without Buckets)"}},
        ErrorCase{"ListOfStaticText", "<View><List name=\"l\" value=\"items\"/></View>",
                  {"config.xml:1:7: <List name=\"l\">: value must be a $variable naming the task data to show, got "
                   "'items'"}},
        ErrorCase{"KindClash", "<View><Text name=\"a\" value=\"$x\"/>\n<Image name=\"b\" value=\"$x\"/></View>",
                  {"config.xml:2:1: <Image name=\"b\">: $x is shown as text by another tag; one data key has one kind"}},
        ErrorCase{"NoQuestions", "<View><Text name=\"t\" value=\"$t\"/></View>",
                  {"config.xml: the schema asks no questions; add at least one"}},
        ErrorCase{"ColumnsCountCodePoints", "<View><Header value=\"é\"/><Txt/></View>",
                  {"config.xml:1:26: <Txt>: unknown tag <Txt>"}},
        ErrorCase{"EveryProblemAtOnce",
                  "<View>\n<Choices name=\"c\" toName=\"x\"/>\n<Foo/>\n<Text value=\"$v\"/>\n</View>",
                  {"config.xml:3:1: <Foo>: unknown tag <Foo>", "config.xml:4:1: <Text>: missing name",
                   "config.xml:2:1: <Choices name=\"c\">: toName 'x' names no object tag (the config has no object tags)"}}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return std::string(info.param.name); });

TEST(LabelConfigErrors, AreInvalidWithACount) {
  Result<LabelConfig> config = ParseLabelConfig("<View><Foo/><Bar/></View>", "x.xml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(config.error().message, "invalid label config: 2 problems");
}

}  // namespace
}  // namespace quorum
