// The PostgreSQL migrations: applied once at open, safe when servers start at once, refused
// for a database newer than the binary.
#include "store/postgres/pg_migrations.h"

#include <thread>
#include <vector>

#include "store/open_store.h"
#include "store/postgres/pg_test_support.h"
#include "store/postgres/pg_url.h"

namespace quorum::postgres {
namespace {

TEST(PgMigrationsTest, ServersOpeningAFreshDatabaseAtOnceAllSucceedAndApplyEachMigrationOnce) {
  QUORUM_REQUIRE_POSTGRES();
  const std::string url = testing::FreshSchemaUrl();
  quorum::testing::FakeClock clock;
  constexpr int kServers = 4;
  std::vector<Status> opened(kServers, OkStatus());
  std::vector<std::thread> threads;
  for (int server = 0; server < kServers; ++server)
    threads.emplace_back([&, server] {
      Result<std::unique_ptr<Store>> store = OpenStore(url, clock);
      opened[server] = store.ok() ? OkStatus() : Status(store.error());
      if (store.ok()) {
        EXPECT_TRUE((*store)->CreateWorkspace("from server " + std::to_string(server)).ok());
      }
    });
  for (std::thread& thread : threads) thread.join();
  for (const Status& status : opened) EXPECT_TRUE(status.ok()) << status.error().ToString();

  Result<std::unique_ptr<PgConnection>> connection = PgConnection::Open(ParsePgUrl(url).value().conninfo);
  ASSERT_TRUE(connection.ok());
  Result<PgResult> versions = (*connection)->Exec("SELECT version FROM schema_version ORDER BY version");
  ASSERT_TRUE(versions.ok()) << versions.error().ToString();
  ASSERT_EQ(versions->rows(), static_cast<int>(PgMigrations().size()));
  for (int row = 0; row < versions->rows(); ++row) EXPECT_EQ(versions->Int(row, 0), PgMigrations()[row].version);
  Result<PgResult> workspaces = (*connection)->Exec("SELECT count(*) FROM workspaces");
  ASSERT_TRUE(workspaces.ok());
  EXPECT_EQ(workspaces->Int(0, 0), kServers);
}

TEST(PgMigrationsTest, ADatabaseNewerThanTheBinaryIsRefused) {
  QUORUM_REQUIRE_POSTGRES();
  const std::string url = testing::FreshSchemaUrl();
  quorum::testing::FakeClock clock;
  ASSERT_TRUE(OpenStore(url, clock).ok());
  Result<std::unique_ptr<PgConnection>> connection = PgConnection::Open(ParsePgUrl(url).value().conninfo);
  ASSERT_TRUE(connection.ok());
  ASSERT_TRUE((*connection)->Run("INSERT INTO schema_version (version, applied_at) VALUES (999, 0)").ok());
  Result<std::unique_ptr<Store>> refused = OpenStore(url, clock);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kIo);
  EXPECT_NE(refused.error().message.find("schema version 999, newer than this binary"), std::string::npos)
      << refused.error().message;
  Result<int> version = PostgresSchemaVersion(**connection);
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 999);
}

}  // namespace
}  // namespace quorum::postgres
