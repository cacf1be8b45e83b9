// Reading one Label Studio task into an import row (the importer's kLabelStudio format).
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "io/import_row.h"
#include "schema/label_config.h"

namespace quorum {

// Maps one task (an element of a Label Studio export or a hand-written task list) into an
// ImportRow:
//   data           -> fields and metadata (labelstudio_data.h); a task without "data" is all data
//   id             -> the external id
//   annotations    -> responses: submitted, or discarded when was_cancelled (or the legacy
//                     "skipped"); result -> values, lead_time (s) -> time_spent_ms,
//                     completed_by -> the user (labelstudio_users.h), created_at, updated_at
//   ground_truth   -> the record's gold (the first such annotation with answers)
//   drafts         -> draft responses (user or completed_by names the author)
//   predictions    -> one suggestion per answered question: agent = model_version, score
//   meta           -> the metadata key "meta"
//   created_at     -> the record's creation time
// Keys Label Studio derives (inner_id, total_annotations, updated_at, project, ...) are ignored.
// Shape problems are appended to `problems` located at `location`, their subject the JSON path
// ("annotations[0].result[2]"); validating the row against the schema is the importer's job.
// `task` is consumed.
ImportRow MapLabelStudioTask(const LabelConfig& config, nlohmann::json&& task, std::string_view location,
                             std::vector<Problem>& problems);

}  // namespace quorum
