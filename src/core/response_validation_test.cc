// ValidateResponseValues (by status) and ValidateGold.
#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "core/validation.h"

namespace quorum {
namespace {

using builders::Field;
using builders::Question;
using builders::Spans;
using builders::SubjectsAndReasons;
using builders::WithOptions;

Schema PairwiseSchema() {
  Schema schema;
  schema.fields = {Field("prompt", FieldKind::kMarkdown), Field("response_a", FieldKind::kMarkdown),
                   Field("response_b", FieldKind::kMarkdown)};
  schema.questions = {WithOptions(Question("preference", QuestionKind::kPreference, true), {"response_a", "response_b"}),
                      Question("rationale", QuestionKind::kText, false), Question("summary", QuestionKind::kText, true)};
  return schema;
}

struct ResponseCase {
  std::string name;
  ResponseStatus status;
  std::string values;
  std::vector<std::string> expected;  // "subject: reason"
};

const std::vector<ResponseCase>& Cases() {
  static const std::vector<ResponseCase> kCases = {
      {"SubmittedComplete", ResponseStatus::kSubmitted, R"({"preference": "response_a", "summary": "A is right"})", {}},
      {"SubmittedWithOptional", ResponseStatus::kSubmitted,
       R"({"preference": "response_b", "rationale": "shorter", "summary": "B"})", {}},
      {"SubmittedMissingRequired", ResponseStatus::kSubmitted, R"({"summary": "x"})",
       {"question 'preference': required question has no answer"}},
      {"SubmittedNullRequired", ResponseStatus::kSubmitted, R"({"preference": null, "summary": "x"})",
       {"question 'preference': required question has no answer"}},
      {"SubmittedBlankRequiredText", ResponseStatus::kSubmitted, R"({"preference": "response_a", "summary": "  \n"})",
       {"question 'summary': required question has no answer"}},
      {"SubmittedEmpty", ResponseStatus::kSubmitted, "{}",
       {"question 'preference': required question has no answer", "question 'summary': required question has no answer"}},
      {"DraftPartial", ResponseStatus::kDraft, R"({"rationale": "thinking"})", {}},
      {"DraftEmpty", ResponseStatus::kDraft, "{}", {}},
      {"DraftNullValues", ResponseStatus::kDraft, "null", {}},
      {"DraftInvalidAnswer", ResponseStatus::kDraft, R"({"preference": "C"})",
       {"question 'preference': value 'C' is not on the binary scale (response_a, response_b)"}},
      {"DiscardedEmpty", ResponseStatus::kDiscarded, "{}", {}},
      {"DiscardedInvalidAnswer", ResponseStatus::kDiscarded, R"({"rationale": 5})",
       {"question 'rationale': expected a string, got number"}},
      {"UnknownQuestion", ResponseStatus::kDraft, R"({"foo": 1})", {"unknown question 'foo'"}},
      {"UnknownQuestionEvenIfEmpty", ResponseStatus::kDraft, R"({"foo": null})", {"unknown question 'foo'"}},
      {"ValuesNotObject", ResponseStatus::kSubmitted, R"(["response_a"])",
       {"values: expected an object mapping question names to answers, got array"}},
      {"EverythingAtOnce", ResponseStatus::kSubmitted, R"({"preference": "tie", "rationale": [], "zzz": 1})",
       {"question 'preference': value 'tie' is not on the binary scale (response_a, response_b)",
        "question 'summary': required question has no answer", "unknown question 'zzz'"}},
  };
  return kCases;
}

class ResponseValuesTest : public ::testing::TestWithParam<ResponseCase> {};

TEST_P(ResponseValuesTest, GivesTheExpectedProblems) {
  std::vector<Problem> problems = ValidateResponseValues(PairwiseSchema(), nlohmann::json::parse(GetParam().values),
                                                         GetParam().status, nlohmann::json::object(), "record 12");
  for (const Problem& problem : problems) EXPECT_EQ(problem.location, "record 12");
  EXPECT_EQ(SubjectsAndReasons(problems), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Statuses, ResponseValuesTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<ResponseCase>& info) { return info.param.name; });

TEST(ResponseValues, ChecksSpansAgainstTheRecordText) {
  Schema schema;
  schema.fields = {Field("text", FieldKind::kText)};
  schema.questions = {Spans("entities", "text", {"PER"}, false)};
  nlohmann::json fields{{"text", "Émile Zola"}};  // 10 code points, 11 bytes
  nlohmann::json inside = nlohmann::json::parse(R"({"entities": [{"start": 0, "end": 10, "label": "PER"}]})");
  nlohmann::json past = nlohmann::json::parse(R"({"entities": [{"start": 0, "end": 11, "label": "PER"}]})");
  nlohmann::json none = nlohmann::json::parse(R"({"entities": []})");
  EXPECT_TRUE(ValidateResponseValues(schema, inside, ResponseStatus::kSubmitted, fields, "").empty());
  EXPECT_TRUE(ValidateResponseValues(schema, none, ResponseStatus::kSubmitted, fields, "").empty());
  EXPECT_EQ(SubjectsAndReasons(ValidateResponseValues(schema, past, ResponseStatus::kSubmitted, fields, "")),
            std::vector<std::string>{"question 'entities': span 0 [0, 11) ends past the text (length 10)"});
}

TEST(Gold, AcceptsValidAnswers) {
  nlohmann::json gold{{"preference", "response_b"}};
  EXPECT_TRUE(ValidateGold(PairwiseSchema(), gold, nlohmann::json::object(), "").empty());
  EXPECT_TRUE(ValidateGold(PairwiseSchema(), nlohmann::json::object(), nlohmann::json::object(), "").empty());
}

TEST(Gold, RefusesUnknownQuestionsEmptyAndInvalidAnswers) {
  nlohmann::json gold{{"preference", "C"}, {"rationale", nullptr}, {"nope", 1}};
  std::vector<Problem> problems = ValidateGold(PairwiseSchema(), gold, nlohmann::json::object(), "line 4");
  EXPECT_EQ(SubjectsAndReasons(problems),
            (std::vector<std::string>{"question 'preference': value 'C' is not on the binary scale (response_a, response_b)",
                                      "question 'rationale': no answer", "unknown question 'nope'"}));
  EXPECT_EQ(problems[0].ToString(),
            "line 4: question 'preference': value 'C' is not on the binary scale (response_a, response_b)");
}

TEST(Gold, RefusesANonObject) {
  EXPECT_EQ(SubjectsAndReasons(ValidateGold(PairwiseSchema(), "response_a", nlohmann::json::object(), "")),
            std::vector<std::string>{"gold: expected an object mapping question names to answers, got string"});
}

}  // namespace
}  // namespace quorum
