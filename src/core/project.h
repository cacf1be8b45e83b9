// A project: one annotation job.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/schema.h"

namespace quorum {

struct Project {
  int64_t id = 0;
  int64_t workspace_id = 0;
  std::string name;
  Schema schema;
  std::string guidelines;     // markdown shown to annotators
  int guideline_version = 1;  // bumped whenever the guidelines change
  nlohmann::json settings = nlohmann::json::object();  // distribution and quality settings
  int64_t created_at_ms = 0;
};

}  // namespace quorum
