// One imported row, read from its native or flat form into what the store takes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/response.h"
#include "core/result.h"
#include "core/schema.h"

namespace quorum {

struct ImportedRevision {
  std::string user_email;
  int64_t at_ms = 0;
  nlohmann::json values = nlohmann::json::object();
  ResponseStatus status = ResponseStatus::kDraft;
};

struct ImportedResponse {
  std::string user_email;
  nlohmann::json values = nlohmann::json::object();
  ResponseStatus status = ResponseStatus::kSubmitted;
  int64_t time_spent_ms = 0;
  int guideline_version = 1;
  std::optional<int64_t> created_at_ms;
  std::optional<int64_t> updated_at_ms;
  std::vector<ImportedRevision> revisions;
};

struct ImportedSuggestion {
  std::string question;
  nlohmann::json value;
  std::optional<double> score;
  std::string agent;
};

struct ImportRow {
  std::string external_id;
  nlohmann::json fields = nlohmann::json::object();
  nlohmann::json metadata = nlohmann::json::object();
  nlohmann::json gold = nlohmann::json::object();
  double priority = 0;
  std::optional<int64_t> created_at_ms;
  std::vector<ImportedSuggestion> suggestions;
  std::vector<ImportedResponse> responses;
};

// The agent recorded for suggestions that come from flat columns named after a question.
inline constexpr std::string_view kImportAgent = "import";

// Reads a JSON object row. A row with a "fields" object is native:
//   {"id", "fields", "metadata", "gold", "priority", "created_at", "suggestions", "responses"}
// (any other key is a problem). Any other object is flat: "id"/"external_id" give the external
// id, "priority" the priority, keys named after a schema field become fields, keys named after a
// question become suggestions (agent "import"), "suggestions", "responses", "gold" and
// "created_at" mean what they mean in a native row (unless the schema declares a field,
// question or property of that name), and everything else becomes metadata.
// Shape problems (wrong types, unknown keys) are appended to `problems`, located at `location`;
// schema validation is the caller's job. `row` is consumed.
ImportRow MapJsonRow(const Schema& schema, nlohmann::json&& row, std::string_view location,
                     std::vector<Problem>& problems);

// Reads a CSV row (flat, by header name). Cell text is typed by the schema: chat fields and
// list-valued questions hold JSON, ratings and numeric metadata hold numbers; an empty cell is
// treated as absent.
ImportRow MapCsvRow(const Schema& schema, const std::vector<std::string>& header,
                    const std::vector<std::string>& values, std::string_view location,
                    std::vector<Problem>& problems);

}  // namespace quorum
