#include "store/test_database.h"

#include <libpq-fe.h>

#include <gtest/gtest.h>

namespace quorum {
namespace {

TEST(TestDatabase, IsAFileInTheDirectoryOnSqlite) {
  if (!TestPostgresServer().empty()) GTEST_SKIP() << "QUORUM_TEST_POSTGRES is set";
  auto url = FreshTestDatabase("/tmp/some-dir", "x.db");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(*url, "/tmp/some-dir/x.db");
}

TEST(TestDatabase, IsANewEmptySchemaOnPostgres) {
  if (TestPostgresServer().empty()) GTEST_SKIP() << "QUORUM_TEST_POSTGRES is not set";
  auto first = FreshTestDatabase("/unused");
  auto second = FreshTestDatabase("/unused");
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_NE(*first, *second);

  PGconn* connection = PQconnectdb(first->c_str());
  ASSERT_EQ(PQstatus(connection), CONNECTION_OK) << PQerrorMessage(connection);
  PGresult* result = PQexec(connection,
                            "SELECT current_schema(), (SELECT count(*) FROM information_schema.tables "
                            "WHERE table_schema = current_schema())");
  ASSERT_EQ(PQresultStatus(result), PGRES_TUPLES_OK) << PQerrorMessage(connection);
  EXPECT_EQ(first->substr(first->rfind("%3D") + 3), PQgetvalue(result, 0, 0));
  EXPECT_STREQ(PQgetvalue(result, 0, 1), "0");
  PQclear(result);
  PQfinish(connection);
}

}  // namespace
}  // namespace quorum
