// FaultyStore over a real SQLite store: injected failures change nothing and say so.
#include "store/faulty_store.h"

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class FaultyStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    workspace_ = NewWorkspace();
    project_ = NewProject(workspace_);
    faulty_ = std::make_unique<FaultyStore>(std::move(store_));
  }
  int64_t workspace_ = 0, project_ = 0;
  std::unique_ptr<FaultyStore> faulty_;
};

TEST_F(FaultyStoreTest, TheNthWriteFailsAloneAndChangesNothing) {
  faulty_->FailNthWrite(2);
  ASSERT_TRUE(faulty_->CreateWorkspace("one").ok());
  Result<Workspace> failed = faulty_->CreateWorkspace("two");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kIo);
  EXPECT_EQ(failed.error().message, "injected fault: write 2 (CreateWorkspace) failed");
  ASSERT_TRUE(faulty_->CreateWorkspace("three").ok());
  EXPECT_EQ(faulty_->writes(), 3);

  Result<std::vector<Workspace>> all = faulty_->ListWorkspaces();  // reads are never failed
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);  // the fixture's, "one" and "three"
  EXPECT_EQ((*all)[2].name, "three");
}

TEST_F(FaultyStoreTest, AFailedCommitLeavesTheBatchToRollBack) {
  {
    Result<std::unique_ptr<ImportBatch>> batch = faulty_->BeginImport(project_);
    ASSERT_TRUE(batch.ok());
    ASSERT_TRUE((*batch)->PutRecord({"a", "{}", "{}", "{}", 0, 0}, OnDuplicate::kRefuse).ok());
    faulty_->FailNthWrite(1);
    Status commit = (*batch)->Commit();
    ASSERT_FALSE(commit.ok());
    EXPECT_EQ(commit.error().code, ErrorCode::kIo);
    EXPECT_NE(commit.error().message.find("(Commit)"), std::string::npos);
  }
  EXPECT_EQ(*faulty_->CountRecords(project_), 0);
}

TEST_F(FaultyStoreTest, StickyFailuresLastUntilHealed) {
  User ann;
  ann.email = "ann@example.com";
  Result<User> created = faulty_->CreateUser(ann);
  ASSERT_TRUE(created.ok());
  int64_t user = created->id;
  faulty_->FailWritesFrom(1);
  Response response;
  response.user_id = user;
  response.record_id = 1;
  EXPECT_EQ(faulty_->SaveResponse(response, user).error().code, ErrorCode::kIo);
  EXPECT_EQ(faulty_->SetMembership({workspace_, user, Role::kAnnotator}).error().code, ErrorCode::kIo);
  EXPECT_EQ(faulty_->BeginImport(project_).error().code, ErrorCode::kIo);
  faulty_->Heal();
  EXPECT_TRUE(faulty_->SetMembership({workspace_, user, Role::kAnnotator}).ok());
}

TEST_F(FaultyStoreTest, SessionTokenAndSuggestionWritesCountAndFail) {
  User ann;
  ann.email = "ann@example.com";
  Result<User> created = faulty_->CreateUser(ann);
  ASSERT_TRUE(created.ok());
  int64_t user = created->id;
  ApiToken token;
  token.user_id = user;
  token.token_hash = "h";
  Result<ApiToken> stored = faulty_->CreateToken(token);
  ASSERT_TRUE(stored.ok());
  int64_t before = faulty_->writes();

  faulty_->FailWritesFrom(1);
  EXPECT_EQ(faulty_->CreateSession({"s", user, "c", 0, 100}).error().code, ErrorCode::kIo);
  EXPECT_EQ(faulty_->DeleteSession("s").error().code, ErrorCode::kIo);
  EXPECT_EQ(faulty_->DeleteSessionsOf(user).error().code, ErrorCode::kIo);
  EXPECT_EQ(faulty_->CreateToken(token).error().code, ErrorCode::kIo);
  EXPECT_EQ(faulty_->RevokeToken(stored->id, user).error().code, ErrorCode::kIo);
  EXPECT_EQ(faulty_->UpsertSuggestions({}).error().code, ErrorCode::kIo);
  EXPECT_EQ(faulty_->writes(), before + 6);
  // Reads are forwarded, and the failed writes changed nothing.
  EXPECT_EQ(faulty_->FindSession("s", 0, 0).error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(faulty_->FindTokenByHash("h", 0)->token.revoked);
  EXPECT_EQ(faulty_->ListTokens(user)->size(), 1u);
  RecordFilter filter;
  filter.project_id = project_;
  EXPECT_TRUE(faulty_->FindRecords(filter).ok());
  EXPECT_EQ(faulty_->ProgressOf(project_, user, 1)->records, 0);
  EXPECT_FALSE(*faulty_->WasHandedOut(1, user));
  EXPECT_FALSE(faulty_->FindResponse(1, user)->has_value());
  EXPECT_EQ(faulty_->writes(), before + 6);
  faulty_->Heal();
  EXPECT_TRUE(faulty_->CreateSession({"s", user, "c", 0, 100}).ok());
}

}  // namespace
}  // namespace quorum
