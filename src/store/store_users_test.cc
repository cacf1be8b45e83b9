// Workspaces, users and memberships through the Store interface, on a real SQLite file.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreUsersTest : public StoreTest {};

TEST_F(StoreUsersTest, WorkspacesAreCreatedStampedAndListedById) {
  clock_.Set(1000);
  Result<Workspace> first = store_->CreateWorkspace("alpha");
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  EXPECT_GT(first->id, 0);
  EXPECT_EQ(first->name, "alpha");
  EXPECT_EQ(first->created_at_ms, 1000);
  clock_.Set(2000);
  Result<Workspace> second = store_->CreateWorkspace("beta");
  ASSERT_TRUE(second.ok());

  Result<Workspace> got = store_->GetWorkspace(first->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->name, "alpha");
  EXPECT_EQ(got->created_at_ms, 1000);

  Result<std::vector<Workspace>> all = store_->ListWorkspaces();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, first->id);
  EXPECT_EQ((*all)[1].name, "beta");
  EXPECT_EQ((*all)[1].created_at_ms, 2000);
}

TEST_F(StoreUsersTest, MissingWorkspaceIsNotFound) {
  Result<Workspace> got = store_->GetWorkspace(42);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(got.error().message, "workspace 42 not found");
}

TEST_F(StoreUsersTest, CreateUserStoresEverythingAndLowerCasesTheEmail) {
  clock_.Set(5000);
  User user;
  user.id = 99;             // ignored
  user.created_at_ms = 7;   // ignored
  user.email = "Ada.Lovelace@Example.COM";
  user.name = "Ada";
  user.password_hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";
  user.tier = 3;
  user.specializations = {"medical", "code"};
  Result<User> created = store_->CreateUser(user);
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  EXPECT_NE(created->id, 99);
  EXPECT_EQ(created->email, "ada.lovelace@example.com");
  EXPECT_EQ(created->created_at_ms, 5000);

  Result<User> got = store_->GetUser(created->id);
  ASSERT_TRUE(got.ok()) << got.error().ToString();
  EXPECT_EQ(got->email, "ada.lovelace@example.com");
  EXPECT_EQ(got->name, "Ada");
  EXPECT_EQ(got->password_hash, user.password_hash);
  EXPECT_EQ(got->tier, 3);
  EXPECT_EQ(got->specializations, (std::vector<std::string>{"medical", "code"}));
  EXPECT_EQ(got->created_at_ms, 5000);
}

TEST_F(StoreUsersTest, FindUserByEmailIgnoresCase) {
  int64_t id = NewUser("bob@example.com");
  Result<User> found = store_->FindUserByEmail("BOB@Example.Com");
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  EXPECT_EQ(found->id, id);

  Result<User> missing = store_->FindUserByEmail("nobody@example.com");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("nobody@example.com"), std::string::npos);
}

TEST_F(StoreUsersTest, DuplicateEmailInAnyCaseIsAConflict) {
  NewUser("carol@example.com");
  User again;
  again.email = "CAROL@example.com";
  Result<User> duplicate = store_->CreateUser(again);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_EQ(duplicate.error().message, "a user with email 'carol@example.com' already exists");
}

TEST_F(StoreUsersTest, MissingUserIsNotFound) {
  Result<User> got = store_->GetUser(7);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
}

TEST_F(StoreUsersTest, ListUsersIsInIdOrder) {
  int64_t first = NewUser("z@example.com");
  int64_t second = NewUser("a@example.com");
  Result<std::vector<User>> users = store_->ListUsers();
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].id, first);
  EXPECT_EQ((*users)[1].id, second);
}

TEST_F(StoreUsersTest, UpdateUserReplacesFieldsButNotCreationTime) {
  clock_.Set(100);
  int64_t id = NewUser("dan@example.com");
  clock_.Set(200);
  Result<User> user = store_->GetUser(id);
  ASSERT_TRUE(user.ok());
  user->email = "Daniel@Example.com";
  user->name = "Daniel";
  user->tier = 2;
  user->specializations = {"law"};
  user->password_hash = "hash";
  ASSERT_TRUE(store_->UpdateUser(*user).ok());

  Result<User> got = store_->GetUser(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->email, "daniel@example.com");
  EXPECT_EQ(got->name, "Daniel");
  EXPECT_EQ(got->tier, 2);
  EXPECT_EQ(got->specializations, std::vector<std::string>{"law"});
  EXPECT_EQ(got->password_hash, "hash");
  EXPECT_EQ(got->created_at_ms, 100);
}

TEST_F(StoreUsersTest, UpdateUserErrors) {
  int64_t erin = NewUser("erin@example.com");
  NewUser("frank@example.com");
  User missing;
  missing.id = 12345;
  missing.email = "ghost@example.com";
  Status not_found = store_->UpdateUser(missing);
  ASSERT_FALSE(not_found.ok());
  EXPECT_EQ(not_found.error().code, ErrorCode::kNotFound);

  Result<User> user = store_->GetUser(erin);
  ASSERT_TRUE(user.ok());
  user->email = "FRANK@example.com";
  Status taken = store_->UpdateUser(*user);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
}

TEST_F(StoreUsersTest, MembershipsSetReplaceListAndRole) {
  int64_t workspace = NewWorkspace();
  int64_t other_workspace = NewWorkspace("other");
  int64_t ann = NewUser("ann@example.com");
  int64_t rev = NewUser("rev@example.com");
  ASSERT_TRUE(store_->SetMembership({workspace, rev, Role::kReviewer}).ok());
  ASSERT_TRUE(store_->SetMembership({workspace, ann, Role::kAnnotator}).ok());
  ASSERT_TRUE(store_->SetMembership({workspace, ann, Role::kManager}).ok());  // replaces

  Result<std::vector<Membership>> members = store_->ListMemberships(workspace);
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[0].user_id, ann);  // by user id
  EXPECT_EQ((*members)[0].role, Role::kManager);
  EXPECT_EQ((*members)[1].user_id, rev);
  EXPECT_EQ((*members)[1].role, Role::kReviewer);

  Result<std::optional<Role>> role = store_->GetRole(workspace, ann);
  ASSERT_TRUE(role.ok());
  EXPECT_EQ(*role, Role::kManager);
  Result<std::optional<Role>> none = store_->GetRole(other_workspace, ann);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  Result<std::vector<Membership>> empty = store_->ListMemberships(other_workspace);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST_F(StoreUsersTest, MembershipOfMissingUserOrWorkspaceIsNotFound) {
  int64_t workspace = NewWorkspace();
  int64_t user = NewUser("x@example.com");
  Status no_user = store_->SetMembership({workspace, user + 100, Role::kOwner});
  ASSERT_FALSE(no_user.ok());
  EXPECT_EQ(no_user.error().code, ErrorCode::kNotFound);
  Status no_workspace = store_->SetMembership({workspace + 100, user, Role::kOwner});
  ASSERT_FALSE(no_workspace.ok());
  EXPECT_EQ(no_workspace.error().code, ErrorCode::kNotFound);
}

// Values are bound parameters, never SQL text: hostile strings come back byte for byte.
TEST_F(StoreUsersTest, HostileStringsAreStoredVerbatim) {
  const std::string injection = "o'brien\"; '); DROP TABLE users; --";
  User user;
  user.email = "o'brien'); DROP TABLE users; --@example.com";
  user.name = injection;
  user.password_hash = std::string("nul\0byte", 8);
  user.specializations = {injection, "\"quoted\""};
  if (testing::OnPostgres()) {
    // PostgreSQL's text cannot hold NUL: refused, never stored cut short.
    Result<User> refused = store_->CreateUser(user);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
    user.password_hash = "no-nul-byte";
  }
  Result<User> created = store_->CreateUser(user);
  ASSERT_TRUE(created.ok()) << created.error().ToString();

  Result<User> found = store_->FindUserByEmail(user.email);
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  EXPECT_EQ(found->email, "o'brien'); drop table users; --@example.com");
  EXPECT_EQ(found->name, injection);
  EXPECT_EQ(found->password_hash, user.password_hash);
  EXPECT_EQ(found->specializations, user.specializations);

  Result<Workspace> workspace = store_->CreateWorkspace(injection);
  ASSERT_TRUE(workspace.ok());
  EXPECT_EQ(store_->GetWorkspace(workspace->id)->name, injection);
  int64_t project = NewProject(workspace->id, injection);
  EXPECT_EQ(store_->GetProject(project)->name, injection);
  Result<std::vector<User>> users = store_->ListUsers();  // the table is still there
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(users->size(), 1u);
}

}  // namespace
}  // namespace quorum
