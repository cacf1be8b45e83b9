// NoWaitScope through the Store interface, on whichever backend the tests run.
#include "store/no_wait_scope.h"

#include <gtest/gtest.h>

#include <thread>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class NoWaitScopeTest : public StoreTest {};

TEST_F(NoWaitScopeTest, WritesAreRefusedWithoutEffect) {
  int64_t workspace = NewWorkspace("before");
  {
    NoWaitScope scope;
    EXPECT_FALSE(scope.refused());
    Result<Workspace> created = store_->CreateWorkspace("inside");
    EXPECT_FALSE(created.ok());
    EXPECT_TRUE(scope.refused());
    Project project;
    project.workspace_id = workspace;
    project.name = "inside";
    project.schema = testing::TestSchema();
    EXPECT_FALSE(store_->CreateProject(project).ok());
    EXPECT_FALSE(store_->BeginImport(1).ok());
  }
  Result<std::vector<Workspace>> workspaces = store_->ListWorkspaces();
  ASSERT_TRUE(workspaces.ok()) << workspaces.error().ToString();
  ASSERT_EQ(workspaces->size(), 1u);
  EXPECT_EQ((*workspaces)[0].name, "before");
  Result<std::vector<Project>> projects = store_->ListProjects();
  ASSERT_TRUE(projects.ok());
  EXPECT_TRUE(projects->empty());
  // Outside a scope nothing is refused.
  EXPECT_FALSE(NoWaitScope::Refuse());
  EXPECT_TRUE(store_->CreateWorkspace("after").ok());
}

// SQLite reads from a local connection without waiting; a PostgreSQL read waits for the server,
// so there every call is refused.
TEST_F(NoWaitScopeTest, ReadsAnswerLocallyOrAreRefused) {
  int64_t workspace = NewWorkspace("team");
  NoWaitScope scope;
  Result<Workspace> read = store_->GetWorkspace(workspace);
  if (testing::OnPostgres()) {
    EXPECT_FALSE(read.ok());
    EXPECT_TRUE(scope.refused());
  } else {
    ASSERT_TRUE(read.ok()) << read.error().ToString();
    EXPECT_EQ(read->name, "team");
    EXPECT_FALSE(scope.refused());
  }
}

TEST_F(NoWaitScopeTest, EachScopeStartsUnrefused) {
  {
    NoWaitScope scope;
    EXPECT_FALSE(store_->CreateWorkspace("x").ok());
    EXPECT_TRUE(scope.refused());
  }
  NoWaitScope next;
  EXPECT_FALSE(next.refused());
}

// On SQLite a scope's reads share one reader and one snapshot (nothing in a scope writes): a
// write committed by another thread after the scope's first read is not seen until the scope
// ends. Then the reader goes back to the pool: more scopes than the pool has readers all read.
TEST_F(NoWaitScopeTest, AScopesReadsShareOneSnapshotOnSqlite) {
  if (testing::OnPostgres()) GTEST_SKIP() << "PostgreSQL refuses every read in a scope";
  int64_t first = NewWorkspace("first");
  int64_t second = 0;
  {
    NoWaitScope scope;
    ASSERT_TRUE(store_->GetWorkspace(first).ok());
    std::thread writer([&] { second = NewWorkspace("second"); });
    writer.join();
    ASSERT_NE(second, 0);
    Result<Workspace> unseen = store_->GetWorkspace(second);
    ASSERT_FALSE(unseen.ok());
    EXPECT_EQ(unseen.error().code, ErrorCode::kNotFound);
    EXPECT_FALSE(scope.refused());
  }
  for (int round = 0; round < 10; ++round) {
    NoWaitScope scope;
    Result<Workspace> seen = store_->GetWorkspace(second);
    ASSERT_TRUE(seen.ok()) << "round " << round << ": " << seen.error().ToString();
    EXPECT_EQ(seen->name, "second");
    EXPECT_FALSE(scope.refused());
  }
}

}  // namespace
}  // namespace quorum
