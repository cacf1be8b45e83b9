// Reviews through the REST API: a reviewer's verdict on one response or many, who sees it,
// what cannot be reviewed, what clears a review, and the export's only_accepted option.
#include <gmock/gmock.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

using ::testing::HasSubstr;

class ApiReviewTest : public TeamApiTest {
 protected:
  void SetUp() override {
    TeamApiTest::SetUp();
    reviewer_ = UserWithRole("rev@team.org", Role::kReviewer);
    PairwiseProject({{"overlap", 2}}, 3);
  }

  // The id of the response `key`'s owner saves to `record`.
  int64_t Answered(const std::string& key, int64_t record, const char* status = "submitted",
                   const std::string& choice = "response_a") {
    ApiAnswer saved = Answer(key, record, status, choice);
    EXPECT_EQ(saved.status, 201) << saved.raw.body;
    return saved.body.value("id", int64_t{0});
  }
  static std::string ReviewOf(int64_t response) { return "/api/v1/responses/" + std::to_string(response) + "/review"; }
  nlohmann::json Listed(const std::string& key, int64_t record) {
    ApiAnswer listed = Call("GET", "/api/v1/records/" + std::to_string(record) + "/responses", key);
    EXPECT_EQ(listed.status, 200) << listed.raw.body;
    return listed.body["responses"];
  }

  std::string reviewer_;
};

TEST_F(ApiReviewTest, AReviewerAcceptsAndTheAuthorSeesTheVerdictButNotWhoGaveIt) {
  const int64_t anns = Answered(ann_, ids_[0]);
  const int64_t bens = Answered(ben_, ids_[0], "submitted", "response_b");
  ApiAnswer reviewed = Call("POST", ReviewOf(anns), reviewer_, {{"verdict", "accepted"}, {"comment", "clear pick"}});
  ASSERT_EQ(reviewed.status, 200) << reviewed.raw.body;
  EXPECT_EQ(reviewed.body["review"]["verdict"], "accepted");
  EXPECT_EQ(reviewed.body["review"]["reviewer_id"], UserId("rev@team.org"));
  EXPECT_EQ(reviewed.body["review"]["reviewed_at"], FormatTimestamp(clock_.NowMs()));

  const nlohmann::json as_reviewer = Listed(reviewer_, ids_[0]);
  ASSERT_EQ(as_reviewer.size(), 2u);
  EXPECT_EQ(as_reviewer[0]["review"]["verdict"], "accepted");
  EXPECT_EQ(as_reviewer[0]["review"]["comment"], "clear pick");
  EXPECT_EQ(as_reviewer[0]["review"]["reviewer_id"], UserId("rev@team.org"));
  EXPECT_TRUE(as_reviewer[1]["review"].is_null());

  const nlohmann::json as_ann = Listed(ann_, ids_[0]);
  ASSERT_EQ(as_ann.size(), 1u) << "blind: never ben's response";
  EXPECT_EQ(as_ann[0]["review"]["verdict"], "accepted");
  EXPECT_EQ(as_ann[0]["review"]["comment"], "clear pick");
  EXPECT_FALSE(as_ann[0]["review"].contains("reviewer_id"));
  const nlohmann::json as_ben = Listed(ben_, ids_[0]);
  ASSERT_EQ(as_ben.size(), 1u);
  EXPECT_EQ(as_ben[0]["id"], bens);
  EXPECT_TRUE(as_ben[0]["review"].is_null());
  ApiAnswer own = Call("GET", "/api/v1/responses/" + std::to_string(anns), ann_);
  EXPECT_EQ(own.body["review"]["verdict"], "accepted");
  EXPECT_EQ(Call("GET", "/api/v1/responses/" + std::to_string(anns), ben_).status, 404);

  ApiAnswer replaced = Call("POST", ReviewOf(anns), manager_, {{"verdict", "rejected"}});
  ASSERT_EQ(replaced.status, 200) << replaced.raw.body;
  EXPECT_EQ(Listed(reviewer_, ids_[0])[0]["review"]["verdict"], "rejected");
  EXPECT_EQ(Listed(reviewer_, ids_[0])[0]["review"]["reviewer_id"], UserId("m@team.org"));
  ApiAnswer cleared = Call("DELETE", ReviewOf(anns), reviewer_);
  ASSERT_EQ(cleared.status, 200) << cleared.raw.body;
  EXPECT_TRUE(Listed(reviewer_, ids_[0])[0]["review"].is_null());
}

TEST_F(ApiReviewTest, BadReviewsAreRefusedNamingTheField) {
  const int64_t anns = Answered(ann_, ids_[0]);
  struct Case {
    nlohmann::json body;
    const char* subject;
  };
  const Case cases[] = {
      {{{"verdict", "maybe"}}, "verdict"},
      {nlohmann::json::object(), "verdict"},
      {{{"verdict", "accepted"}, {"comment", 3}}, "comment"},
      {{{"verdict", "accepted"}, {"comment", std::string(kMaxReviewCommentBytes + 1, 'x')}}, "comment"},
      {{{"verdict", "accepted"}, {"score", 1}}, "score"},
  };
  for (const Case& test : cases) {
    ApiAnswer refused = Call("POST", ReviewOf(anns), reviewer_, test.body);
    EXPECT_EQ(refused.status, 400) << test.body.dump();
    EXPECT_EQ(refused.body["error"]["details"][0]["subject"], test.subject) << refused.raw.body;
  }
  EXPECT_EQ(Call("POST", ReviewOf(anns), reviewer_, nlohmann::json::array()).status, 400);
  EXPECT_TRUE(Listed(reviewer_, ids_[0])[0]["review"].is_null());
}

TEST_F(ApiReviewTest, OnlySubmittedResponsesOfOthersAreReviewedByReviewersOfTheProject) {
  const int64_t draft = Answered(ann_, ids_[0], "draft");
  const int64_t discarded = Answered(ben_, ids_[0], "discarded");
  // A third annotator answers the record the distribution hands her (an annotator may answer
  // only records handed to her).
  const std::string cat = UserWithRole("cat@team.org", Role::kAnnotator);
  ApiAnswer next = Call("GET", base_ + "/next", cat);
  ASSERT_EQ(next.status, 200) << next.raw.body;
  const int64_t submitted = Answered(cat, next.body["id"].get<int64_t>());
  const nlohmann::json accept = {{"verdict", "accepted"}};
  ApiAnswer on_draft = Call("POST", ReviewOf(draft), reviewer_, accept);
  EXPECT_EQ(on_draft.status, 409);
  EXPECT_THAT(on_draft.body["error"]["message"].get<std::string>(), HasSubstr("is draft"));
  EXPECT_EQ(Call("POST", ReviewOf(discarded), reviewer_, accept).status, 409);
  EXPECT_EQ(Call("POST", ReviewOf(submitted), ben_, accept).status, 403) << "annotators do not review";
  EXPECT_EQ(Call("POST", ReviewOf(submitted), ann_, accept).status, 403);
  EXPECT_EQ(Call("POST", ReviewOf(submitted), cat, accept).status, 403) << "nor their own answers";
  const std::string outsider = UserWithRole("out@else.org", std::nullopt);
  EXPECT_EQ(Call("POST", ReviewOf(submitted), outsider, accept).status, 404);
  EXPECT_EQ(Call("POST", ReviewOf(999999), reviewer_, accept).status, 404);
}

TEST_F(ApiReviewTest, ChangingTheAnswerClearsItsReview) {
  const int64_t anns = Answered(ann_, ids_[0]);
  ASSERT_EQ(Call("POST", ReviewOf(anns), reviewer_, {{"verdict", "rejected"}}).status, 200);
  ApiAnswer patched = Call("PATCH", "/api/v1/responses/" + std::to_string(anns), ann_,
                           {{"values", {{"preference", "response_b"}}}});
  ASSERT_EQ(patched.status, 200) << patched.raw.body;
  EXPECT_TRUE(Listed(reviewer_, ids_[0])[0]["review"].is_null()) << "the verdict judged the old answer";
}

TEST_F(ApiReviewTest, BulkReviewsAreAllOrNothing) {
  const int64_t first = Answered(ann_, ids_[0]);
  const int64_t second = Answered(ben_, ids_[0]);
  const int64_t draft = Answered(ann_, ids_[1], "draft");
  quorum::Project other = MakeProject("pairwise-preference");
  std::unique_ptr<ImportBatch> batch = store_->BeginImport(other.id).value();
  const int64_t foreign_record =
      batch->PutRecord(RecordRow{"x", R"({"prompt":"p","response_a":"a","response_b":"b"})", "{}", "{}", 0, 0},
                       OnDuplicate::kRefuse).value();
  ASSERT_TRUE(batch->Commit().ok());
  Response foreign;
  foreign.record_id = foreign_record;
  foreign.user_id = UserId("ann@team.org");
  foreign.status = ResponseStatus::kSubmitted;
  foreign.values = {{"preference", "response_a"}};
  const int64_t foreign_id = store_->SaveResponse(foreign, foreign.user_id).value().id;
  const std::string bulk = base_ + "/reviews";

  ApiAnswer bad = Call("POST", bulk, reviewer_,
                       nlohmann::json::array({{{"response_id", first}, {"verdict", "accepted"}},
                                              {{"response_id", second}, {"verdict", "fine"}},
                                              {{"verdict", "rejected"}},
                                              {{"response_id", first}, {"verdict", "rejected"}}}));
  ASSERT_EQ(bad.status, 400) << bad.raw.body;
  ASSERT_EQ(bad.body["error"]["details"].size(), 3u) << bad.raw.body;
  EXPECT_EQ(bad.body["error"]["details"][0]["location"], "[1]");
  EXPECT_EQ(bad.body["error"]["details"][0]["subject"], "verdict");
  EXPECT_EQ(bad.body["error"]["details"][1]["subject"], "response_id");
  EXPECT_THAT(bad.body["error"]["details"][2]["reason"].get<std::string>(), HasSubstr("named twice"));

  ApiAnswer with_draft = Call("POST", bulk, reviewer_,
                              nlohmann::json::array({{{"response_id", first}, {"verdict", "accepted"}},
                                                     {{"response_id", draft}, {"verdict", "accepted"}}}));
  EXPECT_EQ(with_draft.status, 409);
  ApiAnswer with_foreign = Call("POST", bulk, reviewer_,
                                nlohmann::json::array({{{"response_id", first}, {"verdict", "accepted"}},
                                                       {{"response_id", foreign_id}, {"verdict", "accepted"}}}));
  EXPECT_EQ(with_foreign.status, 400);
  EXPECT_THAT(with_foreign.body["error"]["message"].get<std::string>(),
              HasSubstr("response " + std::to_string(foreign_id) + " is not in project"));
  EXPECT_TRUE(Listed(reviewer_, ids_[0])[0]["review"].is_null()) << "nothing was written";
  EXPECT_EQ(Call("POST", bulk, ann_, nlohmann::json::array()).status, 403);

  ApiAnswer done = Call("POST", bulk, reviewer_,
                        nlohmann::json::array({{{"response_id", first}, {"verdict", "accepted"}},
                                               {{"response_id", second}, {"verdict", "rejected"}, {"comment", "no"}}}));
  ASSERT_EQ(done.status, 200) << done.raw.body;
  EXPECT_EQ(done.body, nlohmann::json::parse(R"({"reviewed": 2, "accepted": 1, "rejected": 1})"));
  const nlohmann::json listed = Listed(reviewer_, ids_[0]);
  EXPECT_EQ(listed[0]["review"]["verdict"], "accepted");
  EXPECT_EQ(listed[1]["review"]["comment"], "no");
}

TEST_F(ApiReviewTest, TheExportsOnlyAcceptedOption) {
  // r0: ann A (accepted), ben B (rejected); r1: ann A, ben A, unreviewed; r2 unanswered.
  const int64_t anns = Answered(ann_, ids_[0]);
  const int64_t bens = Answered(ben_, ids_[0], "submitted", "response_b");
  Answered(ann_, ids_[1]);
  Answered(ben_, ids_[1]);
  ASSERT_EQ(Call("POST", base_ + "/reviews", reviewer_,
                 nlohmann::json::array({{{"response_id", anns}, {"verdict", "accepted"}},
                                        {{"response_id", bens}, {"verdict", "rejected"}}}))
                .status,
            200);
  ApiAnswer plain = Call("GET", base_ + "/export?format=dpo&summary=only", manager_);
  ASSERT_EQ(plain.status, 200) << plain.raw.body;
  EXPECT_EQ(plain.body["summary"]["rows"], 2) << "r0's rejected B does not count: A 1/1";
  EXPECT_EQ(plain.body["summary"]["answers_left_out"], nlohmann::json({{"rejected", 1}}));
  ApiAnswer accepted = Call("GET", base_ + "/export?format=dpo&only_accepted=true&summary=only", manager_);
  ASSERT_EQ(accepted.status, 200) << accepted.raw.body;
  EXPECT_EQ(accepted.body["summary"]["rows"], 1);
  EXPECT_EQ(accepted.body["summary"]["left_out"], nlohmann::json({{"unanswered", 1}, {"not_accepted", 1}}));
  EXPECT_EQ(accepted.body["policy"]["only_accepted"], true);
  EXPECT_EQ(Call("GET", base_ + "/export?format=dpo&only_accepted=maybe", manager_).status, 400);
}

}  // namespace
}  // namespace quorum::testing
