// Label Studio task data <-> a record's fields and metadata. Data keys the config shows become
// fields (Paragraphs messages renamed from {nameKey, textKey} to {role, content}); every other
// data key becomes metadata; the lists Quorum writes for native rankings are built on export
// and dropped on import. A task's own "meta" object is kept as the metadata key "meta".
#pragma once

#include <nlohmann/json.hpp>

#include "schema/label_config.h"

namespace quorum {

// The metadata key that holds a task's "meta" object.
inline constexpr const char* kTaskMetaKey = "meta";

// Splits `data` (a JSON object, consumed) into `fields` and `metadata` (objects, added to).
void SplitTaskData(const LabelConfig& config, nlohmann::json&& data, nlohmann::json& fields, nlohmann::json& metadata);

// The task data of a record: its fields (messages renamed back), its metadata except
// kTaskMetaKey, and the item lists of native rankings.
nlohmann::json JoinTaskData(const LabelConfig& config, const nlohmann::json& fields, const nlohmann::json& metadata);

}  // namespace quorum
