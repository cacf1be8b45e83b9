// NoWaitScope through the Store interface, on whichever backend the tests run.
#include "store/no_wait_scope.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace quorum
