// Appending JSON text pieces to a string, for writers that stream rows without building a
// document first.
#pragma once

#include <string>
#include <string_view>

namespace quorum {

// Appends `text` as a quoted JSON string, escaping quotes, backslashes and control characters.
// `text` must be UTF-8 (bytes >= 0x80 are copied as they are).
void AppendJsonString(std::string& out, std::string_view text);

// Appends `number` the way nlohmann::json writes it (shortest text that reads back the same;
// integral values without a fraction). Non-finite numbers are written as null.
void AppendJsonNumber(std::string& out, double number);

}  // namespace quorum
