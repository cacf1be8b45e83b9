// SqliteStore::SetNextId and LastId: quorum migrate keeps ids and goes on numbering where the
// original would have. Workspaces, users, projects, tokens and responses are AUTOINCREMENT,
// whose next id is one above their row in sqlite_sequence, a table SQLite lets one write;
// records take theirs from the `sequences` high-water mark the import batch keeps.
#include <string>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

struct IdTable {
  const char* name;
  const char* last_id_sql;
  bool own_sequence = false;  // records: the `sequences` table, not sqlite_sequence
};

IdTable TableOf(IdKind kind) {
  switch (kind) {
    case IdKind::kWorkspace: return {"workspaces", kLastWorkspaceId};
    case IdKind::kUser: return {"users", kLastUserId};
    case IdKind::kProject: return {"projects", kLastProjectId};
    case IdKind::kApiToken: return {"api_tokens", kLastApiTokenId};
    case IdKind::kRecord: return {"records", kLastRecordId, true};
    case IdKind::kResponse: return {"responses", kLastResponseId};
  }
  return {"workspaces", kLastWorkspaceId};
}

Result<int64_t> LastIdOf(Connection& connection, const IdTable& table) {
  QUORUM_ASSIGN_OR_RETURN(Query last, connection.Use(table.last_id_sql));
  QUORUM_ASSIGN_OR_RETURN(bool has_row, last.Step());
  return has_row ? last.Int(0) : 0;
}

}  // namespace

Result<int64_t> SqliteStore::LastId(IdKind kind) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  return LastIdOf(reading.connection(), TableOf(kind));
}

Status SqliteStore::SetNextId(IdKind kind, int64_t next_id) {
  const IdTable table = TableOf(kind);
  if (next_id < 1) return MakeError(ErrorCode::kInvalid, "next id of " + std::string(table.name) + " must be positive");
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(int64_t last_id, LastIdOf(connection, table));
    if (last_id >= next_id)
      return MakeError(ErrorCode::kConflict, std::string(table.name) + " has given out ids up to " +
                                                 std::to_string(last_id) + "; the next cannot be " +
                                                 std::to_string(next_id));
    if (table.own_sequence) {
      QUORUM_ASSIGN_OR_RETURN(Query save, connection.Use(kSaveLastRecordId));
      return save.BindInt(next_id - 1).Run();
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
