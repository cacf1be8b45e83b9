#include "store/postgres/pg_rows.h"

#include <string>

#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

std::string Named(std::string_view kind, int64_t id, std::string_view column) {
  return std::string(kind) + " " + std::to_string(id) + " " + std::string(column);
}

}  // namespace

Workspace ReadWorkspace(const PgResult& result, int row) {
  return Workspace{result.Int(row, 0), std::string(result.Text(row, 1)), result.Int(row, 2)};
}

Result<User> ReadUser(const PgResult& result, int row) { return ReadUserAt(result, row, 0); }

Result<User> ReadUserAt(const PgResult& result, int row, int first) {
  User user;
  user.id = result.Int(row, first);
  user.email = result.Text(row, first + 1);
  user.name = result.Text(row, first + 2);
  user.password_hash = result.Text(row, first + 3);
  user.tier = static_cast<int>(result.Int(row, first + 4));
  QUORUM_ASSIGN_OR_RETURN(nlohmann::json specializations,
                          ParseStoredJson(result.Text(row, first + 5), Named("user", user.id, "specializations")));
  if (!specializations.is_array())
    return MakeError(ErrorCode::kInternal, "stored specializations of user " + std::to_string(user.id) +
                                               " are not a JSON array");
  for (const nlohmann::json& tag : specializations)
    if (tag.is_string()) user.specializations.push_back(tag.get<std::string>());
  user.created_at_ms = result.Int(row, first + 6);
  return user;
}

Result<Membership> ReadMembership(const PgResult& result, int row) {
  Membership membership;
  membership.workspace_id = result.Int(row, 0);
  membership.user_id = result.Int(row, 1);
  QUORUM_ASSIGN_OR_RETURN(membership.role, ParseStoredRole(result.Text(row, 2), "membership"));
  return membership;
}

Result<Record> ReadRecord(const PgResult& result, int row) {
  Record record;
  record.id = result.Int(row, 0);
  record.project_id = result.Int(row, 1);
  record.external_id = result.Text(row, 2);
  QUORUM_ASSIGN_OR_RETURN(record.fields, ParseStoredJson(result.Text(row, 3), Named("record", record.id, "fields")));
  QUORUM_ASSIGN_OR_RETURN(record.metadata, ParseStoredJson(result.Text(row, 4), Named("record", record.id, "metadata")));
  QUORUM_ASSIGN_OR_RETURN(record.gold, ParseStoredJson(result.Text(row, 5), Named("record", record.id, "gold")));
  record.priority = result.Double(row, 6);
  record.created_at_ms = result.Int(row, 7);
  return record;
}

Result<Suggestion> ReadSuggestion(const PgResult& result, int row) {
  Suggestion suggestion;
  suggestion.id = result.Int(row, 0);
  suggestion.record_id = result.Int(row, 1);
  suggestion.question = result.Text(row, 2);
  QUORUM_ASSIGN_OR_RETURN(suggestion.value,
                          ParseStoredJson(result.Text(row, 3), Named("suggestion", suggestion.id, "value")));
  suggestion.score = result.OptionalDouble(row, 4);
  suggestion.agent = result.Text(row, 5);
  return suggestion;
}

Result<Response> ReadResponse(const PgResult& result, int row) {
  Response response;
  response.id = result.Int(row, 0);
  response.record_id = result.Int(row, 1);
  response.user_id = result.Int(row, 2);
  QUORUM_ASSIGN_OR_RETURN(response.values,
                          ParseStoredJson(result.Text(row, 3), Named("response", response.id, "values")));
  QUORUM_ASSIGN_OR_RETURN(response.status,
                          ParseStoredStatus(result.Text(row, 4), "response " + std::to_string(response.id)));
  response.time_spent_ms = result.Int(row, 5);
  response.guideline_version = static_cast<int>(result.Int(row, 6));
  response.created_at_ms = result.Int(row, 7);
  response.updated_at_ms = result.Int(row, 8);
  return response;
}

Result<Revision> ReadRevision(const PgResult& result, int row) {
  Revision revision;
  revision.id = result.Int(row, 0);
  revision.response_id = result.Int(row, 1);
  revision.user_id = result.Int(row, 2);
  revision.at_ms = result.Int(row, 3);
  QUORUM_ASSIGN_OR_RETURN(revision.values,
                          ParseStoredJson(result.Text(row, 4), Named("revision", revision.id, "values")));
  QUORUM_ASSIGN_OR_RETURN(revision.status,
                          ParseStoredStatus(result.Text(row, 5), "revision " + std::to_string(revision.id)));
  return revision;
}

Session ReadSession(const PgResult& result, int row) {
  Session session;
  session.id_hash = result.Text(row, 0);
  session.user_id = result.Int(row, 1);
  session.csrf_token = result.Text(row, 2);
  session.created_at_ms = result.Int(row, 3);
  session.expires_at_ms = result.Int(row, 4);
  return session;
}

ApiToken ReadApiToken(const PgResult& result, int row) {
  ApiToken token;
  token.id = result.Int(row, 0);
  token.user_id = result.Int(row, 1);
  token.name = result.Text(row, 2);
  token.token_hash = result.Text(row, 3);
  token.prefix = result.Text(row, 4);
  token.created_at_ms = result.Int(row, 5);
  if (!result.IsNull(row, 6)) token.last_used_at_ms = result.Int(row, 6);
  token.revoked = result.Int(row, 7) != 0;
  return token;
}

}  // namespace quorum::postgres
