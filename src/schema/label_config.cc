// The bindings of a stored schema, and the check that a stored config still declares it.
#include "schema/label_config.h"

#include "core/problem_text.h"

namespace quorum {
namespace {

// How `config` (parsed from the stored XML) differs from the stored `schema` in what files
// depend on: field names and kinds, question names, kinds and answer sets. Titles,
// descriptions and required flags may have been edited since; they do not change a file.
std::vector<std::string> Differences(const LabelConfig& config, const Schema& schema) {
  std::vector<std::string> differences;
  const Schema& parsed = config.schema;
  if (parsed.fields.size() != schema.fields.size() || parsed.questions.size() != schema.questions.size())
    differences.push_back("it declares " + std::to_string(parsed.fields.size()) + " fields and " +
                          std::to_string(parsed.questions.size()) + " questions, the schema " +
                          std::to_string(schema.fields.size()) + " and " + std::to_string(schema.questions.size()));
  for (const FieldSpec& field : schema.fields) {
    const FieldSpec* declared = parsed.FindField(field.name);
    if (declared == nullptr)
      differences.push_back(FieldSubject(field.name) + " is not shown by any tag");
    else if (declared->kind != field.kind)
      differences.push_back(FieldSubject(field.name) + " is " + FieldKindName(field.kind) + " in the schema, " +
                            FieldKindName(declared->kind) + " in the config");
  }
  for (const QuestionSpec& question : schema.questions) {
    const QuestionSpec* declared = parsed.FindQuestion(question.name);
    if (declared == nullptr) {
      differences.push_back(QuestionSubject(question.name) + " has no control");
    } else if (declared->kind != question.kind || declared->labels != question.labels ||
               declared->values != question.values || declared->options != question.options ||
               declared->field != question.field || declared->scale != question.scale) {
      differences.push_back(QuestionSubject(question.name) + " asks something else in the config");
    }
  }
  return differences;
}

}  // namespace

const ControlBinding* LabelConfig::FindControl(std::string_view name) const {
  for (const ControlBinding& control : controls)
    if (control.name == name) return &control;
  return nullptr;
}

const ObjectBinding* LabelConfig::FindObject(std::string_view name) const {
  for (const ObjectBinding& object : objects)
    if (object.name == name) return &object;
  return nullptr;
}

const ObjectBinding* LabelConfig::FindObjectForField(std::string_view field) const {
  for (const ObjectBinding& object : objects)
    if (!object.field.empty() && object.field == field) return &object;
  return nullptr;
}

Result<LabelConfig> LabelConfigOf(const Schema& schema) {
  if (schema.label_config.empty()) return WriteLabelConfig(schema);
  QUORUM_ASSIGN_OR_RETURN(LabelConfig config, ParseLabelConfig(schema.label_config, "label_config"));
  std::vector<std::string> differences = Differences(config, schema);
  if (!differences.empty()) {
    std::vector<Problem> problems;
    for (std::string& difference : differences) problems.push_back(Problem{"label_config", "", std::move(difference)});
    return MakeError(ErrorCode::kInvalid, "the label config no longer matches the schema", std::move(problems));
  }
  config.schema = schema;
  return config;
}

}  // namespace quorum
