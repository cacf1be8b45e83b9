// The plan PostgreSQL runs for a hand-out (kChooseAndReserve under kHandOutSettings): its
// generic plan, which must test each candidate with a probe of the reservations' primary key
// and never be JIT-compiled (42 ms at every execution on a project of 100,000 records). Shapes,
// not timings. (The load test's database also once planned a sequential scan of every
// reservation; the OFFSET 0 in the queue's conditions rules that out, but this data does not
// reproduce the planner's choice, so only the probe is checked.)
#include <string>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_sql_distribution.h"
#include "store/postgres/pg_test_support.h"
#include "store/postgres/pg_url.h"

namespace quorum::postgres {
namespace {

class PgHandOutPlanTest : public quorum::testing::StoreTest {
 protected:
  void SetUp() override {
    QUORUM_REQUIRE_POSTGRES();
    StoreTest::SetUp();
  }
};

// EXPLAIN ANALYZE's lines for one hand-out to `user_id` (overlap 10, fifo), in a transaction
// rolled back after, as Reserve runs it: its settings first, then the prepared statement.
std::string ExplainHandOut(PgConnection& connection, int64_t project_id, int64_t user_id) {
  std::string plan;
  EXPECT_TRUE(connection.Run("BEGIN").ok());
  EXPECT_TRUE(connection.Exec(kHandOutSettings).ok());
  EXPECT_TRUE(connection.Run(std::string("PREPARE hand_out AS ") + kChooseAndReserve).ok());
  const std::string arguments = "'" + std::to_string(project_id) + "', '0', '[]', '" + std::to_string(user_id) +
                                "', '[]', '0', 'false', '0', '10', '0', '-Infinity', 'false', 'false', '0', "
                                "'9999999999999'";
  Result<PgResult> explained = connection.Query("EXPLAIN (ANALYZE, COSTS) EXECUTE hand_out(" + arguments + ")");
  EXPECT_TRUE(explained.ok()) << explained.error().ToString();
  if (explained.ok())
    for (int row = 0; row < explained->rows(); ++row) plan += std::string(explained->Text(row, 0)) + "\n";
  EXPECT_TRUE(connection.Run("ROLLBACK").ok());
  return plan;
}

TEST_F(PgHandOutPlanTest, TheGenericPlanProbesEachCandidateAndIsNotCompiled) {
  // The load test's project some way into its work: 100,000 records, and 200 annotators who
  // each had 50 of them, ten to a record (10,000 reservations).
  const int64_t project = NewProject(NewWorkspace());
  std::vector<int64_t> users;
  for (int i = 0; i < 200; ++i) users.push_back(NewUser("u" + std::to_string(i) + "@x.org"));
  std::unique_ptr<PgConnection> connection = PgConnection::Open(ParsePgUrl(path_).value().conninfo).value();
  ASSERT_TRUE(connection
                  ->Exec("INSERT INTO records (project_id, external_id, fields_json, metadata_json, gold_json, "
                         "priority, created_at) SELECT $1, 'r' || i, '{\"prompt\":\"p\"}', '{}', '{}', 0, 0 "
                         "FROM generate_series(1, 100000) AS i",
                         Params().Int(project))
                  .ok());
  ASSERT_TRUE(connection
                  ->Exec("INSERT INTO reservations (record_id, user_id, project_id, expires_at, live) "
                         "SELECT r.id, u.id, $1, 0, 0 FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k "
                         "FROM records WHERE project_id = $1 ORDER BY id LIMIT 1000) r CROSS JOIN generate_series(0, 9) "
                         "AS j JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE email LIKE "
                         "'u%@x.org') u ON u.n = (r.k * 10 + j) % 200",
                         Params().Int(project))
                  .ok());
  // Reservations not analyzed yet (autovacuum lags a busy table): the planner guesses.
  ASSERT_TRUE(connection->Run("ANALYZE records; ANALYZE record_progress").ok());

  const std::string plan = ExplainHandOut(*connection, project, users[0]);
  ASSERT_FALSE(plan.empty());
  EXPECT_NE(plan.find("= $1"), std::string::npos) << "the generic plan (parameters, not values):\n" << plan;
  EXPECT_EQ(plan.find("Seq Scan on reservations"), std::string::npos)
      << "a scan of every reservation at each hand-out:\n" << plan;
  EXPECT_NE(plan.find("reservations_pkey"), std::string::npos) << "one primary-key probe per candidate:\n" << plan;
  EXPECT_EQ(plan.find("JIT"), std::string::npos) << "compiled at each execution:\n" << plan;
}

}  // namespace
}  // namespace quorum::postgres
