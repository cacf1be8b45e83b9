#include "http/api_json.h"

#include <charconv>

#include "core/clock.h"
#include "schema/schema_json.h"

namespace quorum {

Result<nlohmann::json> ParseJsonBody(const HttpRequest& request) {
  if (request.body.empty()) return MakeError(ErrorCode::kInvalid, "the request needs a JSON body");
  // nlohmann reports the position only through its exception; it stays inside this function.
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& error) {
    std::string reason = error.what();
    if (std::size_t at = reason.find("] "); at != std::string::npos) reason = reason.substr(at + 2);
    return MakeError(ErrorCode::kInvalid, "the body is not valid JSON: " + reason);
  }
}

nlohmann::json UserJson(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"tier", user.tier},
          {"specializations", user.specializations},
          {"created_at", FormatTimestamp(user.created_at_ms)}};
}

nlohmann::json WorkspaceJson(const Workspace& workspace) {
  return {{"id", workspace.id}, {"name", workspace.name}, {"created_at", FormatTimestamp(workspace.created_at_ms)}};
}

nlohmann::json ProjectJson(const Project& project) {
  return {{"id", project.id},
          {"workspace_id", project.workspace_id},
          {"name", project.name},
          {"schema", SchemaToJson(project.schema)},
          {"guidelines", project.guidelines},
          {"guideline_version", project.guideline_version},
          {"settings", project.settings},
          {"created_at", FormatTimestamp(project.created_at_ms)}};
}

nlohmann::json RecordJson(const Record& record, bool with_gold) {
  nlohmann::json json = {{"id", record.id},
                         {"project_id", record.project_id},
                         {"external_id", record.external_id},
                         {"fields", record.fields},
                         {"metadata", record.metadata},
                         {"priority", record.priority},
                         {"created_at", FormatTimestamp(record.created_at_ms)}};
  if (with_gold) json["gold"] = record.gold;
  return json;
}

nlohmann::json SuggestionJson(const Suggestion& suggestion) {
  nlohmann::json json = {{"id", suggestion.id},
                         {"record_id", suggestion.record_id},
                         {"question", suggestion.question},
                         {"value", suggestion.value},
                         {"agent", suggestion.agent}};
  json["score"] = suggestion.score ? nlohmann::json(*suggestion.score) : nlohmann::json(nullptr);
  return json;
}

nlohmann::json ResponseJson(const Response& response) {
  return {{"id", response.id},
          {"record_id", response.record_id},
          {"user_id", response.user_id},
          {"values", response.values},
          {"status", ResponseStatusName(response.status)},
          {"time_spent_ms", response.time_spent_ms},
          {"guideline_version", response.guideline_version},
          {"created_at", FormatTimestamp(response.created_at_ms)},
          {"updated_at", FormatTimestamp(response.updated_at_ms)}};
}

nlohmann::json ReviewJson(const Review& review, bool with_reviewer) {
  nlohmann::json json = {{"verdict", ReviewVerdictName(review.verdict)},
                         {"comment", review.comment},
                         {"reviewed_at", FormatTimestamp(review.reviewed_at_ms)}};
  if (with_reviewer) json["reviewer_id"] = review.reviewer_id;
  return json;
}

nlohmann::json ReviewedResponseJson(const Response& response, const std::vector<Review>& reviews, bool with_reviewer) {
  nlohmann::json json = ResponseJson(response);
  json["review"] = nullptr;
  for (const Review& review : reviews)
    if (review.response_id == response.id) json["review"] = ReviewJson(review, with_reviewer);
  return json;
}

nlohmann::json TokenJson(const ApiToken& token) {
  nlohmann::json json = {{"id", token.id},
                         {"name", token.name},
                         {"prefix", token.prefix},
                         {"revoked", token.revoked},
                         {"created_at", FormatTimestamp(token.created_at_ms)}};
  json["last_used_at"] = token.last_used_at_ms ? nlohmann::json(FormatTimestamp(*token.last_used_at_ms)) : nlohmann::json(nullptr);
  return json;
}

Result<int64_t> QueryInteger(const HttpRequest& request, std::string_view name, int64_t fallback) {
  std::optional<std::string> text = request.Query(name);
  if (!text) return fallback;
  int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size())
    return MakeError(ErrorCode::kInvalid, std::string(name) + " must be an integer, got '" + *text + "'");
  return value;
}

}  // namespace quorum
