// Table-driven tests of ValidateAnswer for the label, multi_label, rating, text, ranking and
// preference kinds (spans: span_answer_test.cc). Each case gives the answer as JSON text and the
// exact reasons expected; no reasons means the answer is valid.
#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "core/validation.h"

namespace quorum {
namespace {

using builders::Question;
using builders::Rating;
using builders::WithLabels;
using builders::WithOptions;

struct AnswerCase {
  std::string name;
  QuestionSpec question;
  std::string value;
  std::vector<std::string> reasons;
};

QuestionSpec YesNo() { return WithLabels(Question("q", QuestionKind::kLabel), {"yes", "no"}); }
QuestionSpec Topics() { return WithLabels(Question("q", QuestionKind::kMultiLabel), {"a", "b", "c"}); }
QuestionSpec OneToFive() { return Rating("q", {1, 2, 3, 4, 5}); }
QuestionSpec HalfSteps() { return Rating("q", {0, 0.5, 1}); }
QuestionSpec ThreeWayRanking() {
  return WithOptions(Question("q", QuestionKind::kRanking), {"response_1", "response_2", "response_3"});
}
QuestionSpec Preference(PreferenceScale scale) {
  return WithOptions(Question("q", QuestionKind::kPreference), {"response_a", "response_b"}, scale);
}

const std::vector<AnswerCase>& Cases() {
  static const std::vector<AnswerCase> kCases = {
      {"LabelValid", YesNo(), R"("yes")", {}},
      {"LabelNotOneOf", YesNo(), R"("maybe")", {"label 'maybe' is not one of: yes, no"}},
      {"LabelIsCaseSensitive", YesNo(), R"("Yes")", {"label 'Yes' is not one of: yes, no"}},
      {"LabelWrongType", YesNo(), "1", {"expected a string, got number"}},
      {"LabelArrayRefused", YesNo(), R"(["yes"])", {"expected a string, got array"}},
      {"LabelNull", YesNo(), "null", {"no answer"}},
      {"LabelEmptyString", YesNo(), R"("")", {"no answer"}},

      {"MultiLabelValid", Topics(), R"(["a", "c"])", {}},
      {"MultiLabelEmpty", Topics(), "[]", {"no answer"}},
      {"MultiLabelUnknown", Topics(), R"(["a", "z"])", {"label 'z' is not one of: a, b, c"}},
      {"MultiLabelDuplicate", Topics(), R"(["a", "a"])", {"label 'a' is chosen more than once"}},
      {"MultiLabelItemType", Topics(), R"(["a", 2])", {"item 1: expected a string, got number"}},
      {"MultiLabelNotArray", Topics(), R"("a")", {"expected an array of labels, got string"}},

      {"RatingValid", OneToFive(), "5", {}},
      {"RatingFloatEqualToValue", OneToFive(), "3.0", {}},
      {"RatingOutsideValues", OneToFive(), "6", {"rating 6 is not one of: 1, 2, 3, 4, 5"}},
      {"RatingBetweenValues", OneToFive(), "2.5", {"rating 2.5 is not one of: 1, 2, 3, 4, 5"}},
      {"RatingHalfStep", HalfSteps(), "0.5", {}},
      {"RatingString", OneToFive(), R"("5")", {"expected a number, got string"}},
      {"RatingBoolean", OneToFive(), "true", {"expected a number, got boolean"}},

      {"TextValid", Question("q", QuestionKind::kText), R"("A fine answer.")", {}},
      {"TextNumber", Question("q", QuestionKind::kText), "42", {"expected a string, got number"}},
      {"TextBlankRequired", Question("q", QuestionKind::kText, true), R"(" \n\t ")", {"no answer"}},
      {"TextBlankOptional", Question("q", QuestionKind::kText, false), R"("  ")", {}},

      {"RankingValid", ThreeWayRanking(), R"(["response_3", "response_1", "response_2"])", {}},
      {"RankingDuplicate", ThreeWayRanking(), R"(["response_1", "response_2", "response_2"])",
       {"ranking must list each of response_1, response_2, response_3 exactly once; 'response_2' appears twice, "
        "'response_3' is missing"}},
      {"RankingUnknownOption", ThreeWayRanking(), R"(["response_1", "response_2", "response_9"])",
       {"ranking must list each of response_1, response_2, response_3 exactly once; 'response_9' is not an "
        "option, 'response_3' is missing"}},
      {"RankingTooShort", ThreeWayRanking(), R"(["response_2"])",
       {"ranking must list each of response_1, response_2, response_3 exactly once; 'response_1' is missing, "
        "'response_3' is missing"}},
      {"RankingThreeTimes", ThreeWayRanking(), R"(["response_1", "response_1", "response_1", "response_2", "response_3"])",
       {"ranking must list each of response_1, response_2, response_3 exactly once; 'response_1' appears 3 times"}},
      {"RankingItemType", ThreeWayRanking(), R"(["response_1", 2, "response_3"])",
       {"item 1: expected an option name, got number"}},
      {"RankingNotArray", ThreeWayRanking(), R"("response_1")", {"expected an array of option names, got string"}},
      {"RankingEmpty", ThreeWayRanking(), "[]", {"no answer"}},

      {"BinaryValid", Preference(PreferenceScale::kBinary), R"("response_b")", {}},
      {"BinaryUnknown", Preference(PreferenceScale::kBinary), R"("C")",
       {"value 'C' is not on the binary scale (response_a, response_b)"}},
      {"BinaryTieRefused", Preference(PreferenceScale::kBinary), R"("tie")",
       {"value 'tie' is not on the binary scale (response_a, response_b)"}},
      {"BinaryNumber", Preference(PreferenceScale::kBinary), "1", {"expected a string, got number"}},
      {"ThreeWayTie", Preference(PreferenceScale::kThreeWay), R"("tie")", {}},
      {"ThreeWayOption", Preference(PreferenceScale::kThreeWay), R"("response_a")", {}},
      {"ThreeWayUnknown", Preference(PreferenceScale::kThreeWay), R"("both")",
       {"value 'both' is not on the three_way scale (response_a, response_b, tie)"}},
      {"FivePointMinusTwo", Preference(PreferenceScale::kFivePoint), "-2", {}},
      {"FivePointZero", Preference(PreferenceScale::kFivePoint), "0", {}},
      {"FivePointTwo", Preference(PreferenceScale::kFivePoint), "2", {}},
      {"FivePointThree", Preference(PreferenceScale::kFivePoint), "3",
       {"value 3 is not on the five_point scale (-2, -1, 0, 1, 2)"}},
      {"FivePointFraction", Preference(PreferenceScale::kFivePoint), "0.5",
       {"value 0.5 is not on the five_point scale (-2, -1, 0, 1, 2)"}},
      {"FivePointString", Preference(PreferenceScale::kFivePoint), R"("response_a")",
       {"expected an integer from -2 to 2, got string"}},
  };
  return kCases;
}

class AnswerTest : public ::testing::TestWithParam<AnswerCase> {};

TEST_P(AnswerTest, GivesExactlyTheExpectedReasons) {
  const AnswerCase& test_case = GetParam();
  std::vector<Problem> problems =
      ValidateAnswer(test_case.question, nlohmann::json::parse(test_case.value), nlohmann::json::object(), "record r1");
  std::vector<std::string> reasons;
  for (const Problem& problem : problems) {
    EXPECT_EQ(problem.location, "record r1");
    EXPECT_EQ(problem.subject, "question 'q'");
    reasons.push_back(problem.reason);
  }
  EXPECT_EQ(reasons, test_case.reasons);
}

INSTANTIATE_TEST_SUITE_P(Kinds, AnswerTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<AnswerCase>& info) { return info.param.name; });

struct EmptyCase {
  std::string name;
  QuestionSpec question;
  std::string value;
  bool empty;
};

class IsEmptyAnswerTest : public ::testing::TestWithParam<EmptyCase> {};

TEST_P(IsEmptyAnswerTest, ClassifiesTheValue) {
  EXPECT_EQ(IsEmptyAnswer(GetParam().question, nlohmann::json::parse(GetParam().value)), GetParam().empty);
}

INSTANTIATE_TEST_SUITE_P(
    Values, IsEmptyAnswerTest,
    ::testing::Values(EmptyCase{"Null", YesNo(), "null", true}, EmptyCase{"EmptyString", YesNo(), R"("")", true},
                      EmptyCase{"EmptyArray", Topics(), "[]", true}, EmptyCase{"Label", YesNo(), R"("no")", false},
                      EmptyCase{"Zero", OneToFive(), "0", false},
                      EmptyCase{"FivePointTieIsAnAnswer", Preference(PreferenceScale::kFivePoint), "0", false},
                      EmptyCase{"BlankRequiredText", Question("q", QuestionKind::kText, true), R"("   ")", true},
                      EmptyCase{"BlankOptionalText", Question("q", QuestionKind::kText, false), R"("   ")", false},
                      EmptyCase{"NoSpansIsAnAnswer", builders::Spans("q", "text", {"PER"}, false), "[]", false},
                      EmptyCase{"EmptyObjectIsNotEmpty", YesNo(), "{}", false}),
    [](const ::testing::TestParamInfo<EmptyCase>& info) { return info.param.name; });

}  // namespace
}  // namespace quorum
