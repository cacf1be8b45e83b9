// Every SQL text of the PostgreSQL backend except the migrations (pg_migrations.cc) and the
// distribution queue (pg_sql_distribution.h). Values are always bound parameters ($1..);
// nothing here is concatenated with data. Each SELECT lists its columns in the order the
// readers in pg_rows.h expect. Tables are named unqualified: the connection's search_path
// chooses the schema.
#pragma once

namespace quorum::postgres {

// Migrations. The advisory lock's key is one number ("quorum" in ASCII, shifted), a space of its
// own: the distribution's (project, annotator) locks use the two-number form.
inline constexpr char kLockMigrations[] = "SELECT pg_advisory_lock(7166474016519798784)";
inline constexpr char kUnlockMigrations[] = "SELECT pg_advisory_unlock(7166474016519798784)";
inline constexpr char kCreateSchemaVersion[] =
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)";
inline constexpr char kSchemaVersionTableExists[] = "SELECT to_regclass('schema_version')";
inline constexpr char kSelectSchemaVersion[] = "SELECT coalesce(max(version), 0) FROM schema_version";
inline constexpr char kInsertSchemaVersion[] = "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)";

// Workspaces: id, name, created_at.
inline constexpr char kInsertWorkspace[] = "INSERT INTO workspaces (name, created_at) VALUES ($1, $2) RETURNING id";
inline constexpr char kSelectWorkspace[] = "SELECT id, name, created_at FROM workspaces WHERE id = $1";
inline constexpr char kSelectWorkspaces[] = "SELECT id, name, created_at FROM workspaces ORDER BY id";

// Users: id, email, name, password_hash, tier, specializations_json, created_at.
inline constexpr char kInsertUser[] =
    "INSERT INTO users (email, name, password_hash, tier, specializations_json, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
// For the import batch: no error (which would end its transaction) when the email exists.
inline constexpr char kInsertUserIfNew[] =
    "INSERT INTO users (email, name, password_hash, tier, specializations_json, created_at) "
    "VALUES ($1, '', '', 0, '[]', $2) ON CONFLICT (email) DO NOTHING RETURNING id";
inline constexpr char kSelectUser[] =
    "SELECT id, email, name, password_hash, tier, specializations_json, created_at FROM users WHERE id = $1";
inline constexpr char kSelectUserByEmail[] =
    "SELECT id, email, name, password_hash, tier, specializations_json, created_at FROM users WHERE email = $1";
inline constexpr char kSelectUsers[] =
    "SELECT id, email, name, password_hash, tier, specializations_json, created_at FROM users ORDER BY id";
inline constexpr char kUpdateUser[] =
    "UPDATE users SET email = $1, name = $2, password_hash = $3, tier = $4, specializations_json = $5 WHERE id = $6";

// Memberships: workspace_id, user_id, role.
inline constexpr char kUpsertMembership[] =
    "INSERT INTO memberships (workspace_id, user_id, role) VALUES ($1, $2, $3) "
    "ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role";
inline constexpr char kSelectMemberships[] =
    "SELECT workspace_id, user_id, role FROM memberships WHERE workspace_id = $1 ORDER BY user_id";
inline constexpr char kSelectRole[] = "SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = $2";

// Projects: id, workspace_id, name, schema_json, guidelines, guideline_version, settings_json,
// created_at.
inline constexpr char kInsertProject[] =
    "INSERT INTO projects (workspace_id, name, schema_json, guidelines, guideline_version, settings_json, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
inline constexpr char kSelectProject[] =
    "SELECT id, workspace_id, name, schema_json, guidelines, guideline_version, settings_json, created_at "
    "FROM projects WHERE id = $1";
// ChangeProject's read: the row stays locked until the change commits.
inline constexpr char kSelectProjectForUpdate[] =
    "SELECT id, workspace_id, name, schema_json, guidelines, guideline_version, settings_json, created_at "
    "FROM projects WHERE id = $1 FOR UPDATE";
inline constexpr char kSelectProjects[] =
    "SELECT id, workspace_id, name, schema_json, guidelines, guideline_version, settings_json, created_at "
    "FROM projects ORDER BY id";
inline constexpr char kUpdateProject[] =
    "UPDATE projects SET workspace_id = $1, name = $2, schema_json = $3, guidelines = $4, guideline_version = $5, "
    "settings_json = $6 WHERE id = $7";
inline constexpr char kDeleteProject[] = "DELETE FROM projects WHERE id = $1";
inline constexpr char kSelectProjectWorkspace[] = "SELECT workspace_id FROM projects WHERE id = $1";

// Records: id, project_id, external_id, fields_json, metadata_json, gold_json, priority,
// created_at. An empty external id is stored as NULL, which UNIQUE ignores. The import batch
// takes ids from the records sequence in blocks and sends the rows with COPY.
inline constexpr char kNextRecordIds[] = "SELECT nextval('records_id_seq') FROM generate_series(1, $1)";
inline constexpr char kCopyRecords[] =
    "COPY records (id, project_id, external_id, fields_json, metadata_json, gold_json, priority, created_at) "
    "FROM STDIN";
inline constexpr char kSelectExternalIds[] =
    "SELECT external_id, id FROM records WHERE project_id = $1 AND external_id IS NOT NULL";
inline constexpr char kUpdateRecordImported[] =
    "UPDATE records SET fields_json = $1, metadata_json = $2, gold_json = $3, priority = $4 WHERE id = $5";
inline constexpr char kSelectRecord[] =
    "SELECT id, project_id, external_id, fields_json, metadata_json, gold_json, priority, created_at "
    "FROM records WHERE id = $1";
inline constexpr char kSelectRecordsAfter[] =
    "SELECT id, project_id, external_id, fields_json, metadata_json, gold_json, priority, created_at "
    "FROM records WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3";
inline constexpr char kCountRecords[] = "SELECT count(*) FROM records WHERE project_id = $1";
inline constexpr char kSelectRecordProject[] = "SELECT project_id FROM records WHERE id = $1";
inline constexpr char kUpdateRecord[] =
    "UPDATE records SET fields_json = $1, metadata_json = $2, gold_json = $3, priority = $4 WHERE id = $5";
inline constexpr char kDeleteRecord[] = "DELETE FROM records WHERE id = $1";

// Suggestions: id, record_id, question, value_json, score, agent.
inline constexpr char kCopySuggestions[] =
    "COPY suggestions (record_id, question, value_json, score, agent) FROM STDIN";
inline constexpr char kInsertSuggestion[] =
    "INSERT INTO suggestions (record_id, question, value_json, score, agent) VALUES ($1, $2, $3, $4, $5)";
inline constexpr char kSelectSuggestions[] =
    "SELECT id, record_id, question, value_json, score, agent FROM suggestions WHERE record_id = $1 ORDER BY id";
inline constexpr char kDeleteSuggestionsOfRecord[] = "DELETE FROM suggestions WHERE record_id = $1";
inline constexpr char kDeleteSuggestionsOfRecordFor[] =
    "DELETE FROM suggestions WHERE record_id = $1 AND question = $2 AND agent = $3";
// Locks the record's row, so concurrent upserts of its suggestions take turns.
inline constexpr char kLockRecord[] = "SELECT 1 FROM records WHERE id = $1 FOR UPDATE";

// Responses: id, record_id, user_id, values_json, status, time_spent_ms, guideline_version,
// created_at, updated_at. Inserting a response writes its first revision in the same
// statement. A second response of one user to one record inserts nothing (no row back):
// the caller reports the conflict without an error that would end its transaction.
inline constexpr char kInsertResponseWithRevision[] =
    "WITH response AS (INSERT INTO responses (record_id, user_id, values_json, status, time_spent_ms, "
    "guideline_version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) "
    "ON CONFLICT (record_id, user_id) DO NOTHING RETURNING id), "
    "revision AS (INSERT INTO revisions (response_id, user_id, at, values_json, status) "
    "SELECT id, $8, $7, $3, $4 FROM response) "
    "SELECT id FROM response";
inline constexpr char kUpdateResponseWithRevision[] =
    "WITH response AS (UPDATE responses SET values_json = $1, status = $2, time_spent_ms = $3, "
    "guideline_version = $4, updated_at = $5 WHERE id = $6 RETURNING id, record_id, user_id, created_at), "
    "revision AS (INSERT INTO revisions (response_id, user_id, at, values_json, status) "
    "SELECT id, $7, $5, $1, $2 FROM response) "
    "SELECT record_id, user_id, created_at FROM response";
// For the import batch: rows with times of their own, revisions written separately.
inline constexpr char kInsertResponse[] =
    "INSERT INTO responses (record_id, user_id, values_json, status, time_spent_ms, guideline_version, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
    "ON CONFLICT (record_id, user_id) DO NOTHING RETURNING id";
inline constexpr char kReplaceResponse[] =
    "UPDATE responses SET values_json = $1, status = $2, time_spent_ms = $3, guideline_version = $4, "
    "created_at = $5, updated_at = $6 WHERE id = $7";
inline constexpr char kSelectResponse[] =
    "SELECT id, record_id, user_id, values_json, status, time_spent_ms, guideline_version, created_at, updated_at "
    "FROM responses WHERE id = $1";
inline constexpr char kSelectResponsesOfRecord[] =
    "SELECT id, record_id, user_id, values_json, status, time_spent_ms, guideline_version, created_at, updated_at "
    "FROM responses WHERE record_id = $1 ORDER BY id";
inline constexpr char kSelectResponseId[] = "SELECT id FROM responses WHERE record_id = $1 AND user_id = $2";
inline constexpr char kSelectResponseOfUser[] =
    "SELECT id, record_id, user_id, values_json, status, time_spent_ms, guideline_version, created_at, updated_at "
    "FROM responses WHERE record_id = $1 AND user_id = $2";
inline constexpr char kDeleteResponse[] = "DELETE FROM responses WHERE id = $1";

// Revisions: id, response_id, user_id, at, values_json, status; oldest first is id order.
inline constexpr char kInsertRevision[] =
    "INSERT INTO revisions (response_id, user_id, at, values_json, status) VALUES ($1, $2, $3, $4, $5)";
inline constexpr char kSelectRevisions[] =
    "SELECT id, response_id, user_id, at, values_json, status FROM revisions WHERE response_id = $1 ORDER BY id";
inline constexpr char kCopyRevisions[] = "COPY revisions (response_id, user_id, at, values_json, status) FROM STDIN";
inline constexpr char kDeleteRevisionsOfResponse[] = "DELETE FROM revisions WHERE response_id = $1";

// Sessions: id_hash, user_id, csrf_token, created_at, expires_at. The insert also deletes the
// user's sessions that expired by its created_at (no sweeper needed).
inline constexpr char kInsertSession[] =
    "WITH purge AS (DELETE FROM sessions WHERE user_id = $2 AND expires_at <= $4) "
    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
// A live session, then its user's columns (as kSelectUser), then the user's role in workspace $1
// (NULL when not a member): $1 workspace_id, $2 id_hash, $3 now.
inline constexpr char kSelectLiveSessionCaller[] =
    "SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, "
    "u.id, u.email, u.name, u.password_hash, u.tier, u.specializations_json, u.created_at, "
    "(SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = s.user_id) "
    "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $2 AND s.expires_at > $3";
inline constexpr char kDeleteSession[] = "DELETE FROM sessions WHERE id_hash = $1";
inline constexpr char kDeleteSessionsOf[] = "DELETE FROM sessions WHERE user_id = $1";

// API tokens: id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked.
inline constexpr char kInsertToken[] =
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, last_used_at, revoked) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
// A token, then its user's columns (as kSelectUser), then the user's role in workspace $1 (NULL
// when not a member): $1 workspace_id, $2 token_hash.
inline constexpr char kSelectTokenCaller[] =
    "SELECT t.id, t.user_id, t.name, t.token_hash, t.prefix, t.created_at, t.last_used_at, t.revoked, "
    "u.id, u.email, u.name, u.password_hash, u.tier, u.specializations_json, u.created_at, "
    "(SELECT role FROM memberships WHERE workspace_id = $1 AND user_id = t.user_id) "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $2";
inline constexpr char kSelectTokensOf[] =
    "SELECT id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked FROM api_tokens "
    "WHERE user_id = $1 ORDER BY id";
inline constexpr char kTouchToken[] =
    "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)";
inline constexpr char kRevokeToken[] = "UPDATE api_tokens SET revoked = 1 WHERE id = $1 AND user_id = $2";

// FindRecords: kFindRecordsSelect, then the clauses of the filter members that are set, in the
// order declared here, then kFindRecordsOrder (pg_store_find_records.cc composes them and
// numbers the parameters). Metadata: the top-level key taken literally (->), equal when the
// canonical jsonb texts are equal: the same type and value, 3 matching 3 but not 3.0 or "3".
inline constexpr char kFindRecordsSelect[] =
    "SELECT r.id, r.project_id, r.external_id, r.fields_json, r.metadata_json, r.gold_json, r.priority, "
    "r.created_at FROM records r WHERE r.project_id = $1 AND r.id > $2";
inline constexpr char kFindRecordsWhereMetadata[] =
    " AND (r.metadata_json::jsonb -> $%d::text)::text = ($%d::text)::jsonb::text";
inline constexpr char kFindRecordsWhereAnnotator[] =
    " AND EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id AND p.user_id = $%d)";
inline constexpr char kFindRecordsWhereAnnotatorStatus[] =
    " AND EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id AND p.user_id = $%d AND p.status = $%d)";
inline constexpr char kFindRecordsWhereStatus[] =
    " AND EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id AND p.status = $%d)";
inline constexpr char kFindRecordsWhereUnanswered[] =
    " AND NOT EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id)";
inline constexpr char kFindRecordsWhereAnswered[] = " AND EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id)";
// ILIKE folds case by the database's rules (ASCII and, in UTF-8 databases, beyond).
inline constexpr char kFindRecordsWhereText[] = " AND r.fields_json ILIKE $%d ESCAPE '\\'";
inline constexpr char kFindRecordsOrder[] = " ORDER BY r.id LIMIT $%d";

// ScanProject: cursors over one project, each ordered by record id, read in one snapshot.
inline constexpr char kScanBegin[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
inline constexpr char kProjectExists[] = "SELECT 1 FROM projects WHERE id = $1";
inline constexpr char kDeclareScanRecords[] =
    "DECLARE scan_records NO SCROLL CURSOR FOR SELECT id, external_id, fields_json, metadata_json, gold_json, "
    "priority, created_at FROM records WHERE project_id = $1 ORDER BY id";
inline constexpr char kDeclareScanRecordsWithoutFields[] =
    "DECLARE scan_records NO SCROLL CURSOR FOR SELECT id, external_id, '', metadata_json, gold_json, "
    "priority, created_at FROM records WHERE project_id = $1 ORDER BY id";
inline constexpr char kDeclareScanSuggestions[] =
    "DECLARE scan_suggestions NO SCROLL CURSOR FOR SELECT s.record_id, s.question, s.value_json, s.score, s.agent "
    "FROM records r JOIN suggestions s ON s.record_id = r.id WHERE r.project_id = $1 ORDER BY r.id, s.id";
inline constexpr char kDeclareScanResponses[] =
    "DECLARE scan_responses NO SCROLL CURSOR FOR SELECT p.record_id, p.id, p.user_id, u.email, p.values_json, "
    "p.status, p.time_spent_ms, p.guideline_version, p.created_at, p.updated_at, v.verdict FROM records r "
    "JOIN responses p ON p.record_id = r.id JOIN users u ON u.id = p.user_id "
    "LEFT JOIN reviews v ON v.response_id = p.id WHERE r.project_id = $1 ORDER BY r.id, p.id";
inline constexpr char kDeclareScanResponsesLean[] =
    "DECLARE scan_responses NO SCROLL CURSOR FOR SELECT p.record_id, p.id, p.user_id, '', p.values_json, "
    "p.status, p.time_spent_ms, p.guideline_version, p.created_at, p.updated_at, v.verdict FROM records r "
    "JOIN responses p ON p.record_id = r.id LEFT JOIN reviews v ON v.response_id = p.id "
    "WHERE r.project_id = $1 ORDER BY r.id, p.id";
inline constexpr char kDeclareScanRevisions[] =
    "DECLARE scan_revisions NO SCROLL CURSOR FOR SELECT p.record_id, v.response_id, u.email, v.at, v.values_json, "
    "v.status FROM records r JOIN responses p ON p.record_id = r.id JOIN revisions v ON v.response_id = p.id "
    "JOIN users u ON u.id = v.user_id WHERE r.project_id = $1 ORDER BY r.id, p.id, v.id";

// Failed logins (the login rate limit every server shares; migration 4).
inline constexpr char kInsertLoginFailure[] = "INSERT INTO login_failures (account, address, at) VALUES ($1, $2, $3)";
inline constexpr char kForgetLoginFailures[] = "DELETE FROM login_failures WHERE at <= $1";
inline constexpr char kClearLoginFailuresOf[] = "DELETE FROM login_failures WHERE account = $1";
inline constexpr char kRecentLoginFailuresOfAccount[] =
    "SELECT at FROM login_failures WHERE account = $1 AND at > $2 ORDER BY at DESC LIMIT $3";
inline constexpr char kRecentLoginFailuresFromAddress[] =
    "SELECT at FROM login_failures WHERE address = $1 AND at > $2 ORDER BY at DESC LIMIT $3";

// Keeping ids (SetNextId, RecordRow::id, ResponseRow::id). $1 names a table's id sequence
// (`<table>_id_seq`, a fixed name from the code, passed as a value): the highest id the
// sequence has given out, and moving it up so the next is $2 + 1. The tables' own maximum is
// read separately (kLast*Id).
inline constexpr char kSequenceLast[] =
    "SELECT coalesce(last_value, 0) FROM pg_sequences "  // NULL until the sequence is first used
    "WHERE schemaname = current_schema() AND sequencename = $1";
inline constexpr char kSequenceRaise[] =
    "SELECT setval($1::text::regclass, greatest($2::bigint, (SELECT last_value FROM pg_sequences "
    "WHERE schemaname = current_schema() AND sequencename = $1::text)))";
inline constexpr char kLastWorkspaceId[] = "SELECT coalesce(max(id), 0) FROM workspaces";
inline constexpr char kLastUserId[] = "SELECT coalesce(max(id), 0) FROM users";
inline constexpr char kLastProjectId[] = "SELECT coalesce(max(id), 0) FROM projects";
inline constexpr char kLastApiTokenId[] = "SELECT coalesce(max(id), 0) FROM api_tokens";
inline constexpr char kLastRecordId[] = "SELECT coalesce(max(id), 0) FROM records";
inline constexpr char kLastResponseId[] = "SELECT coalesce(max(id), 0) FROM responses";
inline constexpr char kRecordIdExists[] = "SELECT 1 FROM records WHERE id = $1";
// A response imported with its id: any conflict (the id, or the user's answer to the record)
// inserts nothing, and the batch reports it.
inline constexpr char kInsertResponseWithId[] =
    "INSERT INTO responses (id, record_id, user_id, values_json, status, time_spent_ms, guideline_version, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id";

// Listings by page (TotalsOf, ListRecordsPage; the running counts come from
// pg_sql_distribution.h's kProgressCounts).
inline constexpr char kSelectRecordsPage[] =
    "SELECT id, project_id, external_id, fields_json, metadata_json, gold_json, priority, created_at "
    "FROM records WHERE project_id = $1 ORDER BY id OFFSET $2 LIMIT $3";
inline constexpr char kSumDiscarded[] = "SELECT coalesce(sum(discarded), 0) FROM annotator_progress WHERE project_id = $1";
// Distinct (record, agent) suggestion pairs of a project.
inline constexpr char kCountSuggestionSets[] =
    "SELECT count(*) FROM (SELECT DISTINCT s.record_id, s.agent FROM records r "
    "JOIN suggestions s ON s.record_id = r.id WHERE r.project_id = $1) sets";

}  // namespace quorum::postgres
