#include "auth/password.h"

#include <gtest/gtest.h>

#include <set>

namespace quorum {
namespace {

TEST(PasswordTest, HashVerifiesOnlyTheSamePassword) {
  Result<std::string> hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash.ok()) << hash.error().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$v=19$m=65536,t=3,p=1$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", *hash));
  EXPECT_FALSE(VerifyPassword("correct horse battery stapl", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
}

TEST(PasswordTest, SaltMakesEveryHashDifferent) {
  Result<std::string> first = HashPassword("same");
  Result<std::string> second = HashPassword("same");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
}

TEST(PasswordTest, MalformedHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("x", ""));
  EXPECT_FALSE(VerifyPassword("x", "$argon2id$garbage"));
  EXPECT_FALSE(VerifyPassword("x", "plaintext"));
}

TEST(PasswordTest, GeneratedPasswordsUseTheAlphabetAndDiffer) {
  std::set<std::string> seen;
  for (int round = 0; round < 50; ++round) {
    Result<std::string> password = GeneratePassword(20);
    ASSERT_TRUE(password.ok());
    ASSERT_EQ(password->size(), 20u);
    EXPECT_EQ(password->find_first_of("0O1lI"), std::string::npos) << *password;
    seen.insert(*password);
  }
  EXPECT_EQ(seen.size(), 50u);
}

}  // namespace
}  // namespace quorum
