#include "store/postgres/pg_migrations.h"

#include <string>

#include "store/postgres/pg_sql.h"

namespace quorum::postgres {
namespace {

// Version 1: the first schema (see the SQLite migrations for the reasons). BIGSERIAL ids come
// from sequences, which never go back: ids are not reused after a delete. JSON is kept as the
// text the caller wrote (exports hand it back byte for byte); queries that look inside cast it
// to jsonb.
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE workspaces (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  tier INTEGER NOT NULL,
  specializations_json TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE memberships (
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'reviewer', 'annotator')),
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);
CREATE TABLE projects (
  id BIGSERIAL PRIMARY KEY,
  workspace_id BIGINT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  schema_json TEXT NOT NULL,
  guidelines TEXT NOT NULL,
  guideline_version INTEGER NOT NULL,
  settings_json TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX projects_workspace ON projects (workspace_id);
CREATE TABLE records (
  id BIGSERIAL PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  external_id TEXT,
  fields_json TEXT NOT NULL,
  metadata_json TEXT NOT NULL,
  gold_json TEXT NOT NULL,
  priority DOUBLE PRECISION NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (project_id, external_id)
);
CREATE INDEX records_project_id ON records (project_id, id);
CREATE TABLE suggestions (
  id BIGSERIAL PRIMARY KEY,
  record_id BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  question TEXT NOT NULL,
  value_json TEXT NOT NULL,
  score DOUBLE PRECISION,
  agent TEXT NOT NULL
);
CREATE INDEX suggestions_record ON suggestions (record_id);
CREATE TABLE responses (
  id BIGSERIAL PRIMARY KEY,
  record_id BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  values_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'discarded')),
  time_spent_ms BIGINT NOT NULL,
  guideline_version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (record_id, user_id)
);
CREATE INDEX responses_record_status ON responses (record_id, status);
CREATE INDEX responses_user_status ON responses (user_id, status);
CREATE TABLE revisions (
  id BIGSERIAL PRIMARY KEY,
  response_id BIGINT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  at BIGINT NOT NULL,
  values_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'discarded'))
);
CREATE INDEX revisions_response ON revisions (response_id);
)sql";

// Version 2: login sessions and API tokens.
constexpr char kSchemaV2[] = R"sql(
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id BIGSERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
)sql";

// Version 3: the distribution queue, as in SQLite's migration 3 (read its comment for the
// design): record_progress is each record's queue entry with counts (submitted, discarded,
// held, taken = submitted + held), the gold flag, sort keys and requirements; reservations
// keep every hand-out; progress_counts and annotator_progress make progress figures a few row
// reads. plpgsql triggers keep every count exact, so COPY and the import batch keep them too.
// Triggers that change the same rows as their statement's other rows are row-level and
// AFTER, so each sees the effects of the earlier rows' triggers.
constexpr char kSchemaV3[] = R"sql(
CREATE FUNCTION queue_min_tier(metadata TEXT) RETURNS INTEGER LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  tier JSONB := metadata::jsonb -> 'min_tier';
BEGIN
  IF tier IS NULL THEN RETURN 0; END IF;
  CASE jsonb_typeof(tier)
    WHEN 'number' THEN RETURN trunc((tier #>> '{}')::numeric)::integer;
    WHEN 'boolean' THEN RETURN CASE WHEN (tier #>> '{}')::boolean THEN 1 ELSE 0 END;
    WHEN 'string' THEN
      BEGIN
        RETURN trunc((tier #>> '{}')::numeric)::integer;
      EXCEPTION WHEN others THEN
        RETURN 0;  -- as SQLite's CAST of a non-numeric text
      END;
    ELSE RETURN 0;
  END CASE;
END $$;
CREATE FUNCTION queue_specialization(metadata TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(metadata::jsonb ->> 'specialization', '')
$$;

CREATE TABLE queue_orders (
  project_id BIGINT PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  ordering TEXT NOT NULL
);
CREATE TABLE record_progress (
  record_id BIGINT PRIMARY KEY REFERENCES records (id) ON DELETE CASCADE,
  project_id BIGINT NOT NULL,
  submitted INTEGER NOT NULL DEFAULT 0,
  held INTEGER NOT NULL DEFAULT 0,
  taken INTEGER NOT NULL DEFAULT 0,
  discarded INTEGER NOT NULL DEFAULT 0,
  gold INTEGER NOT NULL DEFAULT 0,
  priority DOUBLE PRECISION NOT NULL DEFAULT 0,
  uncertainty DOUBLE PRECISION,
  shuffle BIGINT NOT NULL DEFAULT 0,
  order_key DOUBLE PRECISION NOT NULL DEFAULT 0,
  min_tier INTEGER NOT NULL DEFAULT 0,
  specialization TEXT NOT NULL DEFAULT ''
);
CREATE INDEX queue_open ON record_progress (project_id, gold, taken, order_key, record_id);
CREATE INDEX queue_gold ON record_progress (project_id, shuffle) WHERE gold = 1;

CREATE TABLE reservations (
  record_id BIGINT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  project_id BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  live INTEGER NOT NULL CHECK (live IN (0, 1, 2)),  -- 1 live, 0 ran out, 2 answered
  PRIMARY KEY (record_id, user_id)
);
CREATE INDEX reservations_live_user ON reservations (user_id, project_id) WHERE live = 1;
CREATE INDEX reservations_live_expiry ON reservations (project_id, expires_at) WHERE live = 1;

-- Split into 16 shards by record id: every submission in a project moves a record between two
-- (gold, submitted) counts, and one row per count would make all of a project's submissions
-- queue for its lock (held until their commits are flushed). ProgressOf sums the shards.
CREATE TABLE progress_counts (
  project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  gold INTEGER NOT NULL,
  submitted INTEGER NOT NULL,
  shard INTEGER NOT NULL,
  records BIGINT NOT NULL,
  PRIMARY KEY (project_id, gold, submitted, shard)
);
CREATE TABLE annotator_progress (
  project_id BIGINT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  served BIGINT NOT NULL DEFAULT 0,
  gold_served BIGINT NOT NULL DEFAULT 0,
  submitted BIGINT NOT NULL DEFAULT 0,
  discarded BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, user_id)
);

-- Statement-level, over the statement's new rows: a COPY of a million records adds their queue
-- entries in one INSERT and their progress counts in one upsert per (gold, submitted) pair. Row
-- by row, every record would update the same progress_counts row, and the versions a long
-- transaction piles on one row make each update slower than the last.
CREATE FUNCTION records_progress() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_progress (record_id, project_id, gold, priority, shuffle, order_key, min_tier, specialization)
  SELECT n.id, n.project_id, CASE WHEN n.gold_json NOT IN ('{}', '') THEN 1 ELSE 0 END, n.priority,
         (n.id * 2654435761) % 4294967296,
         CASE q.ordering WHEN 'priority' THEN -n.priority WHEN 'uncertainty' THEN 1e300
                         WHEN 'random' THEN (n.id * 2654435761) % 4294967296 ELSE n.id END,
         queue_min_tier(n.metadata_json), queue_specialization(n.metadata_json)
  FROM new_records n LEFT JOIN queue_orders q ON q.project_id = n.project_id;
  RETURN NULL;
END $$;
CREATE TRIGGER records_progress AFTER INSERT ON records REFERENCING NEW TABLE AS new_records
  FOR EACH STATEMENT EXECUTE FUNCTION records_progress();

CREATE FUNCTION records_queue_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE record_progress SET gold = CASE WHEN NEW.gold_json NOT IN ('{}', '') THEN 1 ELSE 0 END,
    priority = NEW.priority,
    order_key = CASE (SELECT ordering FROM queue_orders WHERE project_id = NEW.project_id)
      WHEN 'priority' THEN -NEW.priority ELSE order_key END,
    min_tier = queue_min_tier(NEW.metadata_json), specialization = queue_specialization(NEW.metadata_json)
  WHERE record_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER records_queue_update AFTER UPDATE OF gold_json, priority, metadata_json ON records
  FOR EACH ROW EXECUTE FUNCTION records_queue_update();

CREATE FUNCTION progress_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO progress_counts (project_id, gold, submitted, shard, records)
  SELECT project_id, gold, submitted, record_id % 16, count(*) FROM new_rows
  GROUP BY project_id, gold, submitted, record_id % 16
  ON CONFLICT (project_id, gold, submitted, shard) DO UPDATE SET records = progress_counts.records + excluded.records;
  RETURN NULL;
END $$;
CREATE TRIGGER progress_counts_insert AFTER INSERT ON record_progress REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION progress_counts_insert();
CREATE FUNCTION progress_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE progress_counts SET records = records - 1
  WHERE project_id = OLD.project_id AND gold = OLD.gold AND submitted = OLD.submitted AND shard = OLD.record_id % 16;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO progress_counts (project_id, gold, submitted, shard, records)
    VALUES (NEW.project_id, NEW.gold, NEW.submitted, NEW.record_id % 16, 1)
    ON CONFLICT (project_id, gold, submitted, shard) DO UPDATE SET records = progress_counts.records + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER progress_counts_update AFTER UPDATE OF submitted, gold ON record_progress
  FOR EACH ROW WHEN (OLD.submitted <> NEW.submitted OR OLD.gold <> NEW.gold) EXECUTE FUNCTION progress_counts_change();
CREATE TRIGGER progress_counts_delete AFTER DELETE ON record_progress
  FOR EACH ROW EXECUTE FUNCTION progress_counts_change();

CREATE FUNCTION reservations_hold() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  is_gold INTEGER;
BEGIN
  UPDATE record_progress SET held = held + 1, taken = taken + 1 WHERE record_id = NEW.record_id RETURNING gold INTO is_gold;
  INSERT INTO annotator_progress (project_id, user_id, served, gold_served)
  VALUES (NEW.project_id, NEW.user_id, 1, coalesce(is_gold, 0))
  ON CONFLICT (project_id, user_id) DO UPDATE SET served = annotator_progress.served + 1,
    gold_served = annotator_progress.gold_served + excluded.gold_served;
  RETURN NULL;
END $$;
CREATE TRIGGER reservations_hold AFTER INSERT ON reservations
  FOR EACH ROW WHEN (NEW.live = 1) EXECUTE FUNCTION reservations_hold();

CREATE FUNCTION reservations_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE record_progress SET held = held - 1, taken = taken - 1 WHERE record_id = OLD.record_id;
  RETURN NULL;
END $$;
CREATE TRIGGER reservations_release AFTER UPDATE OF live ON reservations
  FOR EACH ROW WHEN (OLD.live = 1 AND NEW.live = 0) EXECUTE FUNCTION reservations_release();
CREATE TRIGGER reservations_delete AFTER DELETE ON reservations
  FOR EACH ROW WHEN (OLD.live = 1) EXECUTE FUNCTION reservations_release();

-- A response's effect on its record's places. A submission that spends its author's live
-- reservation turns the hold into a submission (taken unchanged); otherwise a submission takes
-- a place. Submitting or discarding ends the author's reservation (live = 2).
CREATE FUNCTION responses_progress() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_status TEXT := CASE WHEN TG_OP = 'UPDATE' THEN OLD.status ELSE 'draft' END;
  live_hold INTEGER := 0;
  project BIGINT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO reservations (record_id, user_id, project_id, expires_at, live)
    SELECT NEW.record_id, NEW.user_id, p.project_id, 0, 2 FROM record_progress p WHERE p.record_id = NEW.record_id
    ON CONFLICT (record_id, user_id) DO NOTHING;
  END IF;
  IF NEW.status = old_status THEN RETURN NULL; END IF;
  IF NEW.status <> 'draft' THEN
    UPDATE reservations SET live = 2 WHERE record_id = NEW.record_id AND user_id = NEW.user_id AND live = 1;
    IF FOUND THEN live_hold := 1; END IF;
  END IF;
  UPDATE record_progress SET
    submitted = submitted + (NEW.status = 'submitted')::int - (old_status = 'submitted')::int,
    discarded = discarded + (NEW.status = 'discarded')::int - (old_status = 'discarded')::int,
    held = held - live_hold,
    taken = taken + (NEW.status = 'submitted')::int - (old_status = 'submitted')::int - live_hold
  WHERE record_id = NEW.record_id
  RETURNING project_id INTO project;
  IF project IS NOT NULL THEN
    INSERT INTO annotator_progress (project_id, user_id, submitted, discarded)
    VALUES (project, NEW.user_id, (NEW.status = 'submitted')::int - (old_status = 'submitted')::int,
            (NEW.status = 'discarded')::int - (old_status = 'discarded')::int)
    ON CONFLICT (project_id, user_id) DO UPDATE SET submitted = annotator_progress.submitted + excluded.submitted,
      discarded = annotator_progress.discarded + excluded.discarded;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER responses_progress_insert AFTER INSERT ON responses
  FOR EACH ROW EXECUTE FUNCTION responses_progress();
CREATE TRIGGER responses_progress_update AFTER UPDATE OF status ON responses
  FOR EACH ROW WHEN (OLD.status <> NEW.status) EXECUTE FUNCTION responses_progress();

CREATE FUNCTION responses_progress_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  project BIGINT;
BEGIN
  UPDATE record_progress SET submitted = submitted - (OLD.status = 'submitted')::int,
    taken = taken - (OLD.status = 'submitted')::int, discarded = discarded - (OLD.status = 'discarded')::int
  WHERE record_id = OLD.record_id
  RETURNING project_id INTO project;
  IF project IS NOT NULL THEN
    UPDATE annotator_progress SET submitted = submitted - (OLD.status = 'submitted')::int,
      discarded = discarded - (OLD.status = 'discarded')::int
    WHERE user_id = OLD.user_id AND project_id = project;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER responses_progress_delete AFTER DELETE ON responses
  FOR EACH ROW WHEN (OLD.status <> 'draft') EXECUTE FUNCTION responses_progress_delete();
)sql";

// Version 4: failed logins, so that every server on one database counts the same ones (the
// login rate limit).
constexpr char kSchemaV4[] = R"sql(
CREATE TABLE login_failures (
  id BIGSERIAL PRIMARY KEY,
  account TEXT NOT NULL,
  address TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account, at);
CREATE INDEX login_failures_address ON login_failures (address, at);
CREATE INDEX login_failures_at ON login_failures (at);
)sql";

// Version 5: gold tallies for the suspension rule (see the SQLite migration 5). Each (record,
// user) hand-out row keeps the grade of that user's submitted answer to a gold record;
// triggers keep annotator_progress's sums exact when a grade changes, a response is deleted or
// a record goes. A reinstatement copies the sums into the *_before columns.
constexpr char kSchemaV5[] = R"sql(
ALTER TABLE reservations ADD COLUMN gold_answered BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN gold_correct BIGINT NOT NULL DEFAULT 0;
ALTER TABLE annotator_progress ADD COLUMN gold_answered BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN gold_correct BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN gold_answered_before BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN gold_correct_before BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN reinstated_at BIGINT;

CREATE FUNCTION reservations_gold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE annotator_progress SET gold_answered = gold_answered + NEW.gold_answered - OLD.gold_answered,
      gold_correct = gold_correct + NEW.gold_correct - OLD.gold_correct
    WHERE project_id = NEW.project_id AND user_id = NEW.user_id;
  ELSE
    UPDATE annotator_progress SET gold_answered = gold_answered - OLD.gold_answered,
      gold_correct = gold_correct - OLD.gold_correct
    WHERE project_id = OLD.project_id AND user_id = OLD.user_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER reservations_gold_update AFTER UPDATE OF gold_answered, gold_correct ON reservations
  FOR EACH ROW WHEN (OLD.gold_answered <> NEW.gold_answered OR OLD.gold_correct <> NEW.gold_correct)
  EXECUTE FUNCTION reservations_gold();
CREATE TRIGGER reservations_gold_delete AFTER DELETE ON reservations
  FOR EACH ROW WHEN (OLD.gold_answered > 0) EXECUTE FUNCTION reservations_gold();

CREATE FUNCTION responses_gold_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reservations SET gold_answered = 0, gold_correct = 0
  WHERE record_id = OLD.record_id AND user_id = OLD.user_id AND gold_answered > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER responses_gold_delete AFTER DELETE ON responses FOR EACH ROW EXECUTE FUNCTION responses_gold_delete();
)sql";

// Version 6: reviews, as SQLite's version 6: one current review per response, gone with the
// response, cleared when the response's values or status change.
constexpr char kSchemaV6[] = R"sql(
CREATE TABLE reviews (
  response_id BIGINT PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
  verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
  comment TEXT NOT NULL,
  reviewer_id BIGINT NOT NULL REFERENCES users (id),
  reviewed_at BIGINT NOT NULL
);

CREATE FUNCTION responses_review_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM reviews WHERE response_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER responses_review_stale AFTER UPDATE OF values_json, status ON responses
  FOR EACH ROW WHEN (OLD.values_json IS DISTINCT FROM NEW.values_json OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION responses_review_stale();
)sql";

constexpr PgMigration kMigrations[] = {
    {1, "workspaces, users, projects, records, suggestions, responses, revisions", kSchemaV1},
    {2, "sessions, api tokens", kSchemaV2},
    {3, "distribution: record queue, reservations, progress counts", kSchemaV3},
    {4, "failed logins", kSchemaV4},
    {5, "gold tallies for the suspension rule", kSchemaV5},
    {6, "reviews", kSchemaV6},
};

Result<int> ReadVersion(PgConnection& connection) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, connection.Exec(kSelectSchemaVersion));
  return result.empty() ? 0 : static_cast<int>(result.Int(0, 0));
}

Status ApplyPending(PgConnection& connection, int64_t now_ms) {
  QUORUM_RETURN_IF_ERROR(connection.Run(kCreateSchemaVersion));
  QUORUM_ASSIGN_OR_RETURN(int version, ReadVersion(connection));
  const int latest = kMigrations[std::size(kMigrations) - 1].version;
  if (version > latest)
    return MakeError(ErrorCode::kIo, "the database has schema version " + std::to_string(version) +
                                         ", newer than this binary supports (" + std::to_string(latest) +
                                         "); use a newer quorum");
  for (const PgMigration& migration : kMigrations) {
    if (migration.version <= version) continue;
    // One transaction per migration: a failing step leaves the previous version whole.
    QUORUM_RETURN_IF_ERROR(connection.Run("BEGIN"));
    Status applied = connection.Run(migration.sql);
    if (applied.ok())
      applied = connection.Exec(kInsertSchemaVersion, Params().Int(migration.version).Int(now_ms)).ok()
                    ? connection.Run("COMMIT")
                    : MakeError(ErrorCode::kIo, "recording the schema version failed");
    if (!applied.ok()) {
      (void)connection.Run("ROLLBACK");
      Error error = std::move(applied).error();
      error.message = "migration " + std::to_string(migration.version) + " (" + migration.description +
                      ") failed: " + error.message;
      return error;
    }
  }
  return OkStatus();
}

}  // namespace

std::span<const PgMigration> PgMigrations() { return kMigrations; }

Status MigratePostgres(PgConnection& connection, int64_t now_ms) {
  // The lock is per database, not per schema: servers migrating different schemas of one
  // database take turns, which costs nothing once the schemas are current.
  QUORUM_RETURN_IF_ERROR(connection.Run(kLockMigrations));
  Status applied = ApplyPending(connection, now_ms);
  Status unlocked = connection.Run(kUnlockMigrations);
  if (!applied.ok()) return applied;
  return unlocked;
}

Result<int> PostgresSchemaVersion(PgConnection& connection) {
  QUORUM_ASSIGN_OR_RETURN(PgResult exists, connection.Exec(kSchemaVersionTableExists));
  if (exists.IsNull(0, 0)) return 0;
  return ReadVersion(connection);
}

}  // namespace quorum::postgres
