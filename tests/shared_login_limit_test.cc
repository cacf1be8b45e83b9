// The login rate limit holds across servers: two routers, each with its own store connection
// as two `quorum serve` processes have, on one database (FreshTestDatabase: a SQLite file, or a
// PostgreSQL schema in the PostgreSQL pass). Failures spread over both count toward one limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth/password.h"
#include "http/api_routes.h"
#include "http/router.h"
#include "store/fresh_test_store.h"
#include "store/store_test_support.h"

namespace quorum::testing {
namespace {

class SharedLoginLimitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::string> url = FreshTestDatabase(dir_.path(), "shared.db");
    ASSERT_TRUE(url.ok()) << url.error().ToString();
    for (int server = 0; server < 2; ++server) {
      Result<std::unique_ptr<Store>> opened = OpenStore(*url, clock_);
      ASSERT_TRUE(opened.ok()) << opened.error().ToString();
      stores_.push_back(std::move(opened).value());
      routers_.push_back(std::make_unique<Router>(*stores_.back(), clock_, AllRoutes()));
    }
    User user;
    user.email = "ann@team.org";
    user.password_hash = HashPassword("correct-password").value();
    ASSERT_TRUE(stores_[0]->CreateUser(user).ok());
  }

  HttpResponse Login(int server, const std::string& password, const std::string& address) {
    HttpRequest request;
    request.method = "POST";
    request.path = "/api/v1/auth/login";
    request.body = nlohmann::json{{"email", "ann@team.org"}, {"password", password}}.dump();
    request.remote_address = address;
    request.request_id = "test";
    return routers_[server]->Handle(request);
  }

  TempDir dir_;
  FakeClock clock_;
  std::vector<std::unique_ptr<Store>> stores_;
  std::vector<std::unique_ptr<Router>> routers_;
};

TEST_F(SharedLoginLimitTest, FailuresOnEitherServerCountTowardOneLimit) {
  // Ten failures, alternating servers and addresses: each server saw only five.
  for (int attempt = 0; attempt < 10; ++attempt)
    EXPECT_EQ(Login(attempt % 2, "guess", "10.0.0." + std::to_string(attempt)).status, 401) << attempt;
  for (int server = 0; server < 2; ++server) {
    HttpResponse limited = Login(server, "correct-password", "10.0.1.1");
    EXPECT_EQ(limited.status, 429) << "server " << server;
  }
  clock_.Advance(16 * 60 * 1000);  // the window passes
  EXPECT_EQ(Login(1, "correct-password", "10.0.1.1").status, 200);
  // A success clears the account's failures on every server.
  for (int attempt = 0; attempt < 9; ++attempt) EXPECT_EQ(Login(0, "guess", "10.0.2.1").status, 401);
  EXPECT_EQ(Login(1, "correct-password", "10.0.2.2").status, 200);
  EXPECT_EQ(Login(0, "guess", "10.0.2.1").status, 401);  // one failure since: far from the limit
}

TEST_F(SharedLoginLimitTest, AnAddressIsLimitedAcrossServersAndAccounts) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    const std::string email = "nobody" + std::to_string(attempt) + "@team.org";  // no such account
    HttpRequest request;
    request.method = "POST";
    request.path = "/api/v1/auth/login";
    request.body = nlohmann::json{{"email", email}, {"password", "guess"}}.dump();
    request.remote_address = "10.9.9.9";
    request.request_id = "test";
    EXPECT_EQ(routers_[attempt % 2]->Handle(request).status, 401) << attempt;
  }
  EXPECT_EQ(Login(0, "correct-password", "10.9.9.9").status, 429);
  EXPECT_EQ(Login(1, "correct-password", "10.9.9.9").status, 429);
  EXPECT_EQ(Login(1, "correct-password", "10.9.9.10").status, 200);  // another address is not
}

}  // namespace
}  // namespace quorum::testing
