// Label Studio exports of a project: JSON (the task list Label Studio exports and imports),
// JSON_MIN and CSV (one row per annotation), streamed over Store::ScanProject.
#pragma once

#include <optional>
#include <string_view>

#include "core/project.h"
#include "io/byte_sink.h"
#include "io/export_jsonl.h"
#include "store/store.h"

namespace quorum {

enum class LabelStudioExportFormat {
  kJson,     // a JSON array of tasks (labelstudio_task_writer.h)
  kJsonMin,  // a JSON array of flat rows (labelstudio_min_rows.h)
  kCsv,      // the same rows as CSV: sorted columns, strings quoted, CRLF line ends
};

// "labelstudio-json", "labelstudio-min", "labelstudio-csv" (also "JSON", "JSON_MIN", "CSV",
// Label Studio's own exportType names); nullopt for anything else.
std::optional<LabelStudioExportFormat> ParseLabelStudioExportFormat(std::string_view name);

struct LabelStudioExportOptions {
  LabelStudioExportFormat format = LabelStudioExportFormat::kJson;
  // kJson: also the tasks without an answered annotation (Label Studio's download_all_tasks).
  // By default, as in Label Studio, only annotated tasks are exported.
  bool all_tasks = false;
  // Task ids are always record ids (the REST API's task ids), not an integer external id.
  bool record_ids = false;
};

// Streams the project in the chosen format. The config is the project's (LabelConfigOf): a
// project made from a Label Studio config exports with its tag names. The report counts the
// tasks (kJson) or rows (kJsonMin, kCsv) written and the annotations in them. kCsv scans the
// project twice (the header names every column). Fails with the config's, the store's or the
// sink's error; what was written before a failure stays written.
Result<ExportReport> ExportLabelStudio(Store& store, const Project& project, const LabelStudioExportOptions& options,
                                       ByteSink& sink);

}  // namespace quorum
