// Reading a whole (small) JSON document from a file, for schemas and settings.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace quorum {

// Parses the file at `path`. kIo when it cannot be read; kInvalid with "PATH:LINE:COLUMN" and
// the parser's reason when it is not JSON.
Result<nlohmann::json> ReadJsonFile(const std::string& path);

// A list read from a file: a JSON array, or JSON Lines (one value per non-empty line).
struct JsonList {
  nlohmann::json items = nlohmann::json::array();
  std::vector<int> lines;  // JSON Lines: the line of each item; empty for an array
  // Where item `index` is, for messages: "PATH:LINE" or "PATH:[INDEX]".
  std::string Where(const std::string& path, size_t index) const;
};

// Reads the file at `path` as a JSON array when it starts with '[', else as JSON Lines. kIo when
// it cannot be read; kInvalid naming the line (or the position) of the first bad JSON.
Result<JsonList> ReadJsonList(const std::string& path);

// Parses `text` given on the command line as `what` (e.g. "--set"). kInvalid on bad JSON.
Result<nlohmann::json> ParseJsonArgument(const std::string& text, const std::string& what);

}  // namespace quorum
