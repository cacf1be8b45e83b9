// Manager controls of the distribution through the REST API: the gold suspension rule
// (suspended after M wrong gold answers, nothing served, reinstated by a manager, served again),
// explicit pause and resume, and records' uncertainty scores in bulk.
#include <gmock/gmock.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

using ::testing::HasSubstr;

class ApiSuspensionTest : public TeamApiTest {
 protected:
  // Takes the caller's next record and answers `choice`; returns the record id.
  int64_t TakeAndAnswer(const std::string& key, const std::string& choice) {
    ApiAnswer next = Call("GET", base_ + "/next", key);
    EXPECT_EQ(next.status, 200) << next.raw.body;
    if (next.status != 200) return 0;
    const int64_t id = next.body["id"];
    EXPECT_EQ(Answer(key, id, "submitted", choice).status, 201);
    return id;
  }

  std::string Annotator(const std::string& email) { return base_ + "/annotators/" + std::to_string(UserId(email)); }
};

TEST_F(ApiSuspensionTest, WrongGoldSuspendsAManagerReinstatesAndRecordsFlowAgain) {
  // Every record handed out is gold while gold is left (ratio 1); below 50% after 2 gold.
  PairwiseProject({{"gold_ratio", 1.0}, {"gold_suspend_below", 0.5}, {"gold_suspend_after", 2}}, 6, 4);
  TakeAndAnswer(ann_, "response_b");
  TakeAndAnswer(ann_, "response_b");
  ApiAnswer suspended = Call("GET", base_ + "/next", ann_);
  ASSERT_EQ(suspended.status, 403) << suspended.raw.body;
  EXPECT_EQ(suspended.body["error"]["code"], "suspended");
  EXPECT_THAT(suspended.body["error"]["message"].get<std::string>(), HasSubstr("gold accuracy 0% (0 of 2) is below 50%"));
  EXPECT_EQ(suspended.body["error"]["suspension"]["gold"],
            nlohmann::json::parse(R"({"answered": 2, "correct": 0, "accuracy": 0.0})"));
  EXPECT_EQ(suspended.body["error"]["suspension"]["after"], 2);
  EXPECT_EQ(Call("GET", "/api/v1/records/" + std::to_string(ids_[0]), ann_).status, 404)
      << "a record never handed to them stays out of reach";
  EXPECT_EQ(Call("POST", "/api/v1/records/" + std::to_string(ids_[0]) + "/responses", ann_,
                 {{"values", {{"preference", "response_a"}}}}).status, 404);
  TakeAndAnswer(ben_, "response_a");
  TakeAndAnswer(ben_, "response_a");
  EXPECT_EQ(Call("GET", base_ + "/next", ben_).status, 200) << "ben answered gold correctly";

  ApiAnswer queue = Call("GET", base_ + "/queue", manager_);
  ASSERT_EQ(queue.status, 200);
  ASSERT_EQ(queue.body["annotators"].size(), 2u);
  const nlohmann::json& ann_row = queue.body["annotators"][0];
  EXPECT_EQ(ann_row["user_id"], UserId("ann@team.org"));
  EXPECT_EQ(ann_row["suspended"], true);
  EXPECT_EQ(ann_row["gold"]["answered"], 2);
  EXPECT_EQ(ann_row["suspension"]["threshold"], 0.5);
  EXPECT_EQ(queue.body["annotators"][1]["suspended"], false);
  EXPECT_EQ(queue.body["annotators"][1]["gold"]["correct"], 2);

  EXPECT_EQ(Call("POST", Annotator("ann@team.org") + "/reinstate", ann_, nlohmann::json::object()).status, 403);
  ApiAnswer reinstated = Call("POST", Annotator("ann@team.org") + "/reinstate", manager_, nlohmann::json::object());
  ASSERT_EQ(reinstated.status, 200) << reinstated.raw.body;
  EXPECT_EQ(reinstated.body["was_suspended"], true);
  ApiAnswer again = Call("GET", base_ + "/next", ann_);
  EXPECT_EQ(again.status, 200) << "the old evidence no longer counts: " << again.raw.body;
  queue = Call("GET", base_ + "/queue", manager_);
  EXPECT_EQ(queue.body["annotators"][0]["gold"]["answered"], 0);
  EXPECT_TRUE(queue.body["annotators"][0]["reinstated_at"].is_string());
  EXPECT_EQ(Call("POST", base_ + "/annotators/999999/reinstate", manager_, nlohmann::json::object()).status, 404);
}

TEST_F(ApiSuspensionTest, BadSuspensionSettingsAreRefusedWhenWritten) {
  PairwiseProject(nlohmann::json::object(), 1);
  ApiAnswer half = Call("PATCH", base_, manager_, {{"settings", {{"gold_suspend_below", 0.5}}}});
  EXPECT_EQ(half.status, 400);
  EXPECT_THAT(half.raw.body, HasSubstr("gold_suspend_after"));
  EXPECT_EQ(Call("GET", base_ + "/next", ann_).status, 200);
}

TEST_F(ApiSuspensionTest, ManagersPauseAndResumeTheProjectAndOneAnnotator) {
  PairwiseProject(nlohmann::json::object(), 3);
  ApiAnswer paused = Call("POST", Annotator("ben@team.org") + "/pause", manager_, nlohmann::json::object());
  ASSERT_EQ(paused.status, 200) << paused.raw.body;
  EXPECT_EQ(paused.body["paused_annotators"], nlohmann::json::array({UserId("ben@team.org")}));
  ApiAnswer ben = Call("GET", base_ + "/next", ben_);
  EXPECT_EQ(ben.status, 404);
  EXPECT_EQ(ben.body["error"]["code"], "paused");
  EXPECT_THAT(ben.body["error"]["message"].get<std::string>(), HasSubstr("paused your annotation"));
  EXPECT_EQ(Call("GET", base_ + "/next", ann_).status, 200);
  EXPECT_EQ(Call("GET", base_ + "/queue", manager_).body["annotators"].size(), 1u) << "ben never got a record";

  ASSERT_EQ(Call("POST", base_ + "/pause", manager_, nlohmann::json::object()).status, 200);
  EXPECT_THAT(Call("GET", base_ + "/next", ann_).body["error"]["message"].get<std::string>(), HasSubstr("paused this project"));
  EXPECT_EQ(Call("GET", base_, manager_).body["settings"]["paused"], true);
  ASSERT_EQ(Call("POST", base_ + "/resume", manager_, nlohmann::json::object()).status, 200);
  EXPECT_EQ(Call("GET", base_ + "/next", ann_).status, 200);
  EXPECT_EQ(Call("GET", base_ + "/next", ben_).status, 404) << "ben is still paused on his own";
  ASSERT_EQ(Call("POST", Annotator("ben@team.org") + "/resume", manager_, nlohmann::json::object()).status, 200);
  EXPECT_EQ(Call("GET", base_ + "/next", ben_).status, 200);
  EXPECT_FALSE(Call("GET", base_, manager_).body["settings"].contains("paused_annotators"));
  EXPECT_EQ(Call("POST", base_ + "/pause", ann_, nlohmann::json::object()).status, 403);
}

TEST_F(ApiSuspensionTest, UncertaintyScoresAreSetInBulkAllOrNothing) {
  PairwiseProject({{"ordering", "uncertainty"}}, 3);
  quorum::Project other = MakeProject("pairwise-preference", nlohmann::json::object());
  std::unique_ptr<ImportBatch> batch = store_->BeginImport(other.id).value();
  const int64_t foreign = batch->PutRecord(RecordRow{"x", R"({"prompt":"p","response_a":"a","response_b":"b"})", "{}", "{}", 0, 0},
                                           OnDuplicate::kRefuse).value();
  ASSERT_TRUE(batch->Commit().ok());

  ApiAnswer refused = Call("POST", base_ + "/uncertainty", manager_,
                           nlohmann::json::array({{{"record_id", ids_[2]}, {"score", 0.9}}, {{"record_id", foreign}, {"score", 0.1}}}));
  EXPECT_EQ(refused.status, 400);
  EXPECT_THAT(refused.raw.body, HasSubstr("record " + std::to_string(foreign) + " is not in project"));
  ApiAnswer malformed = Call("POST", base_ + "/uncertainty", manager_,
                             nlohmann::json::array({{{"record_id", ids_[0]}, {"score", "high"}}, {{"score", 1}}}));
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.body["error"]["details"].size(), 2u);
  EXPECT_EQ(malformed.body["error"]["details"][0]["location"], "[0]");
  EXPECT_EQ(Call("GET", base_ + "/next", ann_).body["id"], ids_[0]) << "nothing was set: unscored records in id order";

  ApiAnswer set = Call("POST", base_ + "/uncertainty", manager_,
                       nlohmann::json::array({{{"record_id", ids_[1]}, {"score", 0.2}}, {{"record_id", ids_[2]}, {"score", 0.8}}}));
  ASSERT_EQ(set.status, 200) << set.raw.body;
  EXPECT_EQ(set.body["updated"], 2);
  EXPECT_EQ(Call("GET", base_ + "/next", ben_).body["id"], ids_[2]);
  EXPECT_EQ(Call("POST", base_ + "/uncertainty", ann_, nlohmann::json::array()).status, 403);
}

}  // namespace
}  // namespace quorum::testing
