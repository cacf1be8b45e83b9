// Label Studio "result" arrays <-> native answers, through a config's bindings. One result item
// is {"id", "type", "from_name", "to_name", "value", "origin"?}; the value shapes per type mirror
// Label Studio 1.13 (web/libs/editor/src/tags/control/*, label-studio-sdk converter):
//   choices  {"choices": ["a"]}              rating  {"rating": 4}        number {"number": 7}
//   textarea {"text": ["..."]}               pairwise {"selected": "left" | "right"}
//   labels   {"start": 0, "end": 5, "text": "Alice", "labels": ["PER"]}   (one item per region)
//   ranker   {"ranker": {"<ranker name>": ["id", ...]}}   (1.13; older: {"ranker": ["id", ...]})
// Pure functions: no I/O, usable by the importer, the exporters and the HTTP layer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "schema/label_config.h"

namespace quorum {

// The result items for a set of native answers (`values`: question name -> answer), in the
// config's question order. Unanswered questions (see IsEmptyAnswer) give no item. Item ids are
// deterministic ("<from_name>", "<from_name>_<n>" for the n-th region). `record_fields` gives
// spans their "text". `origin` is written on each item when not empty ("manual" for
// annotations; predictions carry none). Answers of the wrong shape (which validation refuses
// before they are stored) are left out.
nlohmann::json ValuesToResult(const LabelConfig& config, const nlohmann::json& values,
                              const nlohmann::json& record_fields, std::string_view origin);

// The native answers a result array gives. Spans of several items (and several labels of one
// region) gather into one answer. Each problem is appended located at `location` with the
// subject `subject`[i] (e.g. "annotations[0].result[2]"): an item that is not an object, a
// from_name naming no control, a type or to_name that does not fit the control, a value of the
// wrong shape, two items answering one non-span question. `to_name` is accepted as written by
// the config, as any of the control's targets, or (Pairwise) as its own name.
nlohmann::json ResultToValues(const LabelConfig& config, const nlohmann::json& result, std::string_view location,
                              const std::string& subject, std::vector<Problem>& problems);

}  // namespace quorum
