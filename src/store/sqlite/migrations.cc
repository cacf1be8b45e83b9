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

// Version 2: login sessions, API tokens, and what the first FIFO next-record needed to skip
// completed records (version 3 turns it into the distribution queue).
// Sessions and tokens go with their user. record_progress holds, for every record, how many
// submitted responses it has, kept exact by triggers (so every writer, the import batch
// included, maintains it) and filled here for existing records. The next record sought it by
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

// Version 3: the distribution engine (src/dist). record_progress becomes each record's queue
// entry: `held` live reservations, `taken` = submitted + held (the places gone: a record with
// taken >= overlap is handed out no more), `discarded`, whether it is `gold`, and copies of what
// orders and filters the queue (priority, the uncertainty score the pre-labelling writes,
// `shuffle`, a fixed pseudo-random permutation of ids for the random order, and the metadata
// requirements `min_tier` and `specialization`), so that choosing a record is a seek in the
// queue_open index, never a scan. That one index serves every ordering through `order_key`,
// which follows the ordering recorded for the project in queue_orders (no row: fifo, the id):
// -priority, -uncertainty (unscored: 1e300), shuffle or the id. One index rather than one per
// ordering keeps a hand-out to a few pages and an import to one index insert; changing a
// project's ordering rewrites its keys once (Reserve does it when it meets the new ordering). `reservations` holds every record handed to a user, for
// ever (an annotator never gets a record twice); `live` = 1 rows hold a place until
// `expires_at` (then 0). A response that is submitted or discarded spends its author's hold
// (live = 2); a submission that spends a hold leaves `taken` as it was, so the queue indexes,
// which all hold `taken`, are not rewritten (fewer pages per commit). A response without
// a reservation (imported) adds a spent one. progress_counts (records per project, gold flag and
// submitted count) and annotator_progress (per annotator and project) make the progress figures
// a few row reads. Every count is kept by triggers, so the import batch keeps them too.
constexpr char kSchemaV3[] = R"sql(
ALTER TABLE record_progress ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_progress ADD COLUMN taken INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_progress ADD COLUMN discarded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_progress ADD COLUMN gold INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_progress ADD COLUMN priority REAL NOT NULL DEFAULT 0;
ALTER TABLE record_progress ADD COLUMN uncertainty REAL;
ALTER TABLE record_progress ADD COLUMN shuffle INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_progress ADD COLUMN order_key REAL NOT NULL DEFAULT 0;
ALTER TABLE record_progress ADD COLUMN min_tier INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_progress ADD COLUMN specialization TEXT NOT NULL DEFAULT '';
UPDATE record_progress SET
  taken = submitted,
  discarded = (SELECT count(*) FROM responses p WHERE p.record_id = record_progress.record_id AND p.status = 'discarded'),
  shuffle = (record_id * 2654435761) % 4294967296,
  order_key = record_id;
UPDATE record_progress SET (gold, priority, min_tier, specialization) = (
  SELECT r.gold_json NOT IN ('{}', ''), r.priority,
         coalesce(CAST(json_extract(r.metadata_json, '$.min_tier') AS INTEGER), 0),
         coalesce(CAST(json_extract(r.metadata_json, '$.specialization') AS TEXT), '')
  FROM records r WHERE r.id = record_progress.record_id);
DROP INDEX record_progress_next;
CREATE INDEX queue_open ON record_progress (project_id, gold, taken, order_key, record_id);
CREATE INDEX queue_gold ON record_progress (project_id, shuffle) WHERE gold = 1;
CREATE TABLE queue_orders (
  project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  ordering TEXT NOT NULL
);

CREATE TABLE reservations (
  record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  project_id INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  live INTEGER NOT NULL CHECK (live IN (0, 1, 2)),  -- 1 live, 0 ran out, 2 answered
  PRIMARY KEY (record_id, user_id)
) WITHOUT ROWID;
CREATE INDEX reservations_live_user ON reservations (user_id, project_id) WHERE live = 1;
CREATE INDEX reservations_live_expiry ON reservations (project_id, expires_at) WHERE live = 1;
INSERT INTO reservations (record_id, user_id, project_id, expires_at, live)
  SELECT p.record_id, p.user_id, r.project_id, 0, 2 FROM responses p JOIN records r ON r.id = p.record_id;

CREATE TABLE progress_counts (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  gold INTEGER NOT NULL,
  submitted INTEGER NOT NULL,
  records INTEGER NOT NULL,
  PRIMARY KEY (project_id, gold, submitted)
) WITHOUT ROWID;
INSERT INTO progress_counts (project_id, gold, submitted, records)
  SELECT project_id, gold, submitted, count(*) FROM record_progress GROUP BY project_id, gold, submitted;

CREATE TABLE annotator_progress (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  served INTEGER NOT NULL DEFAULT 0,
  gold_served INTEGER NOT NULL DEFAULT 0,
  submitted INTEGER NOT NULL DEFAULT 0,
  discarded INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, user_id)
) WITHOUT ROWID;
INSERT INTO annotator_progress (project_id, user_id, submitted, discarded)
  SELECT r.project_id, p.user_id, sum(p.status = 'submitted'), sum(p.status = 'discarded')
  FROM responses p JOIN records r ON r.id = p.record_id GROUP BY r.project_id, p.user_id;

DROP TRIGGER records_progress;
DROP TRIGGER responses_progress_insert;
DROP TRIGGER responses_progress_delete;
DROP TRIGGER responses_progress_update;
CREATE TRIGGER records_progress AFTER INSERT ON records BEGIN
  INSERT INTO record_progress (record_id, project_id, submitted, gold, priority, shuffle, order_key, min_tier,
                               specialization)
  VALUES (NEW.id, NEW.project_id, 0, NEW.gold_json NOT IN ('{}', ''), NEW.priority,
          (NEW.id * 2654435761) % 4294967296,
          CASE (SELECT ordering FROM queue_orders WHERE project_id = NEW.project_id)
            WHEN 'priority' THEN -NEW.priority WHEN 'uncertainty' THEN 1e300
            WHEN 'random' THEN (NEW.id * 2654435761) % 4294967296 ELSE NEW.id END,
          coalesce(CAST(json_extract(NEW.metadata_json, '$.min_tier') AS INTEGER), 0),
          coalesce(CAST(json_extract(NEW.metadata_json, '$.specialization') AS TEXT), ''));
END;
CREATE TRIGGER records_queue_update AFTER UPDATE OF gold_json, priority, metadata_json ON records BEGIN
  UPDATE record_progress SET gold = NEW.gold_json NOT IN ('{}', ''), priority = NEW.priority,
    order_key = CASE (SELECT ordering FROM queue_orders WHERE project_id = NEW.project_id)
      WHEN 'priority' THEN -NEW.priority ELSE order_key END,
    min_tier = coalesce(CAST(json_extract(NEW.metadata_json, '$.min_tier') AS INTEGER), 0),
    specialization = coalesce(CAST(json_extract(NEW.metadata_json, '$.specialization') AS TEXT), '')
  WHERE record_id = NEW.id;
END;
CREATE TRIGGER progress_counts_insert AFTER INSERT ON record_progress BEGIN
  INSERT INTO progress_counts (project_id, gold, submitted, records) VALUES (NEW.project_id, NEW.gold, NEW.submitted, 1)
  ON CONFLICT (project_id, gold, submitted) DO UPDATE SET records = records + 1;
END;
CREATE TRIGGER progress_counts_update AFTER UPDATE OF submitted, gold ON record_progress
  WHEN OLD.submitted <> NEW.submitted OR OLD.gold <> NEW.gold BEGIN
  UPDATE progress_counts SET records = records - 1
  WHERE project_id = OLD.project_id AND gold = OLD.gold AND submitted = OLD.submitted;
  INSERT INTO progress_counts (project_id, gold, submitted, records) VALUES (NEW.project_id, NEW.gold, NEW.submitted, 1)
  ON CONFLICT (project_id, gold, submitted) DO UPDATE SET records = records + 1;
END;
CREATE TRIGGER progress_counts_delete AFTER DELETE ON record_progress BEGIN
  UPDATE progress_counts SET records = records - 1
  WHERE project_id = OLD.project_id AND gold = OLD.gold AND submitted = OLD.submitted;
END;
CREATE TRIGGER reservations_hold AFTER INSERT ON reservations WHEN NEW.live = 1 BEGIN
  UPDATE record_progress SET held = held + 1, taken = taken + 1 WHERE record_id = NEW.record_id;
  INSERT INTO annotator_progress (project_id, user_id, served, gold_served)
  SELECT NEW.project_id, NEW.user_id, 1, gold FROM record_progress WHERE record_id = NEW.record_id
  ON CONFLICT (project_id, user_id) DO UPDATE SET served = served + 1, gold_served = gold_served + excluded.gold_served;
END;
CREATE TRIGGER reservations_release AFTER UPDATE OF live ON reservations WHEN OLD.live = 1 AND NEW.live = 0 BEGIN
  UPDATE record_progress SET held = held - 1, taken = taken - 1 WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER reservations_delete AFTER DELETE ON reservations WHEN OLD.live = 1 BEGIN
  UPDATE record_progress SET held = held - 1, taken = taken - 1 WHERE record_id = OLD.record_id;
END;
CREATE TRIGGER responses_progress_insert AFTER INSERT ON responses WHEN NEW.status <> 'draft' BEGIN
  UPDATE record_progress SET submitted = submitted + 1, held = held - 1
  WHERE record_id = NEW.record_id AND NEW.status = 'submitted'
    AND EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = NEW.record_id AND r.user_id = NEW.user_id AND r.live = 1);
  UPDATE record_progress SET submitted = submitted + (NEW.status = 'submitted'),
    discarded = discarded + (NEW.status = 'discarded'),
    held = held - EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = NEW.record_id AND r.user_id = NEW.user_id AND r.live = 1),
    taken = taken + (NEW.status = 'submitted') - EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = NEW.record_id AND r.user_id = NEW.user_id AND r.live = 1)
  WHERE record_id = NEW.record_id AND NOT (NEW.status = 'submitted' AND EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = NEW.record_id AND r.user_id = NEW.user_id AND r.live = 1));
  UPDATE reservations SET live = 2 WHERE record_id = NEW.record_id AND user_id = NEW.user_id AND live = 1;
  INSERT INTO annotator_progress (project_id, user_id, submitted, discarded)
  SELECT project_id, NEW.user_id, NEW.status = 'submitted', NEW.status = 'discarded'
  FROM record_progress WHERE record_id = NEW.record_id
  ON CONFLICT (project_id, user_id) DO UPDATE SET submitted = submitted + excluded.submitted,
    discarded = discarded + excluded.discarded;
END;
CREATE TRIGGER responses_handed_out AFTER INSERT ON responses BEGIN
  INSERT OR IGNORE INTO reservations (record_id, user_id, project_id, expires_at, live)
  SELECT NEW.record_id, NEW.user_id, project_id, 0, 2 FROM record_progress WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER responses_progress_update AFTER UPDATE OF status ON responses WHEN OLD.status <> NEW.status BEGIN
  UPDATE record_progress SET submitted = submitted + 1, held = held - 1
  WHERE record_id = NEW.record_id AND NEW.status = 'submitted'
    AND EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = NEW.record_id AND r.user_id = NEW.user_id AND r.live = 1);
  UPDATE record_progress SET
    submitted = submitted + (NEW.status = 'submitted') - (OLD.status = 'submitted'),
    discarded = discarded + (NEW.status = 'discarded') - (OLD.status = 'discarded'),
    held = held - (NEW.status <> 'draft' AND EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = NEW.record_id AND r.user_id = NEW.user_id AND r.live = 1)),
    taken = taken + (NEW.status = 'submitted') - (OLD.status = 'submitted')
      - (NEW.status <> 'draft' AND EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = NEW.record_id AND r.user_id = NEW.user_id AND r.live = 1))
  WHERE record_id = NEW.record_id AND NOT (NEW.status = 'submitted' AND EXISTS (SELECT 1 FROM reservations r WHERE r.record_id = NEW.record_id AND r.user_id = NEW.user_id AND r.live = 1));
  UPDATE reservations SET live = 2
  WHERE record_id = NEW.record_id AND user_id = NEW.user_id AND live = 1 AND NEW.status <> 'draft';
  UPDATE annotator_progress SET
    submitted = submitted + (NEW.status = 'submitted') - (OLD.status = 'submitted'),
    discarded = discarded + (NEW.status = 'discarded') - (OLD.status = 'discarded')
  WHERE user_id = NEW.user_id AND project_id = (SELECT project_id FROM record_progress WHERE record_id = NEW.record_id);
END;
CREATE TRIGGER responses_progress_delete AFTER DELETE ON responses WHEN OLD.status <> 'draft' BEGIN
  UPDATE record_progress SET submitted = submitted - (OLD.status = 'submitted'),
    taken = taken - (OLD.status = 'submitted'), discarded = discarded - (OLD.status = 'discarded')
  WHERE record_id = OLD.record_id;
  UPDATE annotator_progress SET submitted = submitted - (OLD.status = 'submitted'),
    discarded = discarded - (OLD.status = 'discarded')
  WHERE user_id = OLD.user_id AND project_id = (SELECT project_id FROM record_progress WHERE record_id = OLD.record_id);
END;
)sql";

// Failed logins, so that every server on one database counts the same ones (the login rate
// limit).
constexpr char kSchemaV4[] = R"sql(
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  account TEXT NOT NULL,
  address TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account, at);
CREATE INDEX login_failures_address ON login_failures (address, at);
CREATE INDEX login_failures_at ON login_failures (at);
)sql";

// Version 5: gold tallies for the suspension rule. Each (record, user) hand-out row keeps the
// grade of that user's submitted answer to a gold record (set by SaveResponseWithin); triggers
// keep annotator_progress's sums exact when a grade changes, a response is deleted or a record
// goes. A reinstatement copies the sums into the *_before columns: the rule counts only what
// came after.
constexpr char kSchemaV5[] = R"sql(
ALTER TABLE reservations ADD COLUMN gold_answered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reservations ADD COLUMN gold_correct INTEGER NOT NULL DEFAULT 0;
ALTER TABLE annotator_progress ADD COLUMN gold_answered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE annotator_progress ADD COLUMN gold_correct INTEGER NOT NULL DEFAULT 0;
ALTER TABLE annotator_progress ADD COLUMN gold_answered_before INTEGER NOT NULL DEFAULT 0;
ALTER TABLE annotator_progress ADD COLUMN gold_correct_before INTEGER NOT NULL DEFAULT 0;
ALTER TABLE annotator_progress ADD COLUMN reinstated_at INTEGER;
CREATE TRIGGER reservations_gold_update AFTER UPDATE OF gold_answered, gold_correct ON reservations BEGIN
  UPDATE annotator_progress SET gold_answered = gold_answered + NEW.gold_answered - OLD.gold_answered,
    gold_correct = gold_correct + NEW.gold_correct - OLD.gold_correct
  WHERE project_id = NEW.project_id AND user_id = NEW.user_id;
END;
CREATE TRIGGER reservations_gold_delete AFTER DELETE ON reservations WHEN OLD.gold_answered > 0 BEGIN
  UPDATE annotator_progress SET gold_answered = gold_answered - OLD.gold_answered,
    gold_correct = gold_correct - OLD.gold_correct
  WHERE project_id = OLD.project_id AND user_id = OLD.user_id;
END;
CREATE TRIGGER responses_gold_delete AFTER DELETE ON responses BEGIN
  UPDATE reservations SET gold_answered = 0, gold_correct = 0
  WHERE record_id = OLD.record_id AND user_id = OLD.user_id AND gold_answered > 0;
END;
)sql";

// Version 6: reviews. A response's current review (one per response: a new one replaces it),
// gone with the response (and so with its record), and cleared by a trigger when the
// response's values or status change: the verdict judged what the response was.
constexpr char kSchemaV6[] = R"sql(
CREATE TABLE reviews (
  response_id INTEGER PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
  comment TEXT NOT NULL,
  reviewer_id INTEGER NOT NULL REFERENCES users (id),
  reviewed_at INTEGER NOT NULL
);
CREATE TRIGGER responses_review_stale AFTER UPDATE OF values_json, status ON responses
  WHEN OLD.values_json IS NOT NEW.values_json OR OLD.status IS NOT NEW.status BEGIN
  DELETE FROM reviews WHERE response_id = NEW.id;
END;
)sql";

constexpr Migration kMigrations[] = {
    {1, "workspaces, users, projects, records, suggestions, responses, revisions", kSchemaV1},
    {2, "sessions, api tokens, record progress", kSchemaV2},
    {3, "distribution: record queue, reservations, progress counts", kSchemaV3},
    {4, "failed logins", kSchemaV4},
    {5, "gold tallies for the suspension rule", kSchemaV5},
    {6, "reviews", kSchemaV6},
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
