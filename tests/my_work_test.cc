// GET /api/v1/projects/{id}/my-work and the allow_edit_submitted setting, through the real
// router and a real SQLite store.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

class MyWorkTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    manager_ = UserWithRole("m@team.org", Role::kManager);
    ann_ = UserWithRole("ann@team.org", Role::kAnnotator);
    ben_ = UserWithRole("ben@team.org", Role::kAnnotator);
  }

  // A pairwise project with `count` records; returns the record ids in order.
  std::vector<int64_t> Project(nlohmann::json settings, int count) {
    project_ = MakeProject("pairwise-preference", settings);
    nlohmann::json rows = nlohmann::json::array();
    for (int index = 0; index < count; ++index)
      rows.push_back({{"id", "r" + std::to_string(index)}, {"prompt", "Zoë asks " + std::to_string(index)},
                      {"response_a", "a"}, {"response_b", "b"}});
    EXPECT_EQ(Call("POST", Base() + "/records", manager_, rows, {{"content-type", "application/json"}}).status, 201);
    std::vector<int64_t> ids;
    for (const Record& record : store_->ListRecords(project_.id, 0, 1000).value()) ids.push_back(record.id);
    return ids;
  }
  std::string Base() const { return "/api/v1/projects/" + std::to_string(project_.id); }
  ApiAnswer Answer(const std::string& key, int64_t record, const char* status) {
    return Call("POST", "/api/v1/records/" + std::to_string(record) + "/responses", key,
                {{"values", {{"preference", "response_a"}}}, {"status", status}});
  }

  std::string manager_, ann_, ben_;
  quorum::Project project_;
};

TEST_F(MyWorkTest, ListsOnlyTheCallersResponsesWithCounts) {
  std::vector<int64_t> ids = Project({{"overlap", 2}}, 3);
  ASSERT_EQ(Answer(ann_, ids[0], "submitted").status, 201);
  ASSERT_EQ(Answer(ann_, ids[1], "draft").status, 201);
  ASSERT_EQ(Answer(ben_, ids[0], "submitted").status, 201);

  ApiAnswer mine = Call("GET", Base() + "/my-work", ann_);
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

  EXPECT_EQ(Call("GET", Base() + "/my-work?after=x", ann_).status, 400);
  EXPECT_EQ(Call("GET", Base() + "/my-work?after=" + std::to_string(ids[0]), ann_).body["items"].size(), 1u);
}

TEST_F(MyWorkTest, SubmittedResponsesAreFrozenWhenTheProjectSaysSo) {
  std::vector<int64_t> ids = Project({{"overlap", 1}, {"allow_edit_submitted", false}}, 2);
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
  EXPECT_EQ(Call("GET", Base() + "/my-work", ann_).body["allow_edit_submitted"], false);
}

}  // namespace
}  // namespace quorum::testing
