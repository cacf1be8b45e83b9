// The distribution engine through the REST API: the shape of /next, late submissions, gold
// kept blind, pauses, settings validation and the managers' queue.
#include <gmock/gmock.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

using ::testing::HasSubstr;

using ApiDistributionTest = TeamApiTest;

TEST_F(ApiDistributionTest, NextAddsTheReservationAndProgressToTheRecord) {
  PairwiseProject({{"overlap", 2}, {"lease_minutes", 10}}, 3);
  ApiAnswer next = Call("GET", base_ + "/next", ann_);
  ASSERT_EQ(next.status, 200) << next.raw.body;
  EXPECT_EQ(next.body["id"], ids_[0]);
  EXPECT_EQ(next.body["fields"]["prompt"], Prompt(0));
  EXPECT_FALSE(next.body.contains("gold"));
  EXPECT_EQ(next.body["reservation"]["expires_at"], FormatTimestamp(clock_.NowMs() + 10 * 60 * 1000));
  EXPECT_EQ(next.body["progress"], nlohmann::json::parse(R"({"mine": {"done": 0, "total": 3},
      "project": {"done": 0, "total": 3, "complete": false}})"));
  ASSERT_EQ(Answer(ann_, ids_[0]).status, 201);
  ASSERT_EQ(Call("GET", base_ + "/next", ben_).body["id"], ids_[0]);
  ASSERT_EQ(Answer(ben_, ids_[0]).status, 201);
  ApiAnswer after = Call("GET", base_ + "/next", ann_);
  EXPECT_EQ(after.body["id"], ids_[1]);
  EXPECT_EQ(after.body["progress"]["mine"], nlohmann::json::parse(R"({"done": 1, "total": 3})"));
  EXPECT_EQ(after.body["progress"]["project"], nlohmann::json::parse(R"({"done": 1, "total": 3, "complete": false})"));
}

TEST_F(ApiDistributionTest, ALateSubmitToAFullRecordIs409WithAClearMessage) {
  PairwiseProject({{"lease_minutes", 15}}, 1);
  ASSERT_EQ(Call("GET", base_ + "/next", ann_).body["id"], ids_[0]);
  clock_.Advance(16 * 60 * 1000);
  ASSERT_EQ(Call("GET", base_ + "/next", ben_).body["id"], ids_[0]) << "ann's lease ran out";
  ASSERT_EQ(Answer(ben_, ids_[0]).status, 201);
  ApiAnswer late = Answer(ann_, ids_[0]);
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.body["error"]["code"], "conflict");
  EXPECT_THAT(late.body["error"]["message"].get<std::string>(), HasSubstr("already has all the responses it needs"));
  ApiAnswer project = Call("GET", base_ + "/next", ben_);
  EXPECT_EQ(project.status, 404);
  EXPECT_EQ(project.body["error"]["code"], "no_more_records");
}

TEST_F(ApiDistributionTest, GoldIsServedBlindAndDoesNotCountTowardProgress) {
  PairwiseProject({{"gold_ratio", 0.5}}, 3, 1);
  std::vector<int64_t> stream;
  for (int step = 0; step < 3; ++step) {
    ApiAnswer next = Call("GET", base_ + "/next", ann_);
    ASSERT_EQ(next.status, 200) << next.raw.body;
    EXPECT_FALSE(next.body.contains("gold"));
    EXPECT_FALSE(Call("GET", "/api/v1/records/" + std::to_string(next.body["id"].get<int64_t>()), ann_).body.contains("gold"));
    stream.push_back(next.body["id"]);
    ASSERT_EQ(Answer(ann_, stream.back()).status, 201);
  }
  EXPECT_EQ(stream, (std::vector<int64_t>{ids_[0], ids_[2], ids_[1]})) << "the second record is the gold one";
  ApiAnswer queue = Call("GET", base_ + "/queue", manager_);
  ASSERT_EQ(queue.status, 200);
  EXPECT_EQ(queue.body["records"]["total"], 2);
  EXPECT_EQ(queue.body["records"]["gold"], 1);
  EXPECT_EQ(queue.body["complete"], true);
}

TEST_F(ApiDistributionTest, DiscardedRecordsNeverComeBack) {
  PairwiseProject(nlohmann::json::object(), 2);
  ASSERT_EQ(Call("GET", base_ + "/next", ann_).body["id"], ids_[0]);
  ASSERT_EQ(Answer(ann_, ids_[0], "discarded").status, 201);
  EXPECT_EQ(Call("GET", base_ + "/next", ann_).body["id"], ids_[1]);
  ASSERT_EQ(Answer(ann_, ids_[1], "discarded").status, 201);
  EXPECT_EQ(Call("GET", base_ + "/next", ann_).status, 404);
  EXPECT_EQ(Call("GET", base_ + "/next", ben_).body["id"], ids_[0]);
}

TEST_F(ApiDistributionTest, ManagersPauseThroughSettingsWhichAreValidated) {
  PairwiseProject(nlohmann::json::object(), 2);
  ApiAnswer bad = Call("PATCH", base_, manager_, {{"settings", {{"overlap", 20}, {"ordering", "newest"}}}});
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["details"].size(), 2u);
  EXPECT_EQ(bad.body["error"]["details"][0]["subject"], "overlap");
  EXPECT_EQ(Call("GET", base_ + "/next", ann_).status, 200) << "the refused settings were not saved";

  ASSERT_EQ(Call("PATCH", base_, manager_, {{"settings", {{"paused_annotators", {UserId("ben@team.org")}}}}}).status, 200);
  ApiAnswer paused = Call("GET", base_ + "/next", ben_);
  EXPECT_EQ(paused.status, 404);
  EXPECT_EQ(paused.body["error"]["code"], "paused");
  ASSERT_EQ(Call("PATCH", base_, manager_, {{"settings", {{"paused", true}, {"paused_annotators", nullptr}}}}).status, 200);
  EXPECT_THAT(Call("GET", base_ + "/next", ben_).body["error"]["message"].get<std::string>(), HasSubstr("paused this project"));
  EXPECT_EQ(Call("PATCH", base_, ann_, {{"settings", {{"paused", false}}}}).status, 403);
}

TEST_F(ApiDistributionTest, TheQueueShowsStatesReservationsAndAnnotators) {
  PairwiseProject({{"overlap", 2}}, 3);
  ASSERT_EQ(Call("GET", base_ + "/next", ann_).body["id"], ids_[0]);
  ASSERT_EQ(Answer(ann_, ids_[0]).status, 201);
  ASSERT_EQ(Call("GET", base_ + "/next", ann_).body["id"], ids_[1]);
  ApiAnswer queue = Call("GET", base_ + "/queue", manager_);
  ASSERT_EQ(queue.status, 200) << queue.raw.body;
  EXPECT_EQ(queue.body["records"], nlohmann::json::parse(R"({"total": 3, "complete": 0, "in_progress": 1,
      "unstarted": 2, "gold": 0})"));
  EXPECT_EQ(queue.body["active_reservations"]["count"], 1);
  EXPECT_EQ(queue.body["active_reservations"]["list"][0]["record_id"], ids_[1]);
  EXPECT_EQ(queue.body["annotators"][0]["user_id"], UserId("ann@team.org"));
  EXPECT_EQ(queue.body["annotators"][0]["submitted"], 1);
  EXPECT_EQ(queue.body["annotators"][0]["holding"], 1);
  EXPECT_EQ(Call("GET", base_ + "/queue", ann_).status, 403);
}

}  // namespace
}  // namespace quorum::testing
