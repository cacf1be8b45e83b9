#include "core/review.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

TEST(ReviewTest, VerdictNamesRoundTrip) {
  for (ReviewVerdict verdict : {ReviewVerdict::kAccepted, ReviewVerdict::kRejected})
    EXPECT_EQ(ParseReviewVerdict(ReviewVerdictName(verdict)), verdict);
  EXPECT_EQ(ParseReviewVerdict("Accepted"), std::nullopt);
}

TEST(ReviewTest, AListIsReadWholeOrRefusedWithEveryProblemLocated) {
  Result<std::vector<Review>> read = ReviewListFromJson(nlohmann::json::parse(
      R"([{"response_id": 4, "verdict": "accepted"}, {"response_id": 5, "verdict": "rejected", "comment": "off"},
          {"response_id": 6, "verdict": "accepted", "comment": null}])"));
  ASSERT_TRUE(read.ok()) << read.error().ToString();
  ASSERT_EQ(read->size(), 3u);
  EXPECT_EQ((*read)[1].response_id, 5);
  EXPECT_EQ((*read)[1].verdict, ReviewVerdict::kRejected);
  EXPECT_EQ((*read)[1].comment, "off");
  EXPECT_EQ((*read)[2].comment, "");

  struct Case {
    const char* json;
    Problem problem;
  };
  const Case cases[] = {
      {R"([{"response_id": 4}])", {"[0]", "verdict", "missing (\"accepted\" or \"rejected\")"}},
      {R"([{"response_id": 0, "verdict": "accepted"}])", {"[0]", "response_id", "expected a response id (a positive integer)"}},
      {R"([{"response_id": 4, "verdict": "yes"}])", {"[0]", "verdict", "expected \"accepted\" or \"rejected\", got \"yes\""}},
      {R"([{"response_id": 4, "verdict": "accepted", "comment": 1}])", {"[0]", "comment", "expected a string"}},
      {R"([1, {"verdict": "accepted"}])", {"[1]", "response_id", "missing"}},
      {R"([{"response_id": 4, "verdict": "accepted"}, {"response_id": 4, "verdict": "rejected"}])",
       {"[1]", "response_id", "response 4 is named twice; give each response one verdict"}},
  };
  for (const Case& test : cases) {
    Result<std::vector<Review>> refused = ReviewListFromJson(nlohmann::json::parse(test.json));
    ASSERT_FALSE(refused.ok()) << test.json;
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
    const size_t count = refused.error().problems.size();
    EXPECT_EQ(refused.error().message, count == 1 ? std::string("no review was written: 1 problem")
                                                  : "no review was written: " + std::to_string(count) + " problems")
        << test.json;
    EXPECT_EQ(refused.error().problems.back(), test.problem) << test.json;
  }
  EXPECT_FALSE(ReviewListFromJson(nlohmann::json::object()).ok());
}

}  // namespace
}  // namespace quorum
