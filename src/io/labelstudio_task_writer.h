// Writing one record as a Label Studio task, in the export shape of Label Studio 1.13
// (docs/source/includes/task_format.md; label_studio/data_export/serializers.py).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "core/record.h"
#include "core/response.h"
#include "schema/label_config.h"

namespace quorum {

// A response with its author's email (completed_by is derived from it: labelstudio_users.h).
struct LabelStudioResponse {
  Response response;
  std::string user_email;
};

// The task of `record` (its `project_id` becomes "project"):
//   id           the external id when it is an integer, else the record id
//   data, meta   labelstudio_data.h
//   annotations  submitted responses that answer something, in id order, then the cancelled
//                ones (was_cancelled: true): discarded responses, and submitted responses that
//                answer nothing (a skip). So annotations[0]["result"] is never empty when the
//                task has any answer, and no submitted annotation has an empty result.
//   drafts       draft responses ({"id", "user", "result", "lead_time", ...})
//   predictions  the suggestions, grouped: consecutive suggestions of one agent and score, for
//                distinct questions, form one prediction (model_version = agent); its id is the
//                first suggestion's id
//   ground_truth true on the first answered annotation whose answers equal the record's gold
// plus the counters Label Studio derives (inner_id = `inner_id`, total_annotations, ...).
// Times are ISO 8601 with microseconds, lead_time is seconds.
nlohmann::json LabelStudioTaskJson(const LabelConfig& config, const Record& record,
                                   std::span<const Suggestion> suggestions,
                                   std::span<const LabelStudioResponse> responses, int64_t inner_id);

// Whether the task (as LabelStudioTaskJson writes it) has an annotation with a result: what
// Label Studio's JSON export keeps by default.
bool IsAnnotatedTask(const nlohmann::json& task);

// "2026-11-25T08:45:00.123000Z": Label Studio's time format (microseconds).
std::string LabelStudioTime(int64_t ms);

}  // namespace quorum
