// Label Studio XML label configs: reading one into the native Schema, writing one for a native
// schema, and the bindings between the two that Label Studio task files need (which tag shows
// which task data key, which control answers which question, with which result type). The tags
// and attributes mirror Label Studio 1.13 (https://labelstud.io/tags); docs/labelstudio.md lists
// what maps to what and what is refused.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/schema.h"

namespace quorum {

// Object tags: what shows task data.
enum class LabelStudioObject {
  kText,        // field kind text
  kHyperText,   // field kind markdown (the UI renders it as sanitized HTML, per the layout)
  kParagraphs,  // field kind chat; messages {nameKey: role, textKey: content} in the task data
  kImage,       // field kind image_url
  kList,        // field kind item_list: items to rank, {"id", "title", "body"} in the task data
  kHeader,      // a Header whose value is a $variable: field kind text
};

// Control tags: what asks a question. Each has one result type ("choices", "rating", ...).
enum class LabelStudioControl { kChoices, kRating, kNumber, kTextArea, kLabels, kPairwise, kRanker };

// The "type" of the result items a control writes: "choices", "rating", "number", "textarea",
// "labels", "pairwise", "ranker".
const char* LabelStudioResultType(LabelStudioControl control);

struct ObjectBinding {
  LabelStudioObject tag = LabelStudioObject::kText;
  std::string name;   // the tag's name: what results carry as to_name
  std::string field;  // the native field, which is also the task data key (the $variable);
                      // empty for a kList written for a native ranking of fields (its data key
                      // is `name`)
  std::string name_key = "author";  // kParagraphs: the message keys in the task data
  std::string text_key = "text";
  // kList written for a native ranking: one item per field (id = field name, body = its text).
  // Exports build the list under `name`; imports ignore that data key.
  std::vector<std::string> item_fields;
};

struct ControlBinding {
  LabelStudioControl tag = LabelStudioControl::kChoices;
  std::string name;                   // from_name; the question has the same name
  std::vector<std::string> to_names;  // the toName attribute, split at commas
  std::string target;                 // the to_name results are written with
  bool multiple = false;              // kChoices: choice="multiple"; kLabels: several labels per region
  // kChoices written for a native preference: each choice's value and the answer it stands for.
  std::vector<std::pair<std::string, nlohmann::json>> choice_answers;
};

// A config with its schema. `schema.label_config` holds the XML text.
struct LabelConfig {
  Schema schema;
  std::vector<ObjectBinding> objects;    // document order; only tags bound to data (or lists)
  std::vector<ControlBinding> controls;  // one per question, in the schema's question order

  // The binding named `name`, or nullptr. Pointers stay valid while the config is not modified.
  const ControlBinding* FindControl(std::string_view name) const;
  const ObjectBinding* FindObject(std::string_view name) const;
  // The first object that shows `field`, or nullptr.
  const ObjectBinding* FindObjectForField(std::string_view field) const;
};

// Reads a Label Studio config (the root element is <View>). Every field is named after the
// task data key its tag shows ($variable), every question after its control's name. Fails
// with kInvalid listing every problem, each located "SOURCE:LINE:COLUMN" (of the offending
// tag's '<') with the tag as the subject: XML syntax, unknown or unsupported tags, a missing
// name or toName, a toName naming no object tag, duplicate names, a control with no choices or
// labels, bad attribute values; then ValidateSchema's problems, located at SOURCE.
// The returned schema's label_config is `xml`, verbatim.
Result<LabelConfig> ParseLabelConfig(std::string_view xml, std::string_view source);

// A config that shows `schema` in Label Studio: fields as Text / Paragraphs / Image objects
// named after the field, titles and descriptions as Headers, each question as the control that
// answers it the same way (a two-option binary preference as Pairwise, other preferences as
// Choices, a ranking of fields as Ranker over a List of its options, an item_list field as a
// List and a ranking of it as a Ranker on that List). Deterministic. The result's
// schema is `schema` with label_config set to the XML; `schema.label_config` is ignored.
LabelConfig WriteLabelConfig(const Schema& schema);

// The bindings of a stored schema: ParseLabelConfig(schema.label_config) when the schema was
// made from a config (with the stored schema's titles, descriptions and required flags),
// otherwise WriteLabelConfig(schema). kInvalid when the stored config no longer parses or no
// longer declares the schema's fields and questions.
Result<LabelConfig> LabelConfigOf(const Schema& schema);

}  // namespace quorum
