// The native JSON schema document (docs/schema.md): reading and writing it.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/schema.h"

namespace quorum {

// A project definition as a native document holds it.
struct ProjectDefinition {
  Schema schema;
  std::string guidelines;
  nlohmann::json settings = nlohmann::json::object();
};

// The schema as JSON: {"fields": [...], "questions": [...], "metadata": [...]}, plus
// "label_config" (the Label Studio XML) when the schema was made from one.
// Deterministic: the same schema always gives the same text.
nlohmann::json SchemaToJson(const Schema& schema);

// Reads {"fields", "questions", "metadata", "label_config"?}; unknown keys and wrong types are
// errors naming the JSON path ("questions[2].labels"). Fails with kInvalid listing every
// problem, including those of ValidateSchema and, when "label_config" is given, those of
// LabelConfigOf (the XML must parse and still declare these fields and questions).
// `source` (a file name) prefixes each problem's location.
Result<Schema> SchemaFromJson(const nlohmann::json& json, std::string_view source);

// The whole document: the schema keys plus optional "guidelines" (string) and "settings"
// (object). Same error rules as SchemaFromJson.
Result<ProjectDefinition> ProjectDefinitionFromJson(const nlohmann::json& json, std::string_view source);
nlohmann::json ProjectDefinitionToJson(const ProjectDefinition& definition);

}  // namespace quorum
