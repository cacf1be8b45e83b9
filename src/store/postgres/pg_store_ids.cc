// PgStore::SetNextId: quorum migrate keeps workspace, user, project and token ids. Their ids
// come from BIGSERIAL sequences; the next id is one above the sequence's value.
#include <string>

#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"

namespace quorum::postgres {
namespace {

struct IdTable {
  const char* name;
  const char* sequence;
  const char* last_id_sql;
};

IdTable TableOf(IdKind kind) {
  switch (kind) {
    case IdKind::kWorkspace: return {"workspaces", "workspaces_id_seq", kLastWorkspaceId};
    case IdKind::kUser: return {"users", "users_id_seq", kLastUserId};
    case IdKind::kProject: return {"projects", "projects_id_seq", kLastProjectId};
    case IdKind::kApiToken: return {"api_tokens", "api_tokens_id_seq", kLastApiTokenId};
  }
  return {"workspaces", "workspaces_id_seq", kLastWorkspaceId};
}

}  // namespace

Status PgStore::SetNextId(IdKind kind, int64_t next_id) {
  const IdTable table = TableOf(kind);
  if (next_id < 1) return MakeError(ErrorCode::kInvalid, "next id of " + std::string(table.name) + " must be positive");
  return InTransaction([&](PgConnection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(PgResult sequence, connection.Exec(kSequenceLast, Params().Text(table.sequence)));
    QUORUM_ASSIGN_OR_RETURN(PgResult rows, connection.Exec(table.last_id_sql));
    int64_t last_id = rows.Int(0, 0);
    if (!sequence.empty() && !sequence.IsNull(0, 0)) last_id = std::max(last_id, sequence.Int(0, 0));
    if (last_id >= next_id)
      return MakeError(ErrorCode::kConflict, std::string(table.name) + " has given out ids up to " +
                                                 std::to_string(last_id) + "; the next cannot be " +
                                                 std::to_string(next_id));
    if (next_id == 1) return OkStatus();  // nothing given out: the sequence starts at 1
    QUORUM_RETURN_IF_ERROR(connection.Exec(kSequenceRaise, Params().Text(table.sequence).Int(next_id - 1)));
    return OkStatus();
  });
}

}  // namespace quorum::postgres
