// SqliteStore: failed logins, counted in the database so that several servers on one database
// enforce one login rate limit (src/http/login_limiter.h decides the limits).
#include <string>
#include <vector>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

Result<std::vector<int64_t>> Times(Connection& connection, const char* sql, std::string_view key, int64_t after_ms,
                                   int limit) {
  QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(sql));
  query.BindText(key).BindInt(after_ms).BindInt(limit);
  std::vector<int64_t> times;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return times;
    times.push_back(query.Int(0));
  }
}

}  // namespace

Status SqliteStore::RecordLoginFailure(std::string_view account, std::string_view address, int64_t at_ms,
                                       int64_t forget_before_ms) {
  return Write([&](Connection& connection) -> Status {
    {
      // Keeps the table to the window without a sweeper (the `at` index makes this a seek).
      QUORUM_ASSIGN_OR_RETURN(Query forget, connection.Use(kForgetLoginFailures));
      QUORUM_RETURN_IF_ERROR(forget.BindInt(forget_before_ms).Run());
    }
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertLoginFailure));
    return insert.BindText(account).BindText(address).BindInt(at_ms).Run();
  });
}

Result<Store::LoginFailureTimes> SqliteStore::RecentLoginFailures(std::string_view account, std::string_view address,
                                                                  int64_t after_ms, int account_limit,
                                                                  int address_limit) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  LoginFailureTimes times;
  QUORUM_ASSIGN_OR_RETURN(times.account, Times(reading.connection(), kRecentLoginFailuresOfAccount, account,
                                               after_ms, account_limit));
  QUORUM_ASSIGN_OR_RETURN(times.address, Times(reading.connection(), kRecentLoginFailuresFromAddress, address,
                                               after_ms, address_limit));
  return times;
}

Status SqliteStore::ClearLoginFailures(std::string_view account) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query clear, connection.Use(kClearLoginFailuresOf));
    return clear.BindText(account).Run();
  });
}

}  // namespace quorum::sqlite
