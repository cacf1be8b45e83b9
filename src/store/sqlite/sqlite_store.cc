// SqliteStore: opening, and the workspace methods.
#include "store/sqlite/sqlite_store.h"

#include <string>
#include <utility>

#include "store/sqlite/migrations.h"
#include "store/sqlite/open_sqlite_store.h"
#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"

namespace quorum {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock& clock) {
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Connection> connection, sqlite::Connection::Open(path));
  Status migrated = sqlite::Migrate(*connection, sqlite::Migrations(), clock.NowMs());
  if (!migrated.ok()) {
    Error error = std::move(migrated).error();
    error.message = "opening database '" + path + "': " + error.message;
    return error;
  }
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<sqlite::Checkpointer> checkpointer, sqlite::Checkpointer::Start(path));
  checkpointer->Watch(*connection);
  return std::unique_ptr<Store>(
      std::make_unique<sqlite::SqliteStore>(path, std::move(connection), std::move(checkpointer), clock));
}

}  // namespace quorum

namespace quorum::sqlite {

SqliteStore::SqliteStore(std::string path, std::unique_ptr<Connection> connection,
                         std::unique_ptr<Checkpointer> checkpointer, const Clock& clock)
    : path_(std::move(path)),
      clock_(clock),
      checkpointer_(std::move(checkpointer)),
      connection_(std::move(connection)) {}

Result<Workspace> SqliteStore::CreateWorkspace(std::string_view name) {
  Lock lock(mutex_);
  Workspace workspace{0, std::string(name), clock_.NowMs()};
  QUORUM_ASSIGN_OR_RETURN(Query insert, connection_->Use(kInsertWorkspace));
  QUORUM_RETURN_IF_ERROR(insert.BindText(workspace.name).BindInt(workspace.created_at_ms).Run());
  workspace.id = connection_->LastInsertRowid();
  return workspace;
}

Result<Workspace> SqliteStore::GetWorkspace(int64_t id) {
  Lock lock(mutex_);
  QUORUM_ASSIGN_OR_RETURN(Query query, connection_->Use(kSelectWorkspace));
  query.BindInt(id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, "workspace " + std::to_string(id) + " not found");
  return ReadWorkspace(query);
}

Result<std::vector<Workspace>> SqliteStore::ListWorkspaces() {
  Lock lock(mutex_);
  QUORUM_ASSIGN_OR_RETURN(Query query, connection_->Use(kSelectWorkspaces));
  std::vector<Workspace> workspaces;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return workspaces;
    workspaces.push_back(ReadWorkspace(query));
  }
}

}  // namespace quorum::sqlite
