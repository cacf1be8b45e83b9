// Reading back values a store wrote (JSON texts, status and role names), the one spelling of
// emails, and the order records are checked and locked in, shared by the SQLite and PostgreSQL
// backends. Private to src/store.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/response.h"
#include "core/review.h"
#include "core/result.h"
#include "core/record.h"
#include "core/workspace.h"

namespace quorum {

// Parses a stored JSON text. kInternal naming `what` when it does not parse: the store only
// ever writes valid JSON, so a bad value means corruption or a bug, not bad input.
Result<nlohmann::json> ParseStoredJson(std::string_view text, std::string_view what);
// Parses a stored status or role name; kInternal naming `what` for an unknown one.
Result<ResponseStatus> ParseStoredStatus(std::string_view text, std::string_view what);
Result<Role> ParseStoredRole(std::string_view text, std::string_view what);
// Parses the stored verdict of response `response_id`'s review; kInternal for an unknown one.
// The message is made only on failure (scans call this once per reviewed response).
Result<ReviewVerdict> ParseStoredVerdict(std::string_view text, int64_t response_id);

// ASCII lower-case: how emails are stored and looked up.
std::string LowerCaseEmail(std::string_view email);

// The records that `suggestions` name, each once, ascending: the order in which both stores
// check them and PostgreSQL locks them (one order for every caller, so no two wait for each
// other).
std::vector<int64_t> DistinctRecordIds(std::span<const Suggestion> suggestions);

}  // namespace quorum
