// PgStore::SetNextId and LastId: quorum migrate keeps ids and goes on numbering where the
// original would have. Every id comes from a BIGSERIAL sequence; the next id is one above the
// sequence's value (or the table's largest id, for rows given their id by a copy).
#include <algorithm>
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
    case IdKind::kRecord: return {"records", "records_id_seq", kLastRecordId};
    case IdKind::kResponse: return {"responses", "responses_id_seq", kLastResponseId};
  }
  return {"workspaces", "workspaces_id_seq", kLastWorkspaceId};
}

Result<int64_t> LastIdOf(PgConnection& connection, const IdTable& table) {
  QUORUM_ASSIGN_OR_RETURN(PgResult sequence, connection.Exec(kSequenceLast, Params().Text(table.sequence)));
  QUORUM_ASSIGN_OR_RETURN(PgResult rows, connection.Exec(table.last_id_sql));
  int64_t last_id = rows.Int(0, 0);
  if (!sequence.empty() && !sequence.IsNull(0, 0)) last_id = std::max(last_id, sequence.Int(0, 0));
  return last_id;
}

}  // namespace

Result<int64_t> PgStore::LastId(IdKind kind) {
  int64_t last_id = 0;
  QUORUM_RETURN_IF_ERROR(InTransaction([&](PgConnection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(last_id, LastIdOf(connection, TableOf(kind)));
    return OkStatus();
  }));
  return last_id;
}

Status PgStore::SetNextId(IdKind kind, int64_t next_id) {
  const IdTable table = TableOf(kind);
  if (next_id < 1) return MakeError(ErrorCode::kInvalid, "next id of " + std::string(table.name) + " must be positive");
  return InTransaction([&](PgConnection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(int64_t last_id, LastIdOf(connection, table));
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
