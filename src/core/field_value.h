// Checking one record field's value against its kind (internal to src/core; the public entry
// point is ValidateRecordFields in validation.h).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/schema.h"

namespace quorum {

// The reasons `value` (present and not null) is not a valid value of a `kind` field; empty
// when it is. E.g. "expected a string, got number", "message 1: role is empty".
std::vector<std::string> CheckFieldValue(FieldKind kind, const nlohmann::json& value);

}  // namespace quorum
