// Test-only helpers for the PostgreSQL backend's own tests: they need a server, so each test
// skips (saying why) unless QUORUM_TEST_POSTGRES names one (scripts/pg_cluster starts one).
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum::postgres::testing {

// A fresh, empty schema on the test server, as a URL (store/test_database.h).
inline std::string FreshSchemaUrl() {
  quorum::testing::TempDir unused;
  return quorum::testing::FreshDatabaseUrl(unused);
}

#define QUORUM_REQUIRE_POSTGRES()                                                              \
  do {                                                                                         \
    if (!quorum::testing::OnPostgres())                                                        \
      GTEST_SKIP() << "needs a PostgreSQL server: set QUORUM_TEST_POSTGRES (scripts/pg_cluster)"; \
  } while (false)

}  // namespace quorum::postgres::testing
