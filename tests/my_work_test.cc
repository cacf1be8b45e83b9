// GET /api/v1/projects/{id}/my-work and the allow_edit_submitted setting, through the real
// router and a real SQLite store.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

using MyWorkTest = TeamApiTest;

TEST_F(MyWorkTest, ListsOnlyTheCallersResponsesWithCounts) {
  std::vector<int64_t> ids = PairwiseProject({{"overlap", 2}}, 3);
  ASSERT_EQ(Answer(ann_, ids[0], "submitted").status, 201);
  ASSERT_EQ(Answer(ann_, ids[1], "draft").status, 201);
  ASSERT_EQ(Answer(ben_, ids[0], "submitted").status, 201);

  ApiAnswer mine = Call("GET", base_ + "/my-work", ann_);
  ASSERT_EQ(mine.status, 200) << mine.raw.body;
  ASSERT_EQ(mine.body["items"].size(), 2u);
  EXPECT_EQ(mine.body["items"][0]["record"]["id"], ids[0]);
  EXPECT_EQ(mine.body["items"][0]["record"]["external_id"], "r0");
  EXPECT_EQ(mine.body["items"][0]["response"]["status"], "submitted");
  EXPECT_EQ(mine.body["items"][1]["response"]["status"], "draft");
  for (const auto& item : mine.body["items"])
    EXPECT_EQ(item["response"]["user_id"], UserId("ann@team.org")) << "blind: never another annotator's response";
  EXPECT_EQ(mine.body["counts"]["submitted"], 1);
  EXPECT_EQ(mine.body["counts"]["draft"], 1);
  EXPECT_EQ(mine.body["counts"]["records"], 3);
  EXPECT_EQ(mine.body["allow_edit_submitted"], true);
  EXPECT_TRUE(mine.body["next_cursor"].is_null());

  EXPECT_EQ(Call("GET", base_ + "/my-work?after=x", ann_).status, 400);
  EXPECT_EQ(Call("GET", base_ + "/my-work?after=" + std::to_string(ids[0]), ann_).body["items"].size(), 1u);
}

TEST_F(MyWorkTest, EachResponseShowsItsReviewButNotWhoGaveIt) {
  std::vector<int64_t> ids = PairwiseProject({{"overlap", 2}}, 2);
  const int64_t anns = Answer(ann_, ids[0], "submitted").body["id"];
  const int64_t bens = Answer(ben_, ids[0], "submitted").body["id"];
  ASSERT_EQ(Answer(ann_, ids[1], "submitted").status, 201);
  const auto review = [&](int64_t response, const char* verdict, const char* comment) {
    ApiAnswer reviewed = Call("POST", "/api/v1/responses/" + std::to_string(response) + "/review", manager_,
                              {{"verdict", verdict}, {"comment", comment}});
    ASSERT_EQ(reviewed.status, 200) << reviewed.raw.body;
  };
  review(anns, "rejected", "B is <b>safer</b>");
  review(bens, "accepted", "");

  const nlohmann::json mine = Call("GET", base_ + "/my-work", ann_).body["items"];
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0]["response"]["review"]["verdict"], "rejected");
  EXPECT_EQ(mine[0]["response"]["review"]["comment"], "B is <b>safer</b>") << "stored as written; the UI shows it as text";
  EXPECT_FALSE(mine[0]["response"]["review"].contains("reviewer_id"));
  EXPECT_TRUE(mine[1]["response"]["review"].is_null()) << "not reviewed yet";
  const nlohmann::json bens_work = Call("GET", base_ + "/my-work", ben_).body["items"];
  ASSERT_EQ(bens_work.size(), 1u);
  EXPECT_EQ(bens_work[0]["response"]["review"]["verdict"], "accepted") << "ben's own review, not ann's";
}

TEST_F(MyWorkTest, SubmittedResponsesAreFrozenWhenTheProjectSaysSo) {
  std::vector<int64_t> ids = PairwiseProject({{"overlap", 1}, {"allow_edit_submitted", false}}, 2);
  ApiAnswer submitted = Answer(ann_, ids[0], "submitted");
  ASSERT_EQ(submitted.status, 201);
  ApiAnswer draft = Answer(ann_, ids[1], "draft");
  ASSERT_EQ(draft.status, 201);
  const nlohmann::json change = {{"values", {{"preference", "response_b"}}}};
  const std::string submitted_url = "/api/v1/responses/" + std::to_string(submitted.body["id"].get<int64_t>());
  ApiAnswer refused = Call("PATCH", submitted_url, ann_, change);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("allow_edit_submitted"), std::string::npos);
  EXPECT_EQ(Call("PATCH", submitted_url, manager_, change).status, 200) << "managers may still correct";
  EXPECT_EQ(Call("PATCH", "/api/v1/responses/" + std::to_string(draft.body["id"].get<int64_t>()), ann_,
                 {{"values", {{"preference", "response_b"}}}, {"status", "submitted"}})
                .status,
            200)
      << "a draft can still be finished";
  EXPECT_EQ(Call("GET", base_ + "/my-work", ann_).body["allow_edit_submitted"], false);
}

}  // namespace
}  // namespace quorum::testing
