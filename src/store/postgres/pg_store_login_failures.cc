// PgStore: failed logins, counted in the database so that several servers on one database
// enforce one login rate limit (src/http/login_limiter.h decides the limits).
#include <string>
#include <vector>

#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"

namespace quorum::postgres {
namespace {

std::vector<int64_t> Times(const PgResult& result) {
  std::vector<int64_t> times;
  times.reserve(result.rows());
  for (int row = 0; row < result.rows(); ++row) times.push_back(result.Int(row, 0));
  return times;
}

}  // namespace

Status PgStore::RecordLoginFailure(std::string_view account, std::string_view address, int64_t at_ms,
                                   int64_t forget_before_ms) {
  return InTransaction([&](PgConnection& connection) -> Status {
    // Keeps the table to the window without a sweeper (the `at` index makes this a seek).
    QUORUM_RETURN_IF_ERROR(connection.Exec(kForgetLoginFailures, Params().Int(forget_before_ms)));
    QUORUM_RETURN_IF_ERROR(connection.Exec(kInsertLoginFailure, Params().Text(account).Text(address).Int(at_ms)));
    return OkStatus();
  });
}

Result<Store::LoginFailureTimes> PgStore::RecentLoginFailures(std::string_view account, std::string_view address,
                                                              int64_t after_ms, int account_limit, int address_limit) {
  LoginFailureTimes times;
  QUORUM_ASSIGN_OR_RETURN(PgResult of_account,
                          Exec(kRecentLoginFailuresOfAccount, Params().Text(account).Int(after_ms).Int(account_limit)));
  QUORUM_ASSIGN_OR_RETURN(PgResult from_address,
                          Exec(kRecentLoginFailuresFromAddress, Params().Text(address).Int(after_ms).Int(address_limit)));
  times.account = Times(of_account);
  times.address = Times(from_address);
  return times;
}

Status PgStore::ClearLoginFailures(std::string_view account) {
  QUORUM_RETURN_IF_ERROR(Exec(kClearLoginFailuresOf, Params().Text(account)));
  return OkStatus();
}

}  // namespace quorum::postgres
