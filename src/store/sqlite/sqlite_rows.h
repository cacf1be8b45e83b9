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
#include "store/store.h"

namespace quorum::sqlite {

// Parses a stored JSON text. kInternal naming `what` when it does not parse: the store only
// ever writes valid JSON, so a bad value means corruption or a bug, not bad input.
Result<nlohmann::json> ParseStoredJson(std::string_view text, std::string_view what);
// Parses a stored status or role name; kInternal naming `what` for an unknown one.
Result<ResponseStatus> ParseStoredStatus(std::string_view text, std::string_view what);
Result<Role> ParseStoredRole(std::string_view text, std::string_view what);

// ASCII lower-case: how emails are stored and looked up.
std::string LowerCaseEmail(std::string_view email);

Workspace ReadWorkspace(const Query& row);
Result<User> ReadUser(const Query& row);
Result<Membership> ReadMembership(const Query& row);
Result<Record> ReadRecord(const Query& row);
Result<Suggestion> ReadSuggestion(const Query& row);
Result<Response> ReadResponse(const Query& row);
Result<Revision> ReadRevision(const Query& row);
Session ReadSession(const Query& row);
ApiToken ReadApiToken(const Query& row);

}  // namespace quorum::sqlite
