// Label Studio's flat exports, JSON_MIN and CSV, as rows derived from a task. They mirror the
// label-studio-sdk converter of Label Studio 1.13 (converter.py convert_to_json_min,
// exports/csv2.py): one row per annotation that was not cancelled, newest first.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "schema/label_config.h"

namespace quorum {

// The JSON_MIN rows of `task` (as LabelStudioTaskJson writes it): the task data, "id" (the
// task's), one key per control that answered (its "prettified" value: a single choice or a
// single text as a string, a multiple choice as {"choices": [...]}, anything else as the list
// of its result values), and "annotator" (the completed_by id), "annotation_id",
// "created_at", "updated_at", "lead_time".
std::vector<nlohmann::json> LabelStudioMinRows(const LabelConfig& config, const nlohmann::json& task);

// The CSV cells of a JSON_MIN row, by column: strings as they are; data and answers that are
// objects or lists as JSON text written the way Python's json.dumps writes it (", " and ": ");
// numbers as numbers; "annotator" as text. Cells hold JSON values: strings are quoted on
// output, numbers are not (Python's csv.QUOTE_NONNUMERIC).
nlohmann::json LabelStudioCsvCells(const nlohmann::json& min_row);

// `value` as Python's json.dumps(value, ensure_ascii=False) writes it.
std::string PythonJsonDumps(const nlohmann::json& value);

}  // namespace quorum
