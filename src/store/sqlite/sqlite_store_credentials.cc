// SqliteStore: login sessions and API tokens. Both are found by the hash of their secret, and
// no message here includes a hash: fingerprints of secrets do not belong in logs.
#include <string>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"
#include "store/stored_values.h"

namespace quorum::sqlite {
namespace {

Error UserNotFound(int64_t user_id) {
  return MakeError(ErrorCode::kNotFound, "user " + std::to_string(user_id) + " not found");
}

// The role in `column` of a caller row: NULL when the user is not a member.
Result<std::optional<Role>> ReadRoleAt(const Query& row, int column) {
  if (row.IsNull(column)) return std::optional<Role>();
  QUORUM_ASSIGN_OR_RETURN(Role role, ParseStoredRole(row.Text(column), "membership"));
  return std::optional<Role>(role);
}

}  // namespace

Status SqliteStore::CreateSession(const Session& session) {
  return Write([&](Connection& connection) -> Status {
    {
      // Keeps the table to live sessions without a sweeper: a user's dead sessions go when they
      // next log in.
      QUORUM_ASSIGN_OR_RETURN(Query purge, connection.Use(kDeleteExpiredSessionsOf));
      QUORUM_RETURN_IF_ERROR(purge.BindInt(session.user_id).BindInt(session.created_at_ms).Run());
    }
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertSession));
    insert.BindText(session.id_hash).BindInt(session.user_id).BindText(session.csrf_token);
    Status inserted = insert.BindInt(session.created_at_ms).BindInt(session.expires_at_ms).Run();
    if (inserted.ok()) return inserted;
    if (inserted.error().code == ErrorCode::kNotFound) return UserNotFound(session.user_id);
    if (inserted.error().code == ErrorCode::kConflict)
      return MakeError(ErrorCode::kConflict, "a session with this id already exists");
    return inserted;
  });
}

Result<SessionCaller> SqliteStore::FindSession(std::string_view id_hash, int64_t now_ms, int64_t workspace_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectLiveSessionCaller));
  QUORUM_ASSIGN_OR_RETURN(bool found, query.BindInt(workspace_id).BindText(id_hash).BindInt(now_ms).Step());
  if (!found) return MakeError(ErrorCode::kNotFound, "session not found or expired");
  SessionCaller caller;
  caller.session = ReadSession(query);
  QUORUM_ASSIGN_OR_RETURN(caller.user, ReadUserAt(query, 5));
  QUORUM_ASSIGN_OR_RETURN(caller.role, ReadRoleAt(query, 12));
  return caller;
}

Status SqliteStore::DeleteSession(std::string_view id_hash) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query remove, connection.Use(kDeleteSession));
    return remove.BindText(id_hash).Run();
  });
}

Status SqliteStore::DeleteSessionsOf(int64_t user_id) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query remove, connection.Use(kDeleteSessionsOf));
    return remove.BindInt(user_id).Run();
  });
}

Result<ApiToken> SqliteStore::CreateToken(const ApiToken& token) {
  ApiToken created = token;
  created.created_at_ms = clock_.NowMs();
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertToken));
    insert.BindInt(created.user_id).BindText(created.name).BindText(created.token_hash).BindText(created.prefix);
    insert.BindInt(created.created_at_ms);
    if (created.last_used_at_ms) {
      insert.BindInt(*created.last_used_at_ms);
    } else {
      insert.BindNull();
    }
    Status inserted = insert.BindInt(created.revoked ? 1 : 0).Run();
    if (!inserted.ok()) {
      if (inserted.error().code == ErrorCode::kNotFound) return UserNotFound(created.user_id);
      if (inserted.error().code == ErrorCode::kConflict)
        return MakeError(ErrorCode::kConflict, "a token with this key already exists");
      return inserted;
    }
    created.id = connection.LastInsertRowid();
    return OkStatus();
  }));
  return created;
}

Result<TokenCaller> SqliteStore::FindTokenByHash(std::string_view token_hash, int64_t workspace_id) {
  TokenCaller caller;
  {
    QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
    QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectTokenCaller));
    QUORUM_ASSIGN_OR_RETURN(bool found, query.BindInt(workspace_id).BindText(token_hash).Step());
    if (!found) return MakeError(ErrorCode::kNotFound, "API token not found");
    caller.token = ReadApiToken(query);
    QUORUM_ASSIGN_OR_RETURN(caller.user, ReadUserAt(query, 8));
    QUORUM_ASSIGN_OR_RETURN(caller.role, ReadRoleAt(query, 15));
  }
  ApiToken& token = caller.token;
  if (token.revoked) return MakeError(ErrorCode::kNotFound, "API token " + std::to_string(token.id) + " is revoked");
  // The use time is coarse so that a script's every request stays a read: at most one write a
  // minute per token (a write, so it waits for the shared commit like any other).
  int64_t now_ms = clock_.NowMs();
  if (token.last_used_at_ms && now_ms - *token.last_used_at_ms < kTokenUseResolutionMs) return caller;
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query touch, connection.Use(kTouchToken));
    return touch.BindInt(now_ms).BindInt(token.id).BindInt(now_ms - kTokenUseResolutionMs).Run();
  }));
  token.last_used_at_ms = now_ms;
  return caller;
}

Result<std::vector<ApiToken>> SqliteStore::ListTokens(int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectTokensOf));
  query.BindInt(user_id);
  std::vector<ApiToken> tokens;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return tokens;
    tokens.push_back(ReadApiToken(query));
  }
}

Status SqliteStore::RevokeToken(int64_t token_id, int64_t user_id) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query revoke, connection.Use(kRevokeToken));
    QUORUM_RETURN_IF_ERROR(revoke.BindInt(token_id).BindInt(user_id).Run());
    // The same answer for someone else's token as for a missing one: ids reveal nothing.
    if (connection.Changes() == 0)
      return MakeError(ErrorCode::kNotFound, "API token " + std::to_string(token_id) + " of user " +
                                                 std::to_string(user_id) + " not found");
    return OkStatus();
  });
}

}  // namespace quorum::sqlite
