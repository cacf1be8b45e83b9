#include "store/stored_values.h"

#include <algorithm>
#include <optional>
#include <string>

namespace quorum {

Result<nlohmann::json> ParseStoredJson(std::string_view text, std::string_view what) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded())
    return MakeError(ErrorCode::kInternal, "stored " + std::string(what) + " is not valid JSON");
  return json;
}

Result<ResponseStatus> ParseStoredStatus(std::string_view text, std::string_view what) {
  std::optional<ResponseStatus> status = ParseResponseStatus(text);
  if (!status)
    return MakeError(ErrorCode::kInternal, "stored " + std::string(what) + " has unknown status '" +
                                               std::string(text) + "'");
  return *status;
}

Result<ReviewVerdict> ParseStoredVerdict(std::string_view text, int64_t response_id) {
  if (std::optional<ReviewVerdict> verdict = ParseReviewVerdict(text)) return *verdict;
  return MakeError(ErrorCode::kInternal, "stored review of response " + std::to_string(response_id) +
                                             " has unknown verdict '" + std::string(text) + "'");
}

Result<Role> ParseStoredRole(std::string_view text, std::string_view what) {
  std::optional<Role> role = ParseRole(text);
  if (!role)
    return MakeError(ErrorCode::kInternal, "stored " + std::string(what) + " has unknown role '" +
                                               std::string(text) + "'");
  return *role;
}

std::string LowerCaseEmail(std::string_view email) {
  std::string lower(email);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

std::vector<int64_t> DistinctRecordIds(std::span<const Suggestion> suggestions) {
  std::vector<int64_t> ids;
  ids.reserve(suggestions.size());
  for (const Suggestion& suggestion : suggestions) ids.push_back(suggestion.record_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace quorum
