// PgPool: connections are lent one caller at a time, a caller waits when all are lent, and a
// broken connection is replaced.
#include "store/postgres/pg_pool.h"

#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/postgres/pg_test_support.h"
#include "store/postgres/pg_url.h"

namespace quorum::postgres {
namespace {

TEST(PgPoolTest, ACallerWaitsWhileEveryConnectionIsLentAndGetsTheOneReturned) {
  QUORUM_REQUIRE_POSTGRES();
  PgPool pool(ParsePgUrl(testing::FreshSchemaUrl()).value().conninfo, /*size=*/1);
  Result<PgPool::Lease> first = pool.Acquire();
  ASSERT_TRUE(first.ok()) << first.error().ToString();
  const int first_backend = PQbackendPID((*first)->raw());

  std::atomic<bool> acquired{false};
  int second_backend = 0;
  std::thread waiter([&] {
    Result<PgPool::Lease> second = pool.Acquire();
    ASSERT_TRUE(second.ok());
    second_backend = PQbackendPID((*second)->raw());
    acquired = true;
  });
  // The waiter cannot get a connection while the only one is lent, however long it tries.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(acquired.load());
  { PgPool::Lease returned = std::move(first).value(); }  // back to the pool
  waiter.join();
  EXPECT_TRUE(acquired.load());
  // The same server process: the pool lent the returned connection, it did not open another.
  EXPECT_EQ(second_backend, first_backend);
}

TEST(PgPoolTest, ABrokenConnectionIsReplaced) {
  QUORUM_REQUIRE_POSTGRES();
  const std::string conninfo = ParsePgUrl(testing::FreshSchemaUrl()).value().conninfo;
  PgPool pool(conninfo, /*size=*/1);
  int broken_backend = 0;
  {
    Result<PgPool::Lease> lease = pool.Acquire();
    ASSERT_TRUE(lease.ok());
    broken_backend = PQbackendPID((*lease)->raw());
    // Another connection ends this one's server process, as a server restart would.
    Result<std::unique_ptr<PgConnection>> admin = PgConnection::Open(conninfo);
    ASSERT_TRUE(admin.ok());
    ASSERT_TRUE((*admin)->Exec("SELECT pg_terminate_backend($1::int)", Params().Int(broken_backend)).ok());
    Status failed = (*lease)->Run("SELECT 1");
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, ErrorCode::kIo) << failed.error().ToString();
  }
  Result<PgPool::Lease> fresh = pool.Acquire();
  ASSERT_TRUE(fresh.ok()) << fresh.error().ToString();
  EXPECT_NE(PQbackendPID((*fresh)->raw()), broken_backend);
  EXPECT_TRUE((*fresh)->Run("SELECT 1").ok());
}

TEST(PgPoolTest, AConnectionReturnedInsideATransactionIsRolledBack) {
  QUORUM_REQUIRE_POSTGRES();
  PgPool pool(ParsePgUrl(testing::FreshSchemaUrl()).value().conninfo, /*size=*/1);
  {
    Result<PgPool::Lease> lease = pool.Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->Run("BEGIN; CREATE TABLE left_open (x INTEGER)").ok());
  }
  Result<PgPool::Lease> lease = pool.Acquire();
  ASSERT_TRUE(lease.ok());
  EXPECT_FALSE((*lease)->InTransaction());
  Result<PgResult> table = (*lease)->Exec("SELECT to_regclass('left_open')");
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE(table->IsNull(0, 0));
}

}  // namespace
}  // namespace quorum::postgres
