#include "core/problem_text.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace quorum {
namespace {

TEST(Quoted, QuotesShortTextAsIs) { EXPECT_EQ(Quoted("maybe"), "'maybe'"); }

TEST(Quoted, CutsLongTextOnACodePointBoundary) {
  std::string text(59, 'a');
  text += "東京";  // byte 60 falls inside 東
  EXPECT_EQ(Quoted(text), "'" + std::string(59, 'a') + "...'");
}

TEST(FormatNumber, PrintsTheShortestForm) {
  EXPECT_EQ(FormatNumber(1), "1");
  EXPECT_EQ(FormatNumber(2.5), "2.5");
  EXPECT_EQ(FormatNumber(-0.25), "-0.25");
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(std::nan("")), "NaN");
  EXPECT_EQ(FormatNumber(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(JoinNumbers, JoinsWithCommas) { EXPECT_EQ(JoinNumbers({1, 2, 3.5}), "1, 2, 3.5"); }

TEST(DescribeValue, DescribesEachType) {
  EXPECT_EQ(DescribeValue("x"), "'x'");
  EXPECT_EQ(DescribeValue(3), "3");
  EXPECT_EQ(DescribeValue(-3), "-3");
  EXPECT_EQ(DescribeValue(2.5), "2.5");
  EXPECT_EQ(DescribeValue(true), "true");
  EXPECT_EQ(DescribeValue(nullptr), "null");
  EXPECT_EQ(DescribeValue(nlohmann::json::array()), "an array");
  EXPECT_EQ(DescribeValue(nlohmann::json::object()), "an object");
}

TEST(ExpectedGot, NamesTheJsonType) {
  EXPECT_EQ(ExpectedGot("a string", 5), "expected a string, got number");
  EXPECT_EQ(ExpectedGot("a string", nullptr), "expected a string, got null");
}

TEST(Subjects, NameTheSchemaPart) {
  EXPECT_EQ(FieldSubject("prompt"), "field 'prompt'");
  EXPECT_EQ(QuestionSubject("choice"), "question 'choice'");
  EXPECT_EQ(MetadataSubject("model_a"), "metadata 'model_a'");
  EXPECT_EQ(UnnamedSubject("questions", 2), "questions[2]");
}

}  // namespace
}  // namespace quorum
