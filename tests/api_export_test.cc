// GET /api/v1/projects/{id}/export in the training formats, through the real router and a real
// SQLite store: the policy from the query, the summary in X-Quorum-Export-Summary or alone with
// summary=only, managers only, and 400s that name the option.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

using ::testing::HasSubstr;

class ApiExportTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    manager_ = UserWithRole("manager@x.org", Role::kManager);
    annotator_ = UserWithRole("annotator@x.org", Role::kAnnotator);
    reviewer_ = UserWithRole("reviewer@x.org", Role::kReviewer);
    project_ = MakeProject("pairwise-preference");
    // p1: A A B (kept, 2/3); p2: A B (tie); p3: B B B (kept).
    const std::string rows =
        R"({"id":"p1","fields":{"prompt":"q1","response_a":"a1","response_b":"b1"},"responses":[{"user":"u1@x.org","values":{"preference":"response_a"},"status":"submitted"},{"user":"u2@x.org","values":{"preference":"response_a"},"status":"submitted"},{"user":"u3@x.org","values":{"preference":"response_b"},"status":"submitted"}]}
{"id":"p2","fields":{"prompt":"q2","response_a":"a2","response_b":"b2"},"responses":[{"user":"u1@x.org","values":{"preference":"response_a"},"status":"submitted"},{"user":"u2@x.org","values":{"preference":"response_b"},"status":"submitted"}]}
{"id":"p3","fields":{"prompt":"q3","response_a":"a3","response_b":"b3"},"responses":[{"user":"u1@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"u2@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"u3@x.org","values":{"preference":"response_b"},"status":"submitted"}]}
)";
    ApiAnswer imported = Call("POST", Path("/records?create_users=true"), manager_, rows,
                              {{"content-type", "application/x-ndjson"}});
    ASSERT_EQ(imported.status, 201) << imported.raw.body;
  }

  std::string Path(const std::string& rest) { return "/api/v1/projects/" + std::to_string(project_.id) + rest; }

  static std::string Header(const HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers)
      if (key == name) return value;
    return "";
  }

  std::string manager_, annotator_, reviewer_;
  Project project_;
};

TEST_F(ApiExportTest, DpoStreamsRowsWithTheSummaryInAHeader) {
  ApiAnswer answer = Call("GET", Path("/export?format=dpo"), manager_);
  ASSERT_EQ(answer.status, 200) << answer.raw.body;
  EXPECT_EQ(answer.raw.content_type, "application/x-ndjson");
  EXPECT_EQ(answer.raw.body,
            "{\"prompt\":\"q1\",\"chosen\":\"a1\",\"rejected\":\"b1\"}\n"
            "{\"prompt\":\"q3\",\"chosen\":\"b3\",\"rejected\":\"a3\"}\n");
  const nlohmann::json summary = nlohmann::json::parse(Header(answer.raw, "X-Quorum-Export-Summary"));
  EXPECT_EQ(summary["rows"], 2);
  EXPECT_EQ(summary["records"], 3);
  EXPECT_EQ(summary["left_out"], nlohmann::json({{"tie", 1}}));
  EXPECT_THAT(Header(answer.raw, "Content-Disposition"), HasSubstr("-dpo.jsonl"));
}

TEST_F(ApiExportTest, QueryOptionsAreThePolicyAndSummaryOnlyHasNoRows) {
  ApiAnswer answer = Call("GET", Path("/export?format=reward&min_agreement=0.9&summary=only"), manager_);
  ASSERT_EQ(answer.status, 200) << answer.raw.body;
  EXPECT_EQ(answer.body["summary"]["rows"], 1);  // p1 (2/3) is under 0.9
  EXPECT_EQ(answer.body["summary"]["left_out"], nlohmann::json({{"tie", 1}, {"low_agreement", 1}}));
  EXPECT_EQ(answer.body["policy"]["min_agreement"], 0.9);
  EXPECT_EQ(answer.body["policy"]["format"], "reward");

  answer = Call("GET", Path("/export?format=dpo&provenance=true&ties=keep&min_agreement=0.5&seed=3"), manager_);
  ASSERT_EQ(answer.status, 200);
  EXPECT_THAT(answer.raw.body, HasSubstr("\"external_id\":\"p2\""));  // the tie, settled and kept
}

TEST_F(ApiExportTest, OnlyManagersExportAndBadOptionsAre400) {
  EXPECT_EQ(Call("GET", Path("/export?format=dpo"), annotator_).status, 403);
  EXPECT_EQ(Call("GET", Path("/export?format=dpo"), reviewer_).status, 403);
  ApiAnswer bad = Call("GET", Path("/export?format=dpo&min_agreement=lots"), manager_);
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.raw.body, HasSubstr("min_agreement: expected a number from 0 to 1"));
  bad = Call("GET", Path("/export?format=sft-alpaca&question=preference"), manager_);
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.raw.body, HasSubstr("'preference' is a preference question; sft-alpaca reads text questions"));
  bad = Call("GET", Path("/export?format=parquet"), manager_);
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.raw.body, HasSubstr("dpo, dpo-chat"));
}

}  // namespace
}  // namespace quorum::testing
