#include "io/import_format.h"

#include <algorithm>
#include <cctype>

namespace quorum {

const char* ImportFormatName(ImportFormat format) {
  switch (format) {
    case ImportFormat::kJsonl: return "jsonl";
    case ImportFormat::kJson: return "json";
    case ImportFormat::kCsv: return "csv";
    case ImportFormat::kLabelStudio: return "labelstudio";
  }
  return "jsonl";
}

std::optional<ImportFormat> ParseImportFormat(std::string_view name) {
  if (name == "jsonl" || name == "ndjson") return ImportFormat::kJsonl;
  if (name == "json") return ImportFormat::kJson;
  if (name == "csv") return ImportFormat::kCsv;
  if (name == "labelstudio" || name == "label-studio") return ImportFormat::kLabelStudio;
  return std::nullopt;
}

Result<ImportFormat> DetectImportFormat(const std::string& path) {
  const std::size_t dot = path.find_last_of('.');
  const std::size_t slash = path.find_last_of('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string extension = path.substr(dot + 1);
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (auto format = ParseImportFormat(extension)) return *format;
  }
  return MakeError(ErrorCode::kInvalid, "cannot tell the format of '" + path +
                                            "' from its extension (.jsonl, .ndjson, .json, .csv); pass --format");
}

}  // namespace quorum
