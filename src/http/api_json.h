// Domain objects as the API shows them, and reading JSON request bodies.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/project.h"
#include "core/record.h"
#include "core/response.h"
#include "core/review.h"
#include "core/result.h"
#include "core/user.h"
#include "core/workspace.h"
#include "http/http_message.h"
#include "store/store.h"

namespace quorum {

// The request body as JSON; kInvalid saying where the syntax breaks.
Result<nlohmann::json> ParseJsonBody(const HttpRequest& request);

// The integer query parameter `name`, or `fallback` when it is absent; kInvalid naming the
// parameter and the text when it is not an integer.
Result<int64_t> QueryInteger(const HttpRequest& request, std::string_view name, int64_t fallback);

nlohmann::json UserJson(const User& user);
nlohmann::json WorkspaceJson(const Workspace& workspace);
nlohmann::json ProjectJson(const Project& project);
// Gold answers are shown only when `with_gold` (reviewers and up): annotators must not be able
// to tell gold records apart.
nlohmann::json RecordJson(const Record& record, bool with_gold);
nlohmann::json SuggestionJson(const Suggestion& suggestion);
nlohmann::json ResponseJson(const Response& response);
// {"verdict", "comment", "reviewed_at"}, with "reviewer_id" only when `with_reviewer`
// (reviewers and up: an annotator is shown the verdict on their own response, not who gave it).
nlohmann::json ReviewJson(const Review& review, bool with_reviewer);
// ResponseJson with the response's current review among `reviews` ("review": null when none),
// its reviewer named only when `with_reviewer`.
nlohmann::json ReviewedResponseJson(const Response& response, const std::vector<Review>& reviews, bool with_reviewer);
nlohmann::json TokenJson(const ApiToken& token);  // never includes the key or its hash

}  // namespace quorum
