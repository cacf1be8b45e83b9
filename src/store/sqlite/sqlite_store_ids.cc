// SqliteStore::SetNextId: quorum migrate keeps workspace, user, project and token ids. Those
// tables are AUTOINCREMENT, whose next id is one above their row in sqlite_sequence, a table
// SQLite lets one write.
#include <string>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

struct IdTable {
  const char* name;
  const char* last_id_sql;
};

IdTable TableOf(IdKind kind) {
  switch (kind) {
    case IdKind::kWorkspace: return {"workspaces", kLastWorkspaceId};
    case IdKind::kUser: return {"users", kLastUserId};
    case IdKind::kProject: return {"projects", kLastProjectId};
    case IdKind::kApiToken: return {"api_tokens", kLastApiTokenId};
  }
  return {"workspaces", kLastWorkspaceId};
}

}  // namespace

Status SqliteStore::SetNextId(IdKind kind, int64_t next_id) {
  const IdTable table = TableOf(kind);
  if (next_id < 1) return MakeError(ErrorCode::kInvalid, "next id of " + std::string(table.name) + " must be positive");
  return Write([&](Connection& connection) -> Status {
    {
      QUORUM_ASSIGN_OR_RETURN(Query last, connection.Use(table.last_id_sql));
      QUORUM_ASSIGN_OR_RETURN(bool has_row, last.Step());
      const int64_t last_id = has_row ? last.Int(0) : 0;
      if (last_id >= next_id)
        return MakeError(ErrorCode::kConflict, std::string(table.name) + " has given out ids up to " +
                                                   std::to_string(last_id) + "; the next cannot be " +
                                                   std::to_string(next_id));
    }
    {
      QUORUM_ASSIGN_OR_RETURN(Query remove, connection.Use(kDeleteSequence));
      QUORUM_RETURN_IF_ERROR(remove.BindText(table.name).Run());
    }
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertSequence));
    return insert.BindText(table.name).BindInt(next_id - 1).Run();
  });
}

}  // namespace quorum::sqlite
