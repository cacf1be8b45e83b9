// The quality routes: agreement, aggregates (paged) and annotator scores over a small project
// whose figures are worked out by hand below.
#include <cmath>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

class ApiQualityTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    manager_ = UserWithRole("m@team.org", Role::kManager);
    reviewer_ = UserWithRole("r@team.org", Role::kReviewer);
    for (const char* email : {"ann@team.org", "ben@team.org", "cat@team.org"}) UserWithRole(email, Role::kAnnotator);
    project_ = MakeProject("text-classification", {{"overlap", 3}});
    base_ = "/api/v1/projects/" + std::to_string(project_.id);
    // r1: all say positive; r2: negative 2 to 1; r3: neutral twice; r4: a 1-1 tie.
    Put("r1", {{"ann", "positive"}, {"ben", "positive"}, {"cat", "positive"}});
    Put("r2", {{"ann", "negative"}, {"ben", "positive"}, {"cat", "negative"}});
    Put("r3", {{"ann", "neutral"}, {"ben", "neutral"}});
    Put("r4", {{"ann", "positive"}, {"ben", "negative"}});
  }

  void Put(const std::string& external_id, const std::vector<std::pair<std::string, std::string>>& answers) {
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_.id).value();
    const int64_t id = batch->PutRecord({external_id, R"({"text":"t"})", "{}", "{}", 0, 0}, OnDuplicate::kRefuse).value();
    for (const auto& [who, label] : answers) {
      const std::string values = R"({"label":")" + label + R"("})";
      ResponseRow row;
      row.user_id = UserId(who + "@team.org");
      row.values_json = values;
      row.status = ResponseStatus::kSubmitted;
      row.time_spent_ms = 30000;
      ASSERT_TRUE(batch->PutResponse(id, row).ok());
    }
    ASSERT_TRUE(batch->Commit().ok());
  }

  std::string manager_, reviewer_, base_;
  Project project_;
};

TEST_F(ApiQualityTest, AgreementIsKrippendorffAlphaWorkedByHand) {
  ApiAnswer answer = Call("GET", base_ + "/agreement", reviewer_);
  ASSERT_EQ(answer.status, 200) << answer.raw.body;
  EXPECT_EQ(answer.body["records"], 4);
  EXPECT_EQ(answer.body["responses"], 10);
  EXPECT_EQ(answer.body["annotators"], 3);
  ASSERT_EQ(answer.body["questions"].size(), 1u);
  const nlohmann::json& label = answer.body["questions"][0];
  EXPECT_EQ(label["question"], "label");
  // Coincidences: o(p,p)=3, o(n,n)=1, o(u,u)=2, o(p,n)=o(n,p)=2; n=10, n_p=5, n_n=3, n_u=2.
  // D_o = 4/10, D_e = 2(15+10+6)/90 = 62/90, alpha = 1 - 36/62 = 26/62.
  EXPECT_EQ(label["headline"]["metric"].get<std::string>().find("alpha") != std::string::npos, true)
      << label["headline"].dump();
  EXPECT_NEAR(label["headline"]["value"].get<double>(), 26.0 / 62.0, 1e-12);
  EXPECT_EQ(label["records_compared"], 4);

  ApiAnswer unknown = Call("GET", base_ + "/agreement?question=nope", reviewer_);
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body["error"]["message"].get<std::string>().find("nope"), std::string::npos);
}

TEST_F(ApiQualityTest, AggregatesAreMajorityVotesPagedInRecordOrder) {
  ApiAnswer all = Call("GET", base_ + "/aggregates?method=majority", reviewer_);
  ASSERT_EQ(all.status, 200) << all.raw.body;
  EXPECT_EQ(all.body["total"], 4);
  EXPECT_TRUE(all.body["next_offset"].is_null());
  const nlohmann::json& rows = all.body["rows"];
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0]["external_id"], "r1");
  EXPECT_EQ(rows[0]["value"], "positive");
  EXPECT_DOUBLE_EQ(rows[0]["confidence"].get<double>(), 1.0);
  EXPECT_EQ(rows[1]["value"], "negative");
  EXPECT_NEAR(rows[1]["confidence"].get<double>(), 2.0 / 3.0, 1e-12);
  EXPECT_EQ(rows[2]["value"], "neutral");
  EXPECT_TRUE(rows[3]["value"].is_null()) << "a 1-1 tie is left unresolved by default: " << rows[3].dump();
  EXPECT_EQ(rows[3]["method"], "majority");

  ApiAnswer page = Call("GET", base_ + "/aggregates?method=majority&offset=1&limit=2", reviewer_);
  ASSERT_EQ(page.status, 200);
  ASSERT_EQ(page.body["rows"].size(), 2u);
  EXPECT_EQ(page.body["rows"][0]["external_id"], "r2");
  EXPECT_EQ(page.body["rows"][1]["external_id"], "r3");
  EXPECT_EQ(page.body["next_offset"], 3);

  ApiAnswer first_tie = Call("GET", base_ + "/aggregates?method=majority&ties=first&offset=3", reviewer_);
  ASSERT_EQ(first_tie.status, 200);
  EXPECT_FALSE(first_tie.body["rows"][0]["value"].is_null());

  EXPECT_EQ(Call("GET", base_ + "/aggregates?method=telepathy", reviewer_).status, 400);
  EXPECT_EQ(Call("GET", base_ + "/aggregates?limit=0x10", reviewer_).status, 400);
  EXPECT_EQ(Call("GET", base_ + "/aggregates?limit=100000", reviewer_).status, 400);
}

TEST_F(ApiQualityTest, AnnotatorScoresCountEachAnnotatorsResponses) {
  ApiAnswer answer = Call("GET", base_ + "/annotators", manager_);
  ASSERT_EQ(answer.status, 200) << answer.raw.body;
  std::map<std::string, int64_t> responses;
  for (const nlohmann::json& entry : answer.body["annotators"])
    responses[entry["annotator"].get<std::string>()] = entry["responses"].get<int64_t>();
  EXPECT_EQ(responses, (std::map<std::string, int64_t>{{"ann@team.org", 4}, {"ben@team.org", 4}, {"cat@team.org", 2}}));
  EXPECT_EQ(Call("GET", base_ + "/annotators", reviewer_).status, 403) << "scores of people are for managers";
}

}  // namespace
}  // namespace quorum::testing
