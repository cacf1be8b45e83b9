// Records (items to annotate) and suggestions (pre-annotations).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace quorum {

struct Record {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string external_id;  // the importer's id; unique per project when not empty
  nlohmann::json fields = nlohmann::json::object();    // field name -> value (see FieldKind)
  nlohmann::json metadata = nlohmann::json::object();  // free-form facts; typed when declared
  nlohmann::json gold = nlohmann::json::object();      // question name -> known answer
  double priority = 0;  // larger is served earlier under "priority" ordering
  int64_t created_at_ms = 0;
};

struct Suggestion {
  int64_t id = 0;
  int64_t record_id = 0;
  std::string question;
  nlohmann::json value;
  std::optional<double> score;  // the agent's confidence, when it gave one
  std::string agent;            // model or tool and version, e.g. "gpt-4o-2024-08-06"
};

}  // namespace quorum
