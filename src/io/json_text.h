// Appending JSON text pieces to a string, for writers that stream rows without building a
// document first.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace quorum {

// Appends `text` as a quoted JSON string, escaping quotes, backslashes and control characters.
// `text` must be UTF-8 (bytes >= 0x80 are copied as they are).
void AppendJsonString(std::string& out, std::string_view text);

// Appends `number` the way nlohmann::json writes it (the shortest text that reads back the
// same, e.g. 0.75, 2.0). Non-finite numbers are written as null.
void AppendJsonNumber(std::string& out, double number);

// Appends `value` as compact JSON: object keys in nlohmann's (sorted) order, no spaces. Strings
// must be valid UTF-8 (the importer's parsers guarantee it). Much faster than
// nlohmann::json::dump for long strings, which dominate records.
void AppendJson(std::string& out, const nlohmann::json& value);

}  // namespace quorum
