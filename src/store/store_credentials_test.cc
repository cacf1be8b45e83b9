// Login sessions and API tokens through the Store interface.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreCredentialsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    ann_ = NewUser("ann@example.com");
    bob_ = NewUser("bob@example.com");
  }

  static Session MakeSession(std::string id_hash, int64_t user_id, int64_t created_ms, int64_t expires_ms) {
    return Session{std::move(id_hash), user_id, "csrf-" + std::to_string(user_id), created_ms, expires_ms};
  }

  static ApiToken MakeToken(int64_t user_id, std::string name, std::string hash) {
    ApiToken token;
    token.user_id = user_id;
    token.name = std::move(name);
    token.token_hash = std::move(hash);
    token.prefix = "qrm_ab12";
    return token;
  }

  int64_t ann_ = 0, bob_ = 0;
};

TEST_F(StoreCredentialsTest, ASessionIsFoundUntilItExpires) {
  ASSERT_TRUE(store_->CreateSession(MakeSession("h1", ann_, 1000, 5000)).ok());
  Result<SessionCaller> found = store_->FindSession("h1", 4999, 0);
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  EXPECT_EQ(found->session.id_hash, "h1");
  EXPECT_EQ(found->session.user_id, ann_);
  EXPECT_EQ(found->session.csrf_token, "csrf-" + std::to_string(ann_));
  EXPECT_EQ(found->session.created_at_ms, 1000);
  EXPECT_EQ(found->session.expires_at_ms, 5000);
  EXPECT_EQ(found->user.id, ann_);
  EXPECT_EQ(found->user.email, "ann@example.com");
  EXPECT_FALSE(found->role.has_value());

  Result<SessionCaller> expired = store_->FindSession("h1", 5000, 0);  // expiry is exclusive
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(expired.error().message, "session not found or expired");
  EXPECT_EQ(store_->FindSession("nope", 0, 0).error().code, ErrorCode::kNotFound);
}

TEST_F(StoreCredentialsTest, SessionsAreDeletedOneOrAllOfAUser) {
  ASSERT_TRUE(store_->CreateSession(MakeSession("a1", ann_, 0, 100)).ok());
  ASSERT_TRUE(store_->CreateSession(MakeSession("a2", ann_, 0, 100)).ok());
  ASSERT_TRUE(store_->CreateSession(MakeSession("b1", bob_, 0, 100)).ok());
  ASSERT_TRUE(store_->DeleteSession("a1").ok());
  ASSERT_TRUE(store_->DeleteSession("a1").ok());  // logging out twice is fine
  EXPECT_FALSE(store_->FindSession("a1", 50, 0).ok());
  EXPECT_TRUE(store_->FindSession("a2", 50, 0).ok());
  ASSERT_TRUE(store_->DeleteSessionsOf(ann_).ok());
  EXPECT_FALSE(store_->FindSession("a2", 50, 0).ok());
  EXPECT_TRUE(store_->FindSession("b1", 50, 0).ok());
}

TEST_F(StoreCredentialsTest, CreatingASessionErrorsAndPurgesTheUsersExpiredOnes) {
  ASSERT_TRUE(store_->CreateSession(MakeSession("old", ann_, 0, 100)).ok());
  ASSERT_TRUE(store_->CreateSession(MakeSession("bobs", bob_, 0, 100)).ok());
  Status duplicate = store_->CreateSession(MakeSession("old", ann_, 0, 100));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  Status no_user = store_->CreateSession(MakeSession("x", 9999, 0, 100));
  ASSERT_FALSE(no_user.ok());
  EXPECT_EQ(no_user.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(no_user.error().message, "user 9999 not found");

  // A login at 200 removes ann's session that died at 100, and nobody else's.
  ASSERT_TRUE(store_->CreateSession(MakeSession("new", ann_, 200, 300)).ok());
  EXPECT_FALSE(store_->FindSession("old", 50, 0).ok());
  EXPECT_TRUE(store_->FindSession("bobs", 50, 0).ok());
  EXPECT_TRUE(store_->FindSession("new", 250, 0).ok());
}

TEST_F(StoreCredentialsTest, SessionsSurviveReopening) {
  ASSERT_TRUE(store_->CreateSession(MakeSession("h", ann_, 0, 100)).ok());
  Reopen();
  EXPECT_TRUE(store_->FindSession("h", 50, 0).ok());
}

TEST_F(StoreCredentialsTest, CreateTokenStampsItAndFindsItByHash) {
  clock_.Set(10'000);
  Result<ApiToken> created = store_->CreateToken(MakeToken(ann_, "ci", "hash-1"));
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->created_at_ms, 10'000);
  EXPECT_FALSE(created->last_used_at_ms.has_value());
  EXPECT_FALSE(created->revoked);

  clock_.Set(20'000);
  Result<TokenCaller> found = store_->FindTokenByHash("hash-1", 0);
  ASSERT_TRUE(found.ok()) << found.error().ToString();
  EXPECT_EQ(found->token.id, created->id);
  EXPECT_EQ(found->token.user_id, ann_);
  EXPECT_EQ(found->token.name, "ci");
  EXPECT_EQ(found->token.token_hash, "hash-1");
  EXPECT_EQ(found->token.prefix, "qrm_ab12");
  EXPECT_EQ(found->token.created_at_ms, 10'000);
  EXPECT_EQ(found->token.last_used_at_ms, 20'000);
  EXPECT_EQ(found->user.id, ann_);
  EXPECT_EQ(found->user.name, "Name of ann@example.com");
  EXPECT_FALSE(found->role.has_value());
  EXPECT_EQ(store_->FindTokenByHash("hash-2", 0).error().code, ErrorCode::kNotFound);
}

TEST_F(StoreCredentialsTest, TokenUseIsRecordedAtMostOnceAMinute) {
  clock_.Set(100'000);
  Result<ApiToken> created = store_->CreateToken(MakeToken(ann_, "ci", "h"));
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(store_->FindTokenByHash("h", 0).ok());
  auto last_used = [&] { return (*store_->ListTokens(ann_))[0].last_used_at_ms; };
  EXPECT_EQ(last_used(), 100'000);
  clock_.Set(159'999);
  EXPECT_EQ(store_->FindTokenByHash("h", 0)->token.last_used_at_ms, 100'000);
  EXPECT_EQ(last_used(), 100'000);
  clock_.Set(160'000);
  EXPECT_EQ(store_->FindTokenByHash("h", 0)->token.last_used_at_ms, 160'000);
  EXPECT_EQ(last_used(), 160'000);
}

TEST_F(StoreCredentialsTest, CreateTokenErrors) {
  ASSERT_TRUE(store_->CreateToken(MakeToken(ann_, "one", "same")).ok());
  Result<ApiToken> duplicate = store_->CreateToken(MakeToken(bob_, "two", "same"));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  Result<ApiToken> no_user = store_->CreateToken(MakeToken(9999, "three", "other"));
  ASSERT_FALSE(no_user.ok());
  EXPECT_EQ(no_user.error().code, ErrorCode::kNotFound);
}

TEST_F(StoreCredentialsTest, ListTokensOfAUserRevokedOnesToo) {
  Result<ApiToken> first = store_->CreateToken(MakeToken(ann_, "first", "h1"));
  Result<ApiToken> bobs = store_->CreateToken(MakeToken(bob_, "bobs", "h2"));
  Result<ApiToken> second = store_->CreateToken(MakeToken(ann_, "second", "h3"));
  ASSERT_TRUE(first.ok() && bobs.ok() && second.ok());
  ASSERT_TRUE(store_->RevokeToken(first->id, ann_).ok());
  Result<std::vector<ApiToken>> tokens = store_->ListTokens(ann_);
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].name, "first");
  EXPECT_TRUE((*tokens)[0].revoked);
  EXPECT_EQ((*tokens)[1].name, "second");
  EXPECT_FALSE((*tokens)[1].revoked);
  EXPECT_TRUE(store_->ListTokens(9999)->empty());
}

TEST_F(StoreCredentialsTest, ARevokedTokenIsNotFoundAndOnlyItsOwnerMayRevokeIt) {
  Result<ApiToken> token = store_->CreateToken(MakeToken(ann_, "ci", "h"));
  ASSERT_TRUE(token.ok());
  Status by_bob = store_->RevokeToken(token->id, bob_);
  ASSERT_FALSE(by_bob.ok());
  EXPECT_EQ(by_bob.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->FindTokenByHash("h", 0).ok());
  EXPECT_EQ(store_->RevokeToken(token->id + 100, ann_).error().code, ErrorCode::kNotFound);

  ASSERT_TRUE(store_->RevokeToken(token->id, ann_).ok());
  Result<TokenCaller> revoked = store_->FindTokenByHash("h", 0);
  ASSERT_FALSE(revoked.ok());
  EXPECT_EQ(revoked.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->RevokeToken(token->id, ann_).ok());  // revoking twice is fine
  Reopen();
  EXPECT_FALSE(store_->FindTokenByHash("h", 0).ok());
}

// Authentication reads the credential, its user and the user's role in the workspace a request
// is about in one query: the role of that workspace only, and none for a non-member.
TEST_F(StoreCredentialsTest, CredentialsComeWithTheRoleInTheWorkspaceAskedAbout) {
  int64_t ours = NewWorkspace("ours");
  int64_t theirs = NewWorkspace("theirs");
  ASSERT_TRUE(store_->SetMembership({ours, ann_, Role::kReviewer}).ok());
  ASSERT_TRUE(store_->SetMembership({theirs, bob_, Role::kOwner}).ok());
  ASSERT_TRUE(store_->CreateToken(MakeToken(ann_, "ci", "h")).ok());
  ASSERT_TRUE(store_->CreateSession(MakeSession("s", ann_, 0, 100)).ok());

  Result<TokenCaller> in_ours = store_->FindTokenByHash("h", ours);
  ASSERT_TRUE(in_ours.ok()) << in_ours.error().ToString();
  EXPECT_EQ(in_ours->user.id, ann_);
  EXPECT_EQ(in_ours->role, Role::kReviewer);
  Result<TokenCaller> in_theirs = store_->FindTokenByHash("h", theirs);
  ASSERT_TRUE(in_theirs.ok());
  EXPECT_FALSE(in_theirs->role.has_value());
  EXPECT_FALSE(store_->FindTokenByHash("h", 9999)->role.has_value());

  Result<SessionCaller> session = store_->FindSession("s", 50, ours);
  ASSERT_TRUE(session.ok()) << session.error().ToString();
  EXPECT_EQ(session->user.email, "ann@example.com");
  EXPECT_EQ(session->role, Role::kReviewer);
  EXPECT_FALSE(store_->FindSession("s", 50, theirs)->role.has_value());

  ASSERT_TRUE(store_->SetMembership({ours, ann_, Role::kManager}).ok());
  EXPECT_EQ(store_->FindTokenByHash("h", ours)->role, Role::kManager);
}

}  // namespace
}  // namespace quorum
