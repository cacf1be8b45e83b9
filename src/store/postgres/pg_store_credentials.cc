// PgStore: login sessions and API tokens. Both are found by the hash of their secret, and no
// message here includes a hash: fingerprints of secrets do not belong in logs.
#include <string>

#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"
#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

Error UserNotFound(int64_t user_id) {
  return MakeError(ErrorCode::kNotFound, "user " + std::to_string(user_id) + " not found");
}

// The role in `column` of a caller row: NULL when the user is not a member.
Result<std::optional<Role>> ReadRoleAt(const PgResult& result, int row, int column) {
  if (result.IsNull(row, column)) return std::optional<Role>();
  QUORUM_ASSIGN_OR_RETURN(Role role, ParseStoredRole(result.Text(row, column), "membership"));
  return std::optional<Role>(role);
}

}  // namespace

Status PgStore::CreateSession(const Session& session) {
  Params params;
  params.Text(session.id_hash).Int(session.user_id).Text(session.csrf_token).Int(session.created_at_ms);
  Result<PgResult> inserted = Exec(kInsertSession, params.Int(session.expires_at_ms));
  if (inserted.ok()) return OkStatus();
  if (inserted.error().code == ErrorCode::kNotFound) return UserNotFound(session.user_id);
  if (inserted.error().code == ErrorCode::kConflict)
    return MakeError(ErrorCode::kConflict, "a session with this id already exists");
  return std::move(inserted).error();
}

Result<SessionCaller> PgStore::FindSession(std::string_view id_hash, int64_t now_ms, int64_t workspace_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result,
                          Exec(kSelectLiveSessionCaller, Params().Int(workspace_id).Text(id_hash).Int(now_ms)));
  if (result.empty()) return MakeError(ErrorCode::kNotFound, "session not found or expired");
  SessionCaller caller;
  caller.session = ReadSession(result, 0);
  QUORUM_ASSIGN_OR_RETURN(caller.user, ReadUserAt(result, 0, 5));
  QUORUM_ASSIGN_OR_RETURN(caller.role, ReadRoleAt(result, 0, 12));
  return caller;
}

Status PgStore::DeleteSession(std::string_view id_hash) {
  QUORUM_RETURN_IF_ERROR(Exec(kDeleteSession, Params().Text(id_hash)));
  return OkStatus();
}

Status PgStore::DeleteSessionsOf(int64_t user_id) {
  QUORUM_RETURN_IF_ERROR(Exec(kDeleteSessionsOf, Params().Int(user_id)));
  return OkStatus();
}

Result<ApiToken> PgStore::CreateToken(const ApiToken& token) {
  ApiToken created = token;
  created.created_at_ms = clock_.NowMs();
  Params params;
  params.Int(created.user_id).Text(created.name).Text(created.token_hash).Text(created.prefix);
  params.Int(created.created_at_ms).OptionalInt(created.last_used_at_ms).Int(created.revoked ? 1 : 0);
  Result<PgResult> inserted = Exec(kInsertToken, params);
  if (!inserted.ok()) {
    if (inserted.error().code == ErrorCode::kNotFound) return UserNotFound(created.user_id);
    if (inserted.error().code == ErrorCode::kConflict)
      return MakeError(ErrorCode::kConflict, "a token with this key already exists");
    return std::move(inserted).error();
  }
  created.id = inserted->Int(0, 0);
  return created;
}

Result<TokenCaller> PgStore::FindTokenByHash(std::string_view token_hash, int64_t workspace_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectTokenCaller, Params().Int(workspace_id).Text(token_hash)));
  if (result.empty()) return MakeError(ErrorCode::kNotFound, "API token not found");
  TokenCaller caller;
  caller.token = ReadApiToken(result, 0);
  QUORUM_ASSIGN_OR_RETURN(caller.user, ReadUserAt(result, 0, 8));
  QUORUM_ASSIGN_OR_RETURN(caller.role, ReadRoleAt(result, 0, 15));
  ApiToken& token = caller.token;
  if (token.revoked) return MakeError(ErrorCode::kNotFound, "API token " + std::to_string(token.id) + " is revoked");
  // The use time is coarse so that a script's every request stays a read: at most one write a
  // minute per token.
  int64_t now_ms = clock_.NowMs();
  if (token.last_used_at_ms && now_ms - *token.last_used_at_ms < kTokenUseResolutionMs) return caller;
  QUORUM_RETURN_IF_ERROR(Exec(kTouchToken, Params().Int(now_ms).Int(token.id).Int(now_ms - kTokenUseResolutionMs)));
  token.last_used_at_ms = now_ms;
  return caller;
}

Result<std::vector<ApiToken>> PgStore::ListTokens(int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectTokensOf, Params().Int(user_id)));
  return ReadAll<ApiToken>(result, ReadApiToken);
}

Status PgStore::RevokeToken(int64_t token_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult revoked, Exec(kRevokeToken, Params().Int(token_id).Int(user_id)));
  // The same answer for someone else's token as for a missing one: ids reveal nothing.
  if (revoked.affected() == 0)
    return MakeError(ErrorCode::kNotFound, "API token " + std::to_string(token_id) + " of user " +
                                               std::to_string(user_id) + " not found");
  return OkStatus();
}

}  // namespace quorum::postgres
