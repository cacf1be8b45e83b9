// Failed logins through the Store interface: what the login rate limit of every server on one
// database reads (src/http/login_limiter.h).
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreLoginFailuresTest : public StoreTest {};

TEST_F(StoreLoginFailuresTest, RecentFailuresAreNewestFirstPerAccountAndAddressWithinTheLimit) {
  ASSERT_TRUE(store_->RecordLoginFailure("ann@x.org", "10.0.0.1", 1000, 0).ok());
  ASSERT_TRUE(store_->RecordLoginFailure("ann@x.org", "10.0.0.2", 2000, 0).ok());
  ASSERT_TRUE(store_->RecordLoginFailure("bob@x.org", "10.0.0.1", 3000, 0).ok());
  ASSERT_TRUE(store_->RecordLoginFailure("ann@x.org", "10.0.0.1", 4000, 0).ok());

  Result<Store::LoginFailureTimes> times = store_->RecentLoginFailures("ann@x.org", "10.0.0.1", 0, 10, 10);
  ASSERT_TRUE(times.ok()) << times.error().ToString();
  EXPECT_EQ(times->account, (std::vector<int64_t>{4000, 2000, 1000}));
  EXPECT_EQ(times->address, (std::vector<int64_t>{4000, 3000, 1000}));

  times = store_->RecentLoginFailures("ann@x.org", "10.0.0.1", 1000, 2, 1);  // after 1000, limited
  ASSERT_TRUE(times.ok());
  EXPECT_EQ(times->account, (std::vector<int64_t>{4000, 2000}));
  EXPECT_EQ(times->address, (std::vector<int64_t>{4000}));
}

TEST_F(StoreLoginFailuresTest, ClearingForgetsOneAccountAndOldFailuresAreForgotten) {
  ASSERT_TRUE(store_->RecordLoginFailure("ann@x.org", "10.0.0.1", 1000, 0).ok());
  ASSERT_TRUE(store_->RecordLoginFailure("bob@x.org", "10.0.0.1", 2000, 0).ok());
  ASSERT_TRUE(store_->ClearLoginFailures("ann@x.org").ok());
  Result<Store::LoginFailureTimes> times = store_->RecentLoginFailures("ann@x.org", "10.0.0.1", 0, 10, 10);
  ASSERT_TRUE(times.ok());
  EXPECT_TRUE(times->account.empty());
  EXPECT_EQ(times->address, (std::vector<int64_t>{2000}));  // bob's failure from that address stays

  // A failure recorded later forgets those at or before its forget_before_ms, whatever the query.
  ASSERT_TRUE(store_->RecordLoginFailure("bob@x.org", "10.0.0.9", 9000, 2000).ok());
  times = store_->RecentLoginFailures("bob@x.org", "10.0.0.1", 0, 10, 10);
  ASSERT_TRUE(times.ok());
  EXPECT_EQ(times->account, (std::vector<int64_t>{9000}));
  EXPECT_TRUE(times->address.empty());
}

TEST_F(StoreLoginFailuresTest, FailuresOutliveReopening) {
  ASSERT_TRUE(store_->RecordLoginFailure("ann@x.org", "10.0.0.1", 1000, 0).ok());
  Reopen();
  Result<Store::LoginFailureTimes> times = store_->RecentLoginFailures("ann@x.org", "10.0.0.1", 0, 10, 10);
  ASSERT_TRUE(times.ok());
  EXPECT_EQ(times->account, (std::vector<int64_t>{1000}));
}

}  // namespace
}  // namespace quorum
