#include "core/result.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

TEST(ErrorTest, ToStringListsProblemsUnderTheMessage) {
  Error error = MakeError(ErrorCode::kInvalid, "import refused: 2 problems",
                          {Problem{"a.jsonl:3", "field 'prompt'", "missing required field"},
                           Problem{"a.jsonl:9", "", "invalid JSON"}});
  EXPECT_EQ(error.ToString(),
            "import refused: 2 problems\n  a.jsonl:3: field 'prompt': missing required field\n  a.jsonl:9: invalid JSON");
}

TEST(ErrorTest, ASingleProblemThatIsTheMessageIsSaidOnce) {
  Problem problem{"x.csv", "", "cannot open: No such file or directory"};
  EXPECT_EQ(MakeError(ErrorCode::kIo, problem.ToString(), {problem}).ToString(),
            "x.csv: cannot open: No such file or directory");
}

TEST(ErrorTest, ARefusalCountsItsProblemsBeforeTakingThem) {
  Error two = RefusedWhole("no score was set", {Problem{"[0]", "score", "expected a number"}, Problem{"[3]", "", "x"}});
  EXPECT_EQ(two.code, ErrorCode::kInvalid);
  EXPECT_EQ(two.message, "no score was set: 2 problems");
  EXPECT_EQ(two.problems.size(), 2u);
  EXPECT_EQ(RefusedWhole("invalid schema", {Problem{"", "question 'a'", "unknown type"}}).message,
            "invalid schema: 1 problem");
}

TEST(ResultTest, CarriesValueOrError) {
  Result<int> value = 7;
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 7);
  Result<int> error = MakeError(ErrorCode::kNotFound, "project 9 not found");
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.error().code, ErrorCode::kNotFound);
  EXPECT_STREQ(ErrorCodeName(error.error().code), "not_found");
}

Result<int> Half(int number) {
  if (number % 2 != 0) return MakeError(ErrorCode::kInvalid, "odd");
  return number / 2;
}

Result<int> Quarter(int number) {
  QUORUM_ASSIGN_OR_RETURN(int half, Half(number));
  return Half(half);
}

TEST(ResultTest, AssignOrReturnPropagatesTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).error().message, "odd");
  EXPECT_EQ(Quarter(5).error().message, "odd");
}

}  // namespace
}  // namespace quorum
