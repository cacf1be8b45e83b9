#include "store/sqlite/migrations.h"

#include <string>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_transaction.h"

namespace quorum::sqlite {
namespace {

// Version 1: the first schema. Ids that callers hold on to (URLs, browser tabs, reservations)
// are never handed out again after a delete: AUTOINCREMENT for the low-volume tables; for
// records, where AUTOINCREMENT's per-row bookkeeping made a bulk import a third slower, the
// import batch assigns ids itself from the `sequences` high-water mark, updated once per batch.
// Suggestion ids may be reused after a delete: nothing refers to a suggestion by id.
// Every table below projects cascades on delete; users are never deleted while they have
// responses.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE workspaces (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  tier INTEGER NOT NULL,
  specializations_json TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE memberships (
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'reviewer', 'annotator')),
  PRIMARY KEY (workspace_id, user_id)
) WITHOUT ROWID;
CREATE INDEX memberships_user ON memberships (user_id);
CREATE TABLE projects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  workspace_id INTEGER NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  schema_json TEXT NOT NULL,
  guidelines TEXT NOT NULL,
  guideline_version INTEGER NOT NULL,
  settings_json TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX projects_workspace ON projects (workspace_id);
CREATE TABLE sequences (
  name TEXT PRIMARY KEY,
  last_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  external_id TEXT,
  fields_json TEXT NOT NULL,
  metadata_json TEXT NOT NULL,
  gold_json TEXT NOT NULL,
  priority REAL NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (project_id, external_id)
);
CREATE INDEX records_project_id ON records (project_id, id);
CREATE INDEX records_project_priority ON records (project_id, priority);
CREATE TABLE suggestions (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  value_json TEXT NOT NULL,
  score REAL,
  agent TEXT NOT NULL
);
CREATE INDEX suggestions_record ON suggestions (record_id);
CREATE TABLE responses (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  values_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'discarded')),
  time_spent_ms INTEGER NOT NULL,
  guideline_version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (record_id, user_id)
);
CREATE INDEX responses_record_status ON responses (record_id, status);
CREATE INDEX responses_user_status ON responses (user_id, status);
CREATE TABLE revisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  at INTEGER NOT NULL,
  values_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'discarded'))
);
CREATE INDEX revisions_response ON revisions (response_id);
)sql";

// Version 2: login sessions, API tokens, and what NextRecordFor needs to skip completed records.
// Sessions and tokens go with their user. record_progress holds, for every record, how many
// submitted responses it has, kept exact by triggers (so every writer, the import batch
// included, maintains it) and filled here for existing records. NextRecordFor seeks it by
// (project, count) instead of walking every completed record of a project; its rows are narrow,
// so the update a submission causes dirties a small page, not the record's wide one.
constexpr char kSchemaV2[] = R"sql(
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
CREATE TABLE record_progress (
  record_id INTEGER PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL,
  submitted INTEGER NOT NULL
);
CREATE INDEX record_progress_next ON record_progress (project_id, submitted);
INSERT INTO record_progress (record_id, project_id, submitted)
  SELECT r.id, r.project_id, (SELECT count(*) FROM responses p WHERE p.record_id = r.id AND p.status = 'submitted')
  FROM records r;
CREATE TRIGGER records_progress AFTER INSERT ON records BEGIN
  INSERT INTO record_progress (record_id, project_id, submitted) VALUES (NEW.id, NEW.project_id, 0);
END;
CREATE TRIGGER responses_progress_insert AFTER INSERT ON responses WHEN NEW.status = 'submitted' BEGIN
  UPDATE record_progress SET submitted = submitted + 1 WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER responses_progress_delete AFTER DELETE ON responses WHEN OLD.status = 'submitted' BEGIN
  UPDATE record_progress SET submitted = submitted - 1 WHERE record_id = OLD.record_id;
END;
CREATE TRIGGER responses_progress_update AFTER UPDATE OF status ON responses
  WHEN (OLD.status = 'submitted') <> (NEW.status = 'submitted') BEGIN
  UPDATE record_progress SET submitted = submitted + (CASE WHEN NEW.status = 'submitted' THEN 1 ELSE -1 END)
  WHERE record_id = NEW.record_id;
END;
)sql";

constexpr Migration kMigrations[] = {
    {1, "workspaces, users, projects, records, suggestions, responses, revisions", kSchemaV1},
    {2, "sessions, api tokens, record progress", kSchemaV2},
};

Result<int> ReadVersion(Connection& connection) {
  QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kSelectSchemaVersion));
  QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
  return has_row ? static_cast<int>(query.Int(0)) : 0;
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

Status Migrate(Connection& connection, std::span<const Migration> migrations, int64_t now_ms) {
  // One transaction: a crash or a failing step leaves the previous version whole. IMMEDIATE
  // also keeps two processes opening a fresh database from both applying version 1.
  QUORUM_ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(connection));
  QUORUM_RETURN_IF_ERROR(connection.Exec(kCreateSchemaVersion));
  QUORUM_ASSIGN_OR_RETURN(int version, ReadVersion(connection));
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (version > latest)
    return MakeError(ErrorCode::kIo, "the database has schema version " + std::to_string(version) +
                                         ", newer than this binary supports (" + std::to_string(latest) +
                                         "); use a newer quorum");
  for (const Migration& migration : migrations) {
    if (migration.version <= version) continue;
    Status applied = connection.Exec(migration.sql);
    if (!applied.ok()) {
      Error error = std::move(applied).error();
      error.message = "migration " + std::to_string(migration.version) + " (" + migration.description +
                      ") failed: " + error.message;
      return error;
    }
    QUORUM_ASSIGN_OR_RETURN(Query record, connection.Use(kInsertSchemaVersion));
    QUORUM_RETURN_IF_ERROR(record.BindInt(migration.version).BindInt(now_ms).Run());
  }
  return transaction.Commit();
}

Result<int> SchemaVersion(Connection& connection) {
  QUORUM_ASSIGN_OR_RETURN(Query exists, connection.Use(kSchemaVersionTableExists));
  QUORUM_ASSIGN_OR_RETURN(bool has_table, exists.Step());
  if (!has_table) return 0;
  return ReadVersion(connection);
}

}  // namespace quorum::sqlite
