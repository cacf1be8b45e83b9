// Span answers: offsets in code points, bounds, labels, overlap, malformed spans.
#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "core/validation.h"

namespace quorum {
namespace {

struct SpanCase {
  std::string name;
  std::string text;  // the record's "text" field
  bool allow_overlap;
  std::string value;
  std::vector<std::string> reasons;
};

// "Zoë Müller visited 東京 🎌 today." is 30 code points long but 39 bytes: a byte count would
// accept spans that end past the text.
constexpr const char* kUnicodeText = "Zoë Müller visited 東京 🎌 today.";
constexpr const char* kAsciiText = "Ada Lovelace met Charles Babbage";  // 32 code points

const std::vector<SpanCase>& Cases() {
  static const std::vector<SpanCase> kCases = {
      {"NoSpansIsValid", kAsciiText, false, "[]", {}},
      {"ValidSpans", kAsciiText, false,
       R"([{"start": 0, "end": 12, "label": "PER"}, {"start": 17, "end": 32, "label": "PER"}])", {}},
      {"TouchingSpansDoNotOverlap", kAsciiText, false,
       R"([{"start": 0, "end": 3, "label": "PER"}, {"start": 3, "end": 12, "label": "PER"}])", {}},
      {"UnicodeSpanToTheEnd", kUnicodeText, false,
       R"([{"start": 0, "end": 10, "label": "PER"}, {"start": 19, "end": 21, "label": "LOC"},
           {"start": 22, "end": 23, "label": "MISC"}, {"start": 24, "end": 30, "label": "MISC"}])",
       {}},
      {"UnicodeEndPastText", kUnicodeText, false,
       R"([{"start": 0, "end": 3, "label": "PER"}, {"start": 4, "end": 10, "label": "PER"},
           {"start": 10, "end": 40, "label": "MISC"}])",
       {"span 2 [10, 40) ends past the text (length 30)"}},
      {"UnicodeOneCodePointPast", kUnicodeText, false, R"([{"start": 24, "end": 31, "label": "MISC"}])",
       {"span 0 [24, 31) ends past the text (length 30)"}},
      {"Overlap", kAsciiText, false,
       R"([{"start": 3, "end": 8, "label": "PER"}, {"start": 0, "end": 5, "label": "ORG"}])",
       {"span 1 [0, 5) overlaps span 0 [3, 8)"}},
      {"OverlapAllowed", kAsciiText, true,
       R"([{"start": 3, "end": 8, "label": "PER"}, {"start": 0, "end": 5, "label": "ORG"}])", {}},
      {"NestedSpanOverlaps", kAsciiText, false,
       R"([{"start": 0, "end": 20, "label": "MISC"}, {"start": 2, "end": 4, "label": "PER"},
           {"start": 10, "end": 12, "label": "PER"}])",
       {"span 1 [2, 4) overlaps span 0 [0, 20)", "span 2 [10, 12) overlaps span 0 [0, 20)"}},
      {"IdenticalSpansOverlap", kAsciiText, false,
       R"([{"start": 0, "end": 3, "label": "PER"}, {"start": 0, "end": 3, "label": "ORG"}])",
       {"span 1 [0, 3) overlaps span 0 [0, 3)"}},
      {"NegativeStart", kAsciiText, false, R"([{"start": -1, "end": 3, "label": "PER"}])",
       {"span 0 [-1, 3) starts before the text"}},
      {"EmptySpan", kAsciiText, false, R"([{"start": 5, "end": 5, "label": "PER"}])",
       {"span 0 [5, 5) is empty (end must be greater than start)"}},
      {"ReversedSpan", kAsciiText, false, R"([{"start": 6, "end": 2, "label": "PER"}])",
       {"span 0 [6, 2) is empty (end must be greater than start)"}},
      {"UnknownLabel", kAsciiText, false, R"([{"start": 0, "end": 3, "label": "DATE"}])",
       {"span 0 [0, 3): label 'DATE' is not one of: PER, ORG, LOC, MISC"}},
      {"FloatOffset", kAsciiText, false, R"([{"start": 0.5, "end": 3, "label": "PER"}])",
       {"span 0: start: expected an integer, got 0.5"}},
      {"StringOffset", kAsciiText, false, R"([{"start": 0, "end": "3", "label": "PER"}])",
       {"span 0: end: expected an integer, got '3'"}},
      {"HugeOffset", kAsciiText, false, R"([{"start": 0, "end": 18446744073709551615, "label": "PER"}])",
       {"span 0 [0, 9223372036854775807) ends past the text (length 32)"}},
      {"MissingLabel", kAsciiText, false, R"([{"start": 0, "end": 3}])", {"span 0: missing \"label\""}},
      {"MissingEnd", kAsciiText, false, R"([{"start": 0, "label": "PER"}])", {"span 0: missing \"end\""}},
      {"UnknownKey", kAsciiText, false, R"([{"start": 0, "end": 3, "label": "PER", "text": "Ada"}])",
       {"span 0: unknown key 'text'"}},
      {"NotAnObject", kAsciiText, false, R"([[0, 3, "PER"]])",
       {"span 0: expected an object with start, end and label, got array"}},
      {"NotAnArray", kAsciiText, false, R"({"start": 0, "end": 3, "label": "PER"})",
       {"expected an array of spans, got object"}},
      {"MalformedSpanSkippedInOverlap", kAsciiText, false,
       R"([{"start": 0, "end": 5, "label": "PER"}, {"start": 2, "end": 99, "label": "PER"}])",
       {"span 1 [2, 99) ends past the text (length 32)"}},
  };
  return kCases;
}

QuestionSpec Entities(bool allow_overlap) {
  return builders::Spans("entities", "text", {"PER", "ORG", "LOC", "MISC"}, allow_overlap);
}

class SpanAnswerTest : public ::testing::TestWithParam<SpanCase> {};

TEST_P(SpanAnswerTest, GivesExactlyTheExpectedReasons) {
  const SpanCase& test_case = GetParam();
  nlohmann::json fields{{"text", test_case.text}};
  std::vector<std::string> reasons;
  for (const Problem& problem :
       ValidateAnswer(Entities(test_case.allow_overlap), nlohmann::json::parse(test_case.value), fields, "line 3")) {
    EXPECT_EQ(problem.subject, "question 'entities'");
    reasons.push_back(problem.reason);
  }
  EXPECT_EQ(reasons, test_case.reasons);
}

INSTANTIATE_TEST_SUITE_P(Spans, SpanAnswerTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<SpanCase>& info) { return info.param.name; });

TEST(SpanAnswer, RefusesSpansWhenTheRecordHasNoText) {
  nlohmann::json spans = nlohmann::json::parse(R"([{"start": 0, "end": 3, "label": "PER"}])");
  for (const nlohmann::json& fields : {nlohmann::json::object(), nlohmann::json{{"text", 5}}, nlohmann::json()}) {
    std::vector<Problem> problems = ValidateAnswer(Entities(false), spans, fields, "");
    ASSERT_EQ(problems.size(), 1u) << fields.dump();
    EXPECT_EQ(problems[0].reason, "the record has no text in field 'text' for the spans to cover");
  }
}

// Many disjoint spans: the overlap check must stay fast (a quadratic check would take seconds).
TEST(SpanAnswer, ChecksManySpansQuickly) {
  std::string text(40000, 'x');
  nlohmann::json spans = nlohmann::json::array();
  for (int start = 0; start < 40000; start += 2) spans.push_back({{"start", start}, {"end", start + 1}, {"label", "PER"}});
  EXPECT_TRUE(ValidateAnswer(Entities(false), spans, {{"text", text}}, "").empty());
  spans.push_back({{"start", 0}, {"end", 2}, {"label", "PER"}});
  std::vector<Problem> problems = ValidateAnswer(Entities(false), spans, {{"text", text}}, "");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].reason, "span 20000 [0, 2) overlaps span 0 [0, 1)");
}

}  // namespace
}  // namespace quorum
