// Label Studio result items <-> native answers, both ways, for every control; and the problems
// a result array can have.
#include "io/labelstudio_result.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/test_builders.h"

namespace quorum {
namespace {

using nlohmann::json;

constexpr const char* kConfig = R"(<View>
  <Text name="doc" value="$text"/>
  <Text name="a" value="$answer_a"/>
  <Text name="b" value="$answer_b"/>
  <Choices name="one" toName="doc"><Choice value="x"/><Choice value="y"/></Choices>
  <Choices name="many" toName="doc" choice="multiple"><Choice value="x"/><Choice value="y"/></Choices>
  <Rating name="stars" toName="doc"/>
  <Number name="count" toName="doc" min="0" max="3"/>
  <TextArea name="why" toName="doc"/>
  <Labels name="ents" toName="doc"><Label value="PER"/><Label value="ORG"/></Labels>
  <Labels name="tags" toName="doc" choice="multiple"><Label value="PER"/><Label value="ORG"/></Labels>
  <Pairwise name="pick" toName="a,b"/>
</View>)";

const LabelConfig& Parsed() {
  static const LabelConfig config = *ParseLabelConfig(kConfig, "config.xml");
  return config;
}

// A native schema the writer turns into Choices-for-preference and a Ranker.
const LabelConfig& Written() {
  static const LabelConfig config = [] {
    Schema schema;
    for (const char* name : {"response_1", "response_2"}) schema.fields.push_back(builders::Field(name, FieldKind::kMarkdown));
    schema.questions.push_back(builders::WithOptions(builders::Question("five", QuestionKind::kPreference),
                                                     {"response_1", "response_2"}, PreferenceScale::kFivePoint));
    schema.questions.push_back(builders::WithOptions(builders::Question("three", QuestionKind::kPreference),
                                                     {"response_1", "response_2"}, PreferenceScale::kThreeWay));
    schema.questions.push_back(
        builders::WithOptions(builders::Question("ranking", QuestionKind::kRanking), {"response_1", "response_2"}));
    return WriteLabelConfig(schema);
  }();
  return config;
}

const json kFields = {{"text", "Bob Inc"}, {"answer_a", "A"}, {"answer_b", "B"}};

struct Case {
  const char* name;
  bool written;  // Written() rather than Parsed()
  const char* question;
  json answer;
  json items;  // the result items, without "origin"
};

class BothWays : public ::testing::TestWithParam<Case> {};

TEST_P(BothWays, ValuesToResultAndBack) {
  const Case& test = GetParam();
  const LabelConfig& config = test.written ? Written() : Parsed();
  const json values = {{test.question, test.answer}};
  EXPECT_EQ(ValuesToResult(config, values, kFields, ""), test.items);
  std::vector<Problem> problems;
  EXPECT_EQ(ResultToValues(config, test.items, "t.json:1", "result", problems), values);
  for (const Problem& problem : problems) ADD_FAILURE() << problem.ToString();
}

json Item(const char* id, const char* type, const char* from, const char* to, json value) {
  return json{{"id", id}, {"type", type}, {"from_name", from}, {"to_name", to}, {"value", std::move(value)}};
}

INSTANTIATE_TEST_SUITE_P(
    EveryControl, BothWays,
    ::testing::Values(
        Case{"SingleChoice", false, "one", "x", json::array({Item("one", "choices", "one", "doc", {{"choices", {"x"}}})})},
        Case{"MultipleChoices", false, "many", {"x", "y"},
             json::array({Item("many", "choices", "many", "doc", {{"choices", {"x", "y"}}})})},
        Case{"Rating", false, "stars", 4, json::array({Item("stars", "rating", "stars", "doc", {{"rating", 4}})})},
        Case{"Number", false, "count", 2, json::array({Item("count", "number", "count", "doc", {{"number", 2}})})},
        Case{"TextArea", false, "why", "line 1\nline 2",
             json::array({Item("why", "textarea", "why", "doc", {{"text", {"line 1\nline 2"}}})})},
        Case{"Labels", false, "ents",
             json::array({{{"start", 0}, {"end", 3}, {"label", "PER"}}, {{"start", 4}, {"end", 7}, {"label", "ORG"}}}),
             json::array({Item("ents_1", "labels", "ents", "doc",
                               {{"start", 0}, {"end", 3}, {"text", "Bob"}, {"labels", {"PER"}}}),
                          Item("ents_2", "labels", "ents", "doc",
                               {{"start", 4}, {"end", 7}, {"text", "Inc"}, {"labels", {"ORG"}}})})},
        Case{"LabelsSeveralPerRegion", false, "tags",
             json::array({{{"start", 0}, {"end", 7}, {"label", "PER"}}, {{"start", 0}, {"end", 7}, {"label", "ORG"}}}),
             json::array({Item("tags_1", "labels", "tags", "doc",
                               {{"start", 0}, {"end", 7}, {"text", "Bob Inc"}, {"labels", {"PER", "ORG"}}})})},
        Case{"PairwiseLeft", false, "pick", "answer_a",
             json::array({Item("pick", "pairwise", "pick", "pick", {{"selected", "left"}})})},
        Case{"PairwiseRight", false, "pick", "answer_b",
             json::array({Item("pick", "pairwise", "pick", "pick", {{"selected", "right"}})})},
        Case{"FivePointAsChoices", true, "five", -1,
             json::array({Item("five", "choices", "five", "response_1", {{"choices", {"-1"}}})})},
        Case{"ThreeWayTie", true, "three", "tie",
             json::array({Item("three", "choices", "three", "response_1", {{"choices", {"tie"}}})})},
        Case{"Ranker", true, "ranking", {"response_2", "response_1"},
             json::array({Item("ranking", "ranker", "ranking", "ranking_items",
                               {{"ranker", {{"ranking", {"response_2", "response_1"}}}}})})}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(ValuesToResult, WritesOriginSkipsEmptyAnswersAndFollowsQuestionOrder) {
  json values = {{"why", ""}, {"stars", 2}, {"one", "y"}, {"many", json::array()}};
  json result = ValuesToResult(Parsed(), values, kFields, "manual");
  ASSERT_EQ(result.size(), 2u);
  EXPECT_EQ(result[0]["from_name"], "one");
  EXPECT_EQ(result[1]["from_name"], "stars");
  EXPECT_EQ(result[0]["origin"], "manual");
}

struct Accepted {
  const char* name;
  json items;
  json values;
};

class AcceptedVariants : public ::testing::TestWithParam<Accepted> {};

TEST_P(AcceptedVariants, Read) {
  std::vector<Problem> problems;
  EXPECT_EQ(ResultToValues(Parsed(), GetParam().items, "t.json:1", "result", problems), GetParam().values);
  for (const Problem& problem : problems) ADD_FAILURE() << problem.ToString();
}

INSTANTIATE_TEST_SUITE_P(
    Table, AcceptedVariants,
    ::testing::Values(
        Accepted{"PairwiseToNameAsTargets",
                 json::array({{{"from_name", "pick"}, {"to_name", "a,b"}, {"type", "pairwise"}, {"value", {{"selected", "left"}}}}}),
                 {{"pick", "answer_a"}}},
        Accepted{"PairwiseToNameAsOneTarget",
                 json::array({{{"from_name", "pick"}, {"to_name", "b"}, {"type", "pairwise"}, {"value", {{"selected", "right"}}}}}),
                 {{"pick", "answer_b"}}},
        Accepted{"NoIdNoTypeNoToName", json::array({{{"from_name", "stars"}, {"value", {{"rating", 3}}}}}), {{"stars", 3}}},
        Accepted{"TypeInAnyCase", json::array({{{"from_name", "one"}, {"type", "Choices"}, {"value", {{"choices", {"y"}}}}}}),
                 {{"one", "y"}}},
        Accepted{"TextAsAString", json::array({{{"from_name", "why"}, {"value", {{"text", "plain"}}}}}), {{"why", "plain"}}},
        Accepted{"TextLinesJoined", json::array({{{"from_name", "why"}, {"value", {{"text", {"a", "b"}}}}}}), {{"why", "a\nb"}}},
        Accepted{"EmptyResult", json::array(), json::object()}),
    [](const ::testing::TestParamInfo<Accepted>& info) { return std::string(info.param.name); });

TEST(ResultToValues, ReadsTheRankerShapeBefore113) {
  std::vector<Problem> problems;
  json items = json::array({{{"from_name", "ranking"}, {"value", {{"ranker", {"response_1", "response_2"}}}}}});
  EXPECT_EQ(ResultToValues(Written(), items, "t", "r", problems), (json{{"ranking", {"response_1", "response_2"}}}));
  EXPECT_TRUE(problems.empty());
}

struct Refused {
  const char* name;
  json items;
  std::string problem;
};

class RefusedResults : public ::testing::TestWithParam<Refused> {};

TEST_P(RefusedResults, AreLocated) {
  std::vector<Problem> problems;
  ResultToValues(Parsed(), GetParam().items, "tasks.json:4", "annotations[0].result", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].ToString(), GetParam().problem);
}

INSTANTIATE_TEST_SUITE_P(
    Table, RefusedResults,
    ::testing::Values(
        Refused{"NotAnObject", json::array({7}),
                "tasks.json:4: annotations[0].result[0]: expected a result object {\"from_name\", \"to_name\", \"type\", "
                "\"value\"}, got number"},
        Refused{"UnknownFromName", json::array({{{"from_name", "stras"}, {"value", {{"rating", 1}}}}}),
                "tasks.json:4: annotations[0].result[0]: from_name 'stras' names no control of the label config (known: "
                "one, many, stars, count, why, ents, tags, pick)"},
        Refused{"WrongType", json::array({{{"from_name", "stars"}, {"type", "choices"}, {"value", {{"rating", 1}}}}}),
                "tasks.json:4: annotations[0].result[0]: type 'choices' does not fit control 'stars' (expected 'rating')"},
        Refused{"WrongToName", json::array({{{"from_name", "stars"}, {"to_name", "a"}, {"value", {{"rating", 1}}}}}),
                "tasks.json:4: annotations[0].result[0]: to_name 'a' does not fit control 'stars' (expected 'doc')"},
        Refused{"Selected", json::array({{{"from_name", "pick"}, {"value", {{"selected", "middle"}}}}}),
                "tasks.json:4: annotations[0].result[0]: value.selected: expected 'left' or 'right', got 'middle'"},
        Refused{"TwoChoicesForOne", json::array({{{"from_name", "one"}, {"value", {{"choices", {"x", "y"}}}}}}),
                "tasks.json:4: annotations[0].result[0]: value.choices: a single-choice control takes one choice, got 2"},
        Refused{"RatingNotANumber", json::array({{{"from_name", "stars"}, {"value", {{"rating", "4"}}}}}),
                "tasks.json:4: annotations[0].result[0]: value.rating: expected a number, got string"},
        Refused{"MissingValueKey", json::array({{{"from_name", "count"}, {"value", json::object()}}}),
                "tasks.json:4: annotations[0].result[0]: value.number: missing"},
        Refused{"RegionWithoutLabels",
                json::array({{{"from_name", "ents"}, {"value", {{"start", 0}, {"end", 3}, {"labels", json::array()}}}}}),
                "tasks.json:4: annotations[0].result[0]: value.labels: expected a non-empty array of label names"},
        Refused{"RegionWithoutOffsets", json::array({{{"from_name", "ents"}, {"value", {{"labels", {"PER"}}}}}}),
                "tasks.json:4: annotations[0].result[0]: value: a region needs integer start and end (character "
                "offsets in the text)"},
        Refused{"TwoAnswersToOneQuestion",
                json::array({{{"from_name", "stars"}, {"value", {{"rating", 1}}}}, {{"from_name", "stars"}, {"value", {{"rating", 2}}}}}),
                "tasks.json:4: annotations[0].result[1]: a second result for question 'stars'"}),
    [](const ::testing::TestParamInfo<Refused>& info) { return std::string(info.param.name); });

TEST(ResultToValues, RefusesAResultThatIsNotAnArray) {
  std::vector<Problem> problems;
  ResultToValues(Parsed(), json::object(), "t", "predictions[0].result", problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].ToString(), "t: predictions[0].result: expected an array of results, got object");
}

}  // namespace
}  // namespace quorum
