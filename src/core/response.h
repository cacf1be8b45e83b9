// Responses (one annotator's answers to one record) and their revisions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace quorum {

enum class ResponseStatus { kDraft, kSubmitted, kDiscarded };

// "draft", "submitted", "discarded"; ParseResponseStatus returns nullopt otherwise.
const char* ResponseStatusName(ResponseStatus status);
std::optional<ResponseStatus> ParseResponseStatus(std::string_view name);

struct Response {
  int64_t id = 0;
  int64_t record_id = 0;
  int64_t user_id = 0;
  nlohmann::json values = nlohmann::json::object();  // question name -> answer
  ResponseStatus status = ResponseStatus::kDraft;
  int64_t time_spent_ms = 0;
  int guideline_version = 1;  // the project's guideline version when last written
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
};

// One state a response went through; every write of a response adds one.
struct Revision {
  int64_t id = 0;
  int64_t response_id = 0;
  int64_t user_id = 0;  // who made the change (the annotator, or a reviewer)
  int64_t at_ms = 0;
  nlohmann::json values = nlohmann::json::object();
  ResponseStatus status = ResponseStatus::kDraft;
};

}  // namespace quorum
