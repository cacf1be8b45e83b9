// Reading domain objects from result rows. Each reader expects the column order documented
// beside the matching SELECT in sql.h. Private to src/store/sqlite.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/record.h"
#include "core/response.h"
#include "core/result.h"
#include "core/user.h"
#include "core/workspace.h"
#include "store/sqlite/sqlite_statement.h"
#include "store/stored_values.h"
#include "store/store.h"

namespace quorum::sqlite {

Workspace ReadWorkspace(const Query& row);
Result<User> ReadUser(const Query& row);
// The user's columns, in kSelectUser's order, starting at column `first` (a joined row).
Result<User> ReadUserAt(const Query& row, int first);
Result<Membership> ReadMembership(const Query& row);
Result<Record> ReadRecord(const Query& row);
Result<Suggestion> ReadSuggestion(const Query& row);
Result<Response> ReadResponse(const Query& row);
Result<Revision> ReadRevision(const Query& row);
Session ReadSession(const Query& row);
ApiToken ReadApiToken(const Query& row);

}  // namespace quorum::sqlite
