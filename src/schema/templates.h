// Built-in project templates.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"
#include "schema/schema_json.h"

namespace quorum {

struct TemplateInfo {
  std::string_view name;         // e.g. "pairwise-preference"
  std::string_view description;  // one line
};

// Every built-in template, in a stable order.
const std::vector<TemplateInfo>& ListTemplates();

// The definition of the named template; kNotFound (listing the known names) otherwise.
Result<ProjectDefinition> LoadTemplate(std::string_view name);

}  // namespace quorum
