// Reading a whole (small) JSON document from a file, for schemas and settings.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace quorum {

// Parses the file at `path`. kIo when it cannot be read; kInvalid with "PATH:LINE:COLUMN" and
// the parser's reason when it is not JSON.
Result<nlohmann::json> ReadJsonFile(const std::string& path);

// Parses `text` given on the command line as `what` (e.g. "--set"). kInvalid on bad JSON.
Result<nlohmann::json> ParseJsonArgument(const std::string& text, const std::string& what);

}  // namespace quorum
