// Reading domain objects from result rows. Each reader expects the column order documented
// beside the matching SELECT in pg_sql.h. Private to src/store/postgres.
#pragma once

#include "core/record.h"
#include "core/response.h"
#include "core/result.h"
#include "core/user.h"
#include "core/workspace.h"
#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace quorum::postgres {

Workspace ReadWorkspace(const PgResult& result, int row);
Result<User> ReadUser(const PgResult& result, int row);
// The user's columns, in kSelectUser's order, starting at column `first` (a joined row).
Result<User> ReadUserAt(const PgResult& result, int row, int first);
Result<Membership> ReadMembership(const PgResult& result, int row);
Result<Record> ReadRecord(const PgResult& result, int row);
Result<Suggestion> ReadSuggestion(const PgResult& result, int row);
Result<Response> ReadResponse(const PgResult& result, int row);
Result<Revision> ReadRevision(const PgResult& result, int row);
Session ReadSession(const PgResult& result, int row);
ApiToken ReadApiToken(const PgResult& result, int row);

// Every row of `result` read with `read` (one of the above), or the first error.
template <class T, class Reader>
Result<std::vector<T>> ReadAll(const PgResult& result, Reader read) {
  std::vector<T> items;
  items.reserve(static_cast<size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) {
    auto item = read(result, row);
    if constexpr (requires { item.ok(); }) {
      if (!item.ok()) return std::move(item).error();
      items.push_back(std::move(item).value());
    } else {
      items.push_back(std::move(item));
    }
  }
  return items;
}

}  // namespace quorum::postgres
