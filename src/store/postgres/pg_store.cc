// PgStore: opening, the read and write paths every method takes, and the workspace methods.
#include "store/postgres/pg_store.h"

#include <string>
#include <utility>

#include "store/postgres/open_postgres_store.h"
#include "store/postgres/pg_error.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_url.h"

namespace quorum {

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const Clock& clock) {
  QUORUM_ASSIGN_OR_RETURN(postgres::PgUrl parsed, postgres::ParsePgUrl(url));
  auto pool = std::make_unique<postgres::PgPool>(parsed.conninfo, parsed.pool_size);
  {
    QUORUM_ASSIGN_OR_RETURN(postgres::PgPool::Lease connection, pool->Acquire());
    Status migrated = postgres::MigratePostgres(*connection, clock.NowMs());
    if (!migrated.ok()) {
      Error error = std::move(migrated).error();
      error.message = "opening database '" + postgres::RedactPassword(url) + "': " + error.message;
      return error;
    }
  }
  return std::unique_ptr<Store>(std::make_unique<postgres::PgStore>(std::move(pool), clock));
}

}  // namespace quorum

namespace quorum::postgres {

Result<PgResult> PgStore::Exec(const char* sql, const Params& params) {
  QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
  return connection->Exec(sql, params);
}

Status PgStore::InTransaction(const Write& write) {
  return RunTransaction([&](PgConnection& connection) -> Status {
    QUORUM_RETURN_IF_ERROR(connection.Run("BEGIN"));
    QUORUM_RETURN_IF_ERROR(write(connection));
    return connection.Run("COMMIT");
  });
}

Status PgStore::RunTransaction(const Write& transaction) {
  constexpr int kAttempts = 5;
  QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
  for (int attempt = 1;; ++attempt) {
    Status written = transaction(*connection);
    if (written.ok()) return written;
    if (connection->healthy() && connection->InTransaction()) (void)connection->Run("ROLLBACK");
    if (attempt == kAttempts || !IsRetryable(written.error())) return written;
  }
}

Result<Workspace> PgStore::CreateWorkspace(std::string_view name) {
  Workspace workspace{0, std::string(name), clock_.NowMs()};
  QUORUM_ASSIGN_OR_RETURN(PgResult inserted, Exec(kInsertWorkspace, Params().Text(workspace.name).Int(workspace.created_at_ms)));
  workspace.id = inserted.Int(0, 0);
  return workspace;
}

Result<Workspace> PgStore::GetWorkspace(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectWorkspace, Params().Int(id)));
  if (result.empty()) return MakeError(ErrorCode::kNotFound, "workspace " + std::to_string(id) + " not found");
  return ReadWorkspace(result, 0);
}

Result<std::vector<Workspace>> PgStore::ListWorkspaces() {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectWorkspaces));
  return ReadAll<Workspace>(result, ReadWorkspace);
}

}  // namespace quorum::postgres
