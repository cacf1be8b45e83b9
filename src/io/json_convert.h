// Turning simdjson's parsed values into nlohmann::json documents.
#pragma once

#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace quorum {

// A deep copy of `element`. Integers stay integers (signed, or unsigned past INT64_MAX),
// other numbers become doubles. Never fails: the element was already parsed.
nlohmann::json ToNlohmann(simdjson::dom::element element);

}  // namespace quorum
