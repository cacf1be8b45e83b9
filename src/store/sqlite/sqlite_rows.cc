#include "store/sqlite/sqlite_rows.h"

#include <string>

namespace quorum::sqlite {
namespace {

std::string Named(std::string_view kind, int64_t id, std::string_view column) {
  return std::string(kind) + " " + std::to_string(id) + " " + std::string(column);
}

}  // namespace

Workspace ReadWorkspace(const Query& row) {
  return Workspace{row.Int(0), std::string(row.Text(1)), row.Int(2)};
}

Result<User> ReadUser(const Query& row) { return ReadUserAt(row, 0); }

Result<User> ReadUserAt(const Query& row, int first) {
  User user;
  user.id = row.Int(first);
  user.email = row.Text(first + 1);
  user.name = row.Text(first + 2);
  user.password_hash = row.Text(first + 3);
  user.tier = static_cast<int>(row.Int(first + 4));
  QUORUM_ASSIGN_OR_RETURN(nlohmann::json specializations,
                          ParseStoredJson(row.Text(first + 5), Named("user", user.id, "specializations")));
  if (!specializations.is_array())
    return MakeError(ErrorCode::kInternal, "stored specializations of user " + std::to_string(user.id) +
                                               " are not a JSON array");
  for (const nlohmann::json& tag : specializations)
    if (tag.is_string()) user.specializations.push_back(tag.get<std::string>());
  user.created_at_ms = row.Int(first + 6);
  return user;
}

Result<Membership> ReadMembership(const Query& row) {
  Membership membership;
  membership.workspace_id = row.Int(0);
  membership.user_id = row.Int(1);
  QUORUM_ASSIGN_OR_RETURN(membership.role, ParseStoredRole(row.Text(2), "membership"));
  return membership;
}

Result<Record> ReadRecord(const Query& row) {
  Record record;
  record.id = row.Int(0);
  record.project_id = row.Int(1);
  record.external_id = row.Text(2);
  QUORUM_ASSIGN_OR_RETURN(record.fields, ParseStoredJson(row.Text(3), Named("record", record.id, "fields")));
  QUORUM_ASSIGN_OR_RETURN(record.metadata, ParseStoredJson(row.Text(4), Named("record", record.id, "metadata")));
  QUORUM_ASSIGN_OR_RETURN(record.gold, ParseStoredJson(row.Text(5), Named("record", record.id, "gold")));
  record.priority = row.Double(6);
  record.created_at_ms = row.Int(7);
  return record;
}

Result<Suggestion> ReadSuggestion(const Query& row) {
  Suggestion suggestion;
  suggestion.id = row.Int(0);
  suggestion.record_id = row.Int(1);
  suggestion.question = row.Text(2);
  QUORUM_ASSIGN_OR_RETURN(suggestion.value,
                          ParseStoredJson(row.Text(3), Named("suggestion", suggestion.id, "value")));
  if (!row.IsNull(4)) suggestion.score = row.Double(4);
  suggestion.agent = row.Text(5);
  return suggestion;
}

Result<Response> ReadResponse(const Query& row) {
  Response response;
  response.id = row.Int(0);
  response.record_id = row.Int(1);
  response.user_id = row.Int(2);
  QUORUM_ASSIGN_OR_RETURN(response.values, ParseStoredJson(row.Text(3), Named("response", response.id, "values")));
  QUORUM_ASSIGN_OR_RETURN(response.status,
                          ParseStoredStatus(row.Text(4), "response " + std::to_string(response.id)));
  response.time_spent_ms = row.Int(5);
  response.guideline_version = static_cast<int>(row.Int(6));
  response.created_at_ms = row.Int(7);
  response.updated_at_ms = row.Int(8);
  return response;
}

Result<Revision> ReadRevision(const Query& row) {
  Revision revision;
  revision.id = row.Int(0);
  revision.response_id = row.Int(1);
  revision.user_id = row.Int(2);
  revision.at_ms = row.Int(3);
  QUORUM_ASSIGN_OR_RETURN(revision.values, ParseStoredJson(row.Text(4), Named("revision", revision.id, "values")));
  QUORUM_ASSIGN_OR_RETURN(revision.status,
                          ParseStoredStatus(row.Text(5), "revision " + std::to_string(revision.id)));
  return revision;
}

Session ReadSession(const Query& row) {
  Session session;
  session.id_hash = row.Text(0);
  session.user_id = row.Int(1);
  session.csrf_token = row.Text(2);
  session.created_at_ms = row.Int(3);
  session.expires_at_ms = row.Int(4);
  return session;
}

ApiToken ReadApiToken(const Query& row) {
  ApiToken token;
  token.id = row.Int(0);
  token.user_id = row.Int(1);
  token.name = row.Text(2);
  token.token_hash = row.Text(3);
  token.prefix = row.Text(4);
  token.created_at_ms = row.Int(5);
  if (!row.IsNull(6)) token.last_used_at_ms = row.Int(6);
  token.revoked = row.Int(7) != 0;
  return token;
}

}  // namespace quorum::sqlite
