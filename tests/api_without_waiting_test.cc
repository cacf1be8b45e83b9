// Router::HandleWithoutWaiting, which the server runs on its I/O threads: quick reads are
// answered there when the store answers without waiting; anything that would wait (a write, a
// database server) is refused without effect and answered again by Handle, as on a worker.
#include <gmock/gmock.h>

#include "api_fixture.h"

namespace quorum::testing {
namespace {

class ApiWithoutWaitingTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    manager_ = UserWithRole("m@team.org", Role::kManager);
    ann_ = UserWithRole("ann@team.org", Role::kAnnotator);
    project_ = MakeProject("pairwise-preference", {{"overlap", 1}});
    nlohmann::json rows = nlohmann::json::array();
    for (int index = 0; index < 3; ++index)
      rows.push_back({{"id", "r" + std::to_string(index)}, {"prompt", "p"}, {"response_a", "a"}, {"response_b", "b"}});
    const std::string records = "/api/v1/projects/" + std::to_string(project_.id) + "/records";
    ASSERT_EQ(Call("POST", records, manager_, rows, {{"content-type", "application/json"}}).status, 201);
    for (const Record& record : store_->ListRecords(project_.id, 0, 10).value()) ids_.push_back(record.id);
  }

  HttpRequest Get(const std::string& path, const std::string& key) {
    HttpRequest request;
    request.method = "GET";
    request.path = path;
    if (!key.empty()) request.headers["authorization"] = "Token " + key;
    request.request_id = "test";
    return request;
  }

  std::string RecordPath(int index) { return "/api/v1/records/" + std::to_string(ids_[index]); }

  std::string manager_, ann_;
  Project project_;
  std::vector<int64_t> ids_;
};

TEST_F(ApiWithoutWaitingTest, AQuickReadIsAnsweredInlineOnSqliteAndHandedOnOnPostgres) {
  ASSERT_EQ(Call("GET", RecordPath(0), manager_).status, 200);  // the token's first use is written
  std::optional<HttpResponse> answer = router_->HandleWithoutWaiting(Get(RecordPath(0), manager_));
  if (OnPostgres()) {
    EXPECT_FALSE(answer.has_value()) << "every PostgreSQL call waits for the server";
    return;
  }
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(nlohmann::json::parse(answer->body)["id"], ids_[0]);
  // Refusals are answered inline too: they need no write.
  std::optional<HttpResponse> no_token = router_->HandleWithoutWaiting(Get(RecordPath(0), ""));
  ASSERT_TRUE(no_token.has_value());
  EXPECT_EQ(no_token->status, 401);
  std::optional<HttpResponse> missing = router_->HandleWithoutWaiting(Get("/api/v1/records/999999", manager_));
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ApiWithoutWaitingTest, AReadThatWouldWriteIsHandedOnAndChangesNothing) {
  ASSERT_EQ(Call("GET", "/api/v1/me", ann_).status, 200);  // the token's first use is written
  // An annotator asking for a record before /next is asking for the next record: it is reserved
  // for them, a write, so the inline attempt gives up and leaves no reservation behind.
  EXPECT_FALSE(router_->HandleWithoutWaiting(Get(RecordPath(0), ann_)).has_value());
  EXPECT_FALSE(store_->WasHandedOut(ids_[0], UserId("ann@team.org")).value());
  ApiAnswer handled = Call("GET", RecordPath(0), ann_);
  ASSERT_EQ(handled.status, 200) << handled.raw.body;
  EXPECT_TRUE(store_->WasHandedOut(ids_[0], UserId("ann@team.org")).value());
  // Now it is theirs: a read, answered inline (on SQLite).
  std::optional<HttpResponse> again = router_->HandleWithoutWaiting(Get(RecordPath(0), ann_));
  EXPECT_EQ(again.has_value(), !OnPostgres());
  if (again) {
    EXPECT_EQ(again->status, 200) << again->body;
  }
}

TEST_F(ApiWithoutWaitingTest, ATokensDueUseTimeIsWrittenByTheHandOn) {
  // A fresh token's first use is recorded: a write, so the request goes to Handle.
  const std::string reviewer = UserWithRole("r@team.org", Role::kReviewer);
  EXPECT_FALSE(router_->HandleWithoutWaiting(Get(RecordPath(1), reviewer)).has_value());
  std::vector<ApiToken> tokens = store_->ListTokens(UserId("r@team.org")).value();
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_FALSE(tokens[0].last_used_at_ms.has_value());
  EXPECT_EQ(Call("GET", RecordPath(1), reviewer).status, 200);
  EXPECT_TRUE(store_->ListTokens(UserId("r@team.org")).value()[0].last_used_at_ms.has_value());
}

TEST_F(ApiWithoutWaitingTest, RoutesThatAreNotQuickAreNeverRunInline) {
  const std::string project = "/api/v1/projects/" + std::to_string(project_.id);
  EXPECT_FALSE(router_->HandleWithoutWaiting(Get(project + "/next", ann_)).has_value());
  EXPECT_FALSE(router_->HandleWithoutWaiting(Get(project + "/records", manager_)).has_value());
  EXPECT_FALSE(router_->HandleWithoutWaiting(Get(project + "/export", manager_)).has_value());
  // /next was not run: nothing was reserved by the attempt.
  EXPECT_FALSE(store_->WasHandedOut(ids_[0], UserId("ann@team.org")).value());
}

TEST_F(ApiWithoutWaitingTest, PathsNoRouteTakesAreAnsweredInline) {
  std::optional<HttpResponse> unknown = router_->HandleWithoutWaiting(Get("/api/v1/nothing-here", ""));
  ASSERT_TRUE(unknown.has_value());
  EXPECT_EQ(unknown->status, 404);
  HttpRequest wrong_method = Get("/api/v1/records/1", "");
  wrong_method.method = "PUT";
  std::optional<HttpResponse> not_allowed = router_->HandleWithoutWaiting(wrong_method);
  ASSERT_TRUE(not_allowed.has_value());
  EXPECT_EQ(not_allowed->status, 405);
}

}  // namespace
}  // namespace quorum::testing
