// Reading postgres:// URLs: quorum's pool_size comes out, libpq's parameters stay, and the
// password never appears in what is shown. No server needed.
#include "store/postgres/pg_url.h"

#include <gtest/gtest.h>

namespace quorum::postgres {
namespace {

TEST(PgUrlTest, PoolSizeIsTakenOutAndTheRestKept) {
  struct Case {
    std::string url, conninfo;
    int pool_size;
  };
  const Case cases[] = {
      {"postgres://u@h:5432/db", "postgres://u@h:5432/db", 16},
      {"postgres://u@h/db?pool_size=3", "postgres://u@h/db", 3},
      {"postgres://u@h/db?sslmode=disable&pool_size=16&options=-csearch_path%3Dt_1",
       "postgres://u@h/db?sslmode=disable&options=-csearch_path%3Dt_1", 16},
      {"postgresql://h/db?options=x&pool_size=1", "postgresql://h/db?options=x", 1},
  };
  for (const Case& test : cases) {
    Result<PgUrl> parsed = ParsePgUrl(test.url);
    ASSERT_TRUE(parsed.ok()) << test.url;
    EXPECT_EQ(parsed->conninfo, test.conninfo) << test.url;
    EXPECT_EQ(parsed->pool_size, test.pool_size) << test.url;
  }
}

TEST(PgUrlTest, ABadPoolSizeIsRefusedWithoutThePassword) {
  for (const std::string size : {"0", "257", "x", "", "8x"}) {
    Result<PgUrl> parsed = ParsePgUrl("postgres://u:hunter2@h/db?pool_size=" + size);
    ASSERT_FALSE(parsed.ok()) << size;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalid);
    EXPECT_NE(parsed.error().message.find("pool_size must be a number from 1 to 256"), std::string::npos);
    EXPECT_EQ(parsed.error().message.find("hunter2"), std::string::npos) << parsed.error().message;
  }
}

TEST(PgUrlTest, RedactPasswordHidesItWhereverItIs) {
  EXPECT_EQ(RedactPassword("postgres://u:hunter2@h:5/db"), "postgres://u:***@h:5/db");
  EXPECT_EQ(RedactPassword("postgres://u@h/db?password=hunter2&x=1"), "postgres://u@h/db?password=***&x=1");
  EXPECT_EQ(RedactPassword("postgres://h/db"), "postgres://h/db");
  EXPECT_EQ(RedactPassword("postgres://u@h/db"), "postgres://u@h/db");
}

}  // namespace
}  // namespace quorum::postgres
