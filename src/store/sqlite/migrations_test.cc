// Migrations: fresh databases, reopening, upgrades, failures, and databases from the future.
#include "store/sqlite/migrations.h"

#include <gtest/gtest.h>

#include "store/open_store.h"
#include "store/store_test_support.h"

namespace quorum::sqlite {
namespace {

using quorum::testing::FakeClock;
using quorum::testing::TempDir;

constexpr char kCountTables[] = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?";
constexpr char kCountVersions[] = "SELECT count(*), coalesce(max(applied_at), 0) FROM schema_version";

// A version 1 database as a user has it: three records, with 2, 1 (and a draft) and 0
// submitted responses.
constexpr char kVersion1Rows[] = R"sql(
INSERT INTO workspaces (id, name, created_at) VALUES (1, 'w', 0);
INSERT INTO users (id, email, name, password_hash, tier, specializations_json, created_at) VALUES
  (1, 'u1@example.com', '', '', 0, '[]', 0), (2, 'u2@example.com', '', '', 0, '[]', 0),
  (3, 'u3@example.com', '', '', 0, '[]', 0);
INSERT INTO projects (id, workspace_id, name, schema_json, guidelines, guideline_version, settings_json, created_at)
  VALUES (1, 1, 'p', '{}', '', 1, '{}', 0);
INSERT INTO records (id, project_id, external_id, fields_json, metadata_json, gold_json, priority, created_at) VALUES
  (1, 1, 'a', '{}', '{}', '{}', 0, 0), (2, 1, 'b', '{}', '{}', '{}', 0, 0), (3, 1, 'c', '{}', '{}', '{}', 0, 0);
INSERT INTO responses (record_id, user_id, values_json, status, time_spent_ms, guideline_version, created_at,
  updated_at) VALUES
  (1, 1, '{}', 'submitted', 0, 1, 0, 0), (1, 2, '{}', 'submitted', 0, 1, 0, 0),
  (2, 1, '{}', 'submitted', 0, 1, 0, 0), (2, 2, '{}', 'draft', 0, 1, 0, 0);
)sql";
constexpr char kDeleteUser3[] = "DELETE FROM users WHERE id = 3";

class MigrationsTest : public ::testing::Test {
 protected:
  std::unique_ptr<Connection> Open() {
    Result<std::unique_ptr<Connection>> connection = Connection::Open(path_);
    EXPECT_TRUE(connection.ok()) << connection.error().ToString();
    return connection.ok() ? std::move(connection).value() : nullptr;
  }

  static bool HasTable(Connection& connection, std::string_view name) {
    Result<Query> query = connection.Use(kCountTables);
    query->BindText(name);
    EXPECT_TRUE(*query->Step());
    return query->Int(0) == 1;
  }

  static int Version(Connection& connection) {
    Result<int> version = SchemaVersion(connection);
    EXPECT_TRUE(version.ok()) << version.error().ToString();
    return version.ok() ? *version : -1;
  }

  TempDir dir_;
  std::string path_ = dir_.File("migrations.db");
};

TEST_F(MigrationsTest, MigrationsAreNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const Migration& migration : Migrations()) EXPECT_EQ(migration.version, expected++);
  EXPECT_GT(expected, 1);
}

TEST_F(MigrationsTest, FreshDatabaseGetsEveryTableAndTheLatestVersion) {
  std::unique_ptr<Connection> connection = Open();
  EXPECT_EQ(Version(*connection), 0);
  ASSERT_TRUE(Migrate(*connection, Migrations(), 1234).ok());
  EXPECT_EQ(Version(*connection), Migrations().back().version);
  for (const char* table :
       {"workspaces", "users", "memberships", "projects", "records", "suggestions", "responses", "revisions"})
    EXPECT_TRUE(HasTable(*connection, table)) << table;
  Result<Query> versions = connection->Use(kCountVersions);
  ASSERT_TRUE(*versions->Step());
  EXPECT_EQ(versions->Int(0), static_cast<int64_t>(Migrations().size()));
  EXPECT_EQ(versions->Int(1), 1234);
}

TEST_F(MigrationsTest, ReopeningAppliesNothingTwice) {
  ASSERT_TRUE(Migrate(*Open(), Migrations(), 1).ok());
  std::unique_ptr<Connection> again = Open();
  ASSERT_TRUE(Migrate(*again, Migrations(), 2).ok());
  Result<Query> versions = again->Use(kCountVersions);
  ASSERT_TRUE(*versions->Step());
  EXPECT_EQ(versions->Int(0), static_cast<int64_t>(Migrations().size()));
  EXPECT_EQ(versions->Int(1), 1);  // still the first application's stamp
}

TEST_F(MigrationsTest, AVersion1DatabaseIsUpgradedWithItsData) {
  {
    std::unique_ptr<Connection> connection = Open();
    ASSERT_TRUE(Migrate(*connection, Migrations().first(1), 1).ok());
    Status filled = connection->Exec(kVersion1Rows);
    ASSERT_TRUE(filled.ok()) << filled.error().ToString();
  }
  FakeClock clock(5000);
  Result<std::unique_ptr<Store>> opened = OpenStore(path_, clock);
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  Store& store = **opened;
  EXPECT_EQ(Version(*Open()), Migrations().back().version);
  for (const char* table : {"sessions", "api_tokens", "record_progress", "reservations", "progress_counts",
                            "annotator_progress"})
    EXPECT_TRUE(HasTable(*Open(), table)) << table;

  EXPECT_EQ(store.GetRecord(2)->external_id, "b");
  EXPECT_EQ(store.ListResponses(1)->size(), 2u);
  // The counts of existing records and annotators were filled in.
  EXPECT_EQ(store.ProgressOf(1, 0, 2)->records, 3);
  EXPECT_EQ(store.ProgressOf(1, 0, 2)->complete, 1);
  EXPECT_EQ(store.ProgressOf(1, 0, 2)->started, 1);
  EXPECT_EQ(store.ProgressOf(1, 0, 3)->started, 2);
  EXPECT_EQ(store.ProgressOf(1, 1, 3)->mine_submitted, 2);
  EXPECT_EQ(store.ProgressOf(1, 2, 3)->mine_submitted, 1);
  // Existing responses count as hand-outs: nobody is given a record they answered.
  EXPECT_TRUE(*store.WasHandedOut(2, 2)) << "a draft too";
  auto next = [&](int64_t user_id, int overlap) -> int64_t {
    ReserveRequest request;
    request.project_id = 1;
    request.user_id = user_id;
    request.overlap = overlap;
    Result<std::optional<Reservation>> found = store.Reserve(request);
    EXPECT_TRUE(found.ok()) << found.error().ToString();
    return found.ok() && found->has_value() ? (*found)->record_id : 0;
  };
  EXPECT_EQ(next(3, 2), 2) << "record 1 is full";
  EXPECT_EQ(next(2, 3), 3);
  EXPECT_EQ(next(1, 3), 3) << "user 1 answered records 1 and 2; record 3 has a place left";
  EXPECT_EQ(next(3, 1), 2) << "user 3 still holds record 2";

  // The new tables work, and a user's sessions and tokens go with them.
  ASSERT_TRUE(store.CreateSession({"h", 3, "c", 0, 10'000}).ok());
  ApiToken token;
  token.user_id = 3;
  token.token_hash = "t";
  ASSERT_TRUE(store.CreateToken(token).ok());
  ASSERT_TRUE(Open()->Exec(kDeleteUser3).ok());
  EXPECT_EQ(store.FindSession("h", 0, 0).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store.FindTokenByHash("t", 0).error().code, ErrorCode::kNotFound);
}

TEST_F(MigrationsTest, UpgradeAppliesOnlyTheNewSteps) {
  static constexpr Migration kOld[] = {{1, "one", "CREATE TABLE first (x INTEGER)"}};
  static constexpr Migration kNew[] = {{1, "one", "CREATE TABLE first (x INTEGER)"},
                                       {2, "two", "CREATE TABLE second (y TEXT); CREATE INDEX second_y ON second (y)"}};
  std::unique_ptr<Connection> connection = Open();
  ASSERT_TRUE(Migrate(*connection, kOld, 1).ok());
  EXPECT_EQ(Version(*connection), 1);
  Status upgraded = Migrate(*connection, kNew, 2);  // would fail if step 1 ran again
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().ToString();
  EXPECT_EQ(Version(*connection), 2);
  EXPECT_TRUE(HasTable(*connection, "second"));
}

TEST_F(MigrationsTest, AFailingStepAppliesNothing) {
  static constexpr Migration kBroken[] = {{1, "one", "CREATE TABLE first (x INTEGER)"},
                                          {2, "broken", "CREATE TABLE second (y TEXT); CREATE TABLE oops ("}};
  std::unique_ptr<Connection> connection = Open();
  Status failed = Migrate(*connection, kBroken, 1);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("migration 2 (broken) failed"), std::string::npos) << failed.error().message;
  EXPECT_EQ(Version(*connection), 0);
  EXPECT_FALSE(HasTable(*connection, "first"));
  EXPECT_FALSE(HasTable(*connection, "second"));
  EXPECT_FALSE(connection->InTransaction());
}

TEST_F(MigrationsTest, ADatabaseFromANewerBinaryIsRefusedUntouched) {
  static constexpr Migration kFuture[] = {{1, "one", "SELECT 1"}, {2, "two", "SELECT 1"}, {99, "far", "SELECT 1"}};
  {
    std::unique_ptr<Connection> connection = Open();
    ASSERT_TRUE(Migrate(*connection, Migrations(), 1).ok());
    ASSERT_TRUE(Migrate(*connection, kFuture, 1).ok());
    EXPECT_EQ(Version(*connection), 99);
  }
  FakeClock clock;
  Result<std::unique_ptr<Store>> store = OpenStore(path_, clock);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kIo);
  EXPECT_NE(store.error().message.find("schema version 99, newer than this binary supports (" +
                                       std::to_string(Migrations().back().version) + ")"),
            std::string::npos)
      << store.error().message;
  EXPECT_NE(store.error().message.find(path_), std::string::npos);
  EXPECT_EQ(Version(*Open()), 99);
}

}  // namespace
}  // namespace quorum::sqlite
