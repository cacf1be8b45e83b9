// The file formats records are imported from.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace quorum {

enum class ImportFormat {
  kJsonl,  // JSON Lines: one object per line
  kJson,   // a JSON array of objects (or one object)
  kCsv,    // RFC 4180 with a header row
  kLabelStudio,  // Label Studio task JSON: a list of tasks (or one task), read through the
                 // project's label config (io/labelstudio_task_reader.h)
};

// "jsonl", "json", "csv", "labelstudio"; ParseImportFormat also takes "ndjson" and
// "label-studio". nullopt for anything else.
const char* ImportFormatName(ImportFormat format);
std::optional<ImportFormat> ParseImportFormat(std::string_view name);

// The format named by the file's extension (.jsonl/.ndjson, .json, .csv); kInvalid naming the
// file and the accepted extensions otherwise.
Result<ImportFormat> DetectImportFormat(const std::string& path);

}  // namespace quorum
