// Every SQL text of the SQLite backend except the migrations (migrations.cc). Values are always
// bound parameters (?); nothing here is ever concatenated with data. Each SELECT lists its
// columns in the order the readers in sqlite_rows.h (or the scan) expect.
#pragma once

namespace quorum::sqlite {

// Connection set-up. page_size applies only to a new database and must come first. 4 KiB pages
// (SQLite's default): every write of the annotation cycle touches a few pages in several
// B-trees, and each page is copied whole into its savepoint's journal and written whole to the
// WAL. Measured with bench_dist (100,000 records, 16 threads): 4,588 cycles/s with 16 KiB pages,
// 6,120-6,355 with 8 KiB, 6,877-7,053 with 4 KiB. Bulk import and export run at the same speed
// (bench_import_export), but 1.5 KB records take a quarter more disk (two to a 4 KiB page where
// ten fill a 16 KiB one). A database created with other pages keeps them.
// synchronous=FULL fsyncs the WAL at every commit: an acknowledged write survives kill -9 and
// power loss (the store's own writer trades it for WalSync, below). cache_size is in KiB when
// negative: 64 MiB per connection, however large the database. journal_size_limit truncates the
// WAL after a checkpoint that followed a bulk import, instead of keeping a gigabyte file around.
inline constexpr char kPragmaPageSize[] = "PRAGMA page_size=4096";
inline constexpr char kPragmaPageSizeValue[] = "PRAGMA page_size";
inline constexpr char kPragmaJournalModeWal[] = "PRAGMA journal_mode=WAL";
inline constexpr char kPragmaSettings[] =
    "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; "
    "PRAGMA journal_size_limit=67108864;";
// The store's writer commits without an fsync and syncs the WAL itself afterwards (WalSync).
inline constexpr char kPragmaSynchronousNormal[] = "PRAGMA synchronous=NORMAL";
// Read-write connections keep savepoint journals in memory. Every group-committed write runs in
// a savepoint, which copies each page it first touches (a dozen or so pages for a response):
// past SQLite's 64 KiB in-memory limit that went to a temporary file created and deleted for
// every write, which cost more than the commit itself. Released savepoints free their copies;
// the one write that may touch a great many pages, DeleteProject, runs alone without one.
inline constexpr char kPragmaWriterSettings[] = "PRAGMA temp_store=MEMORY;";
// Read-only connections (the store's reader pool) keep a smaller page cache of their own: there
// are several of them, and the operating system's page cache already holds the hot pages.
inline constexpr char kPragmaReaderSettings[] = "PRAGMA cache_size=-16384; PRAGMA query_only=ON;";

// Transactions.
inline constexpr char kBeginImmediate[] = "BEGIN IMMEDIATE";
inline constexpr char kBeginDeferred[] = "BEGIN DEFERRED";
inline constexpr char kCommit[] = "COMMIT";
inline constexpr char kRollback[] = "ROLLBACK";
inline constexpr char kSavepoint[] = "SAVEPOINT quorum_nested";
inline constexpr char kReleaseSavepoint[] = "RELEASE quorum_nested";
inline constexpr char kRollbackToSavepoint[] = "ROLLBACK TO quorum_nested";

// Schema versions (see migrations.h).
inline constexpr char kCreateSchemaVersion[] =
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)";
inline constexpr char kSchemaVersionTableExists[] =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
inline constexpr char kSelectSchemaVersion[] = "SELECT coalesce(max(version), 0) FROM schema_version";
inline constexpr char kInsertSchemaVersion[] = "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)";

// Workspaces: id, name, created_at.
inline constexpr char kInsertWorkspace[] = "INSERT INTO workspaces (name, created_at) VALUES (?, ?)";
inline constexpr char kSelectWorkspace[] = "SELECT id, name, created_at FROM workspaces WHERE id = ?";
inline constexpr char kSelectWorkspaces[] = "SELECT id, name, created_at FROM workspaces ORDER BY id";

// Users: id, email, name, password_hash, tier, specializations_json, created_at.
inline constexpr char kInsertUser[] =
    "INSERT INTO users (email, name, password_hash, tier, specializations_json, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
inline constexpr char kSelectUser[] =
    "SELECT id, email, name, password_hash, tier, specializations_json, created_at FROM users WHERE id = ?";
inline constexpr char kSelectUserByEmail[] =
    "SELECT id, email, name, password_hash, tier, specializations_json, created_at FROM users WHERE email = ?";
inline constexpr char kSelectUsers[] =
    "SELECT id, email, name, password_hash, tier, specializations_json, created_at FROM users ORDER BY id";
inline constexpr char kUpdateUser[] =
    "UPDATE users SET email = ?, name = ?, password_hash = ?, tier = ?, specializations_json = ? WHERE id = ?";

// Memberships: workspace_id, user_id, role.
inline constexpr char kUpsertMembership[] =
    "INSERT INTO memberships (workspace_id, user_id, role) VALUES (?, ?, ?) "
    "ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role";
inline constexpr char kSelectMemberships[] =
    "SELECT workspace_id, user_id, role FROM memberships WHERE workspace_id = ? ORDER BY user_id";
inline constexpr char kSelectRole[] = "SELECT role FROM memberships WHERE workspace_id = ? AND user_id = ?";

// Projects: id, workspace_id, name, schema_json, guidelines, guideline_version, settings_json,
// created_at.
inline constexpr char kInsertProject[] =
    "INSERT INTO projects (workspace_id, name, schema_json, guidelines, guideline_version, settings_json, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
inline constexpr char kSelectProject[] =
    "SELECT id, workspace_id, name, schema_json, guidelines, guideline_version, settings_json, created_at "
    "FROM projects WHERE id = ?";
inline constexpr char kSelectProjects[] =
    "SELECT id, workspace_id, name, schema_json, guidelines, guideline_version, settings_json, created_at "
    "FROM projects ORDER BY id";
inline constexpr char kUpdateProject[] =
    "UPDATE projects SET workspace_id = ?, name = ?, schema_json = ?, guidelines = ?, guideline_version = ?, "
    "settings_json = ? WHERE id = ?";
inline constexpr char kDeleteProject[] = "DELETE FROM projects WHERE id = ?";
inline constexpr char kProjectExists[] = "SELECT 1 FROM projects WHERE id = ?";
inline constexpr char kSelectProjectWorkspace[] = "SELECT workspace_id FROM projects WHERE id = ?";

// Records: id, project_id, external_id, fields_json, metadata_json, gold_json, priority,
// created_at. An empty external id is stored as NULL, which UNIQUE ignores. Ids are assigned by
// the import batch: the next after both the largest id ever committed and the largest present.
inline constexpr char kNextRecordId[] =
    "SELECT max(coalesce((SELECT last_id FROM sequences WHERE name = 'records'), 0), "
    "coalesce((SELECT max(id) FROM records), 0)) + 1";
inline constexpr char kSaveLastRecordId[] =
    "INSERT INTO sequences (name, last_id) VALUES ('records', ?) "
    "ON CONFLICT (name) DO UPDATE SET last_id = max(last_id, excluded.last_id)";
inline constexpr char kInsertRecord[] =
    "INSERT INTO records (id, project_id, external_id, fields_json, metadata_json, gold_json, priority, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr char kUpdateRecordByExternalId[] =
    "UPDATE records SET fields_json = ?, metadata_json = ?, gold_json = ?, priority = ? "
    "WHERE project_id = ? AND external_id = ? RETURNING id";
inline constexpr char kSelectRecord[] =
    "SELECT id, project_id, external_id, fields_json, metadata_json, gold_json, priority, created_at "
    "FROM records WHERE id = ?";
inline constexpr char kSelectRecordsAfter[] =
    "SELECT id, project_id, external_id, fields_json, metadata_json, gold_json, priority, created_at "
    "FROM records WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?";
inline constexpr char kCountRecords[] = "SELECT count(*) FROM records WHERE project_id = ?";
// The records from position `offset` in id order: the offset is stepped in the covering
// (project_id, id) index, and only the page's rows are read.
inline constexpr char kSelectRecordsPage[] =
    "SELECT id, project_id, external_id, fields_json, metadata_json, gold_json, priority, created_at "
    "FROM records WHERE project_id = ? AND id >= "
    "(SELECT id FROM records WHERE project_id = ? ORDER BY id LIMIT 1 OFFSET ?) ORDER BY id LIMIT ?";
// Discarded responses of a project, from the per-annotator running counts.
inline constexpr char kSumDiscarded[] = "SELECT coalesce(sum(discarded), 0) FROM annotator_progress WHERE project_id = ?";
// Distinct (record, agent) suggestion pairs of a project, grouped per record in index order.
inline constexpr char kCountSuggestionSets[] =
    "SELECT coalesce(sum(agents), 0) FROM (SELECT count(DISTINCT s.agent) AS agents FROM records r "
    "JOIN suggestions s ON s.record_id = r.id WHERE r.project_id = ? GROUP BY r.id)";
inline constexpr char kSelectRecordProject[] = "SELECT project_id FROM records WHERE id = ?";

// Suggestions: id, record_id, question, value_json, score, agent.
inline constexpr char kInsertSuggestion[] =
    "INSERT INTO suggestions (record_id, question, value_json, score, agent) VALUES (?, ?, ?, ?, ?)";
inline constexpr char kSelectSuggestions[] =
    "SELECT id, record_id, question, value_json, score, agent FROM suggestions WHERE record_id = ? ORDER BY id";
inline constexpr char kDeleteSuggestionsOfRecord[] = "DELETE FROM suggestions WHERE record_id = ?";
inline constexpr char kDeleteSuggestionsOfRecordFor[] =
    "DELETE FROM suggestions WHERE record_id = ? AND question = ? AND agent = ?";
inline constexpr char kRecordExists[] = "SELECT 1 FROM records WHERE id = ?";
inline constexpr char kUpdateRecord[] =
    "UPDATE records SET fields_json = ?, metadata_json = ?, gold_json = ?, priority = ? WHERE id = ?";
// The cascade takes suggestions, responses, revisions and record_progress along; the response
// triggers keep record_progress exact when a single response goes.
inline constexpr char kDeleteRecord[] = "DELETE FROM records WHERE id = ?";
inline constexpr char kDeleteResponse[] = "DELETE FROM responses WHERE id = ?";

// Responses: id, record_id, user_id, values_json, status, time_spent_ms, guideline_version,
// created_at, updated_at.
inline constexpr char kInsertResponse[] =
    "INSERT INTO responses (record_id, user_id, values_json, status, time_spent_ms, guideline_version, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr char kUpdateResponse[] =
    "UPDATE responses SET values_json = ?, status = ?, time_spent_ms = ?, guideline_version = ?, updated_at = ? "
    "WHERE id = ? RETURNING record_id, user_id, created_at";
inline constexpr char kReplaceResponse[] =
    "UPDATE responses SET values_json = ?, status = ?, time_spent_ms = ?, guideline_version = ?, created_at = ?, "
    "updated_at = ? WHERE id = ?";
inline constexpr char kSelectResponse[] =
    "SELECT id, record_id, user_id, values_json, status, time_spent_ms, guideline_version, created_at, updated_at "
    "FROM responses WHERE id = ?";
inline constexpr char kSelectResponsesOfRecord[] =
    "SELECT id, record_id, user_id, values_json, status, time_spent_ms, guideline_version, created_at, updated_at "
    "FROM responses WHERE record_id = ? ORDER BY id";
inline constexpr char kSelectResponseId[] = "SELECT id FROM responses WHERE record_id = ? AND user_id = ?";
inline constexpr char kSelectResponseOfUser[] =
    "SELECT id, record_id, user_id, values_json, status, time_spent_ms, guideline_version, created_at, updated_at "
    "FROM responses WHERE record_id = ? AND user_id = ?";

// Revisions: id, response_id, user_id, at, values_json, status. Oldest first means in the
// order written (id), which is also the order an import hands them over.
inline constexpr char kInsertRevision[] =
    "INSERT INTO revisions (response_id, user_id, at, values_json, status) VALUES (?, ?, ?, ?, ?)";
inline constexpr char kSelectRevisions[] =
    "SELECT id, response_id, user_id, at, values_json, status FROM revisions WHERE response_id = ? ORDER BY id";
inline constexpr char kDeleteRevisionsOfResponse[] = "DELETE FROM revisions WHERE response_id = ?";
inline constexpr char kMaxRevisionId[] = "SELECT coalesce(max(id), 0) FROM revisions";
inline constexpr char kResponseHasRevisionAfter[] =
    "SELECT EXISTS (SELECT 1 FROM revisions WHERE response_id = ? AND id > ?)";

// FindRecords: kFindRecordsSelect, then the clauses of the filter members that are set, in the
// order they are declared here, then kFindRecordsOrder (sqlite_find_records_sql.cc composes
// them). Parameters, bound in that order: project_id, after_id; metadata key, metadata value;
// annotator id; status; the LIKE pattern; limit. Values are never part of the text.
inline constexpr char kFindRecordsSelect[] =
    "SELECT r.id, r.project_id, r.external_id, r.fields_json, r.metadata_json, r.gold_json, r.priority, "
    "r.created_at FROM records r WHERE r.project_id = ? AND r.id > ?";
// Top-level keys come from json_each, so a key holding dots, quotes or brackets needs no JSON
// path quoting. Equal means the same JSON type and the same value (objects and arrays compare
// as their minified text). Named parameters: the value is used twice but bound once.
inline constexpr char kFindRecordsWhereMetadata[] =
    " AND EXISTS (SELECT 1 FROM json_each(r.metadata_json) AS m WHERE m.key = :metadata_key "
    "AND m.type = json_type(:metadata_value) AND m.value IS json_extract(:metadata_value, '$'))";
inline constexpr char kFindRecordsWhereAnnotator[] =
    " AND EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id AND p.user_id = ?)";
inline constexpr char kFindRecordsWhereAnnotatorStatus[] =
    " AND EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id AND p.user_id = ? AND p.status = ?)";
inline constexpr char kFindRecordsWhereStatus[] =
    " AND EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id AND p.status = ?)";
inline constexpr char kFindRecordsWhereUnanswered[] =
    " AND NOT EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id)";
inline constexpr char kFindRecordsWhereAnswered[] = " AND EXISTS (SELECT 1 FROM responses p WHERE p.record_id = r.id)";
inline constexpr char kFindRecordsWhereText[] = " AND r.fields_json LIKE ? ESCAPE '\\'";
inline constexpr char kFindRecordsOrder[] = " ORDER BY r.id LIMIT ?";

// Sessions: id_hash, user_id, csrf_token, created_at, expires_at. A session is live while
// now < expires_at.
inline constexpr char kInsertSession[] =
    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)";
inline constexpr char kDeleteExpiredSessionsOf[] = "DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?";
// A live session, then its user's columns (as kSelectUser), then the user's role in a workspace
// (NULL when not a member): workspace_id, id_hash, now.
inline constexpr char kSelectLiveSessionCaller[] =
    "SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, "
    "u.id, u.email, u.name, u.password_hash, u.tier, u.specializations_json, u.created_at, "
    "(SELECT role FROM memberships WHERE workspace_id = ? AND user_id = s.user_id) "
    "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND s.expires_at > ?";
inline constexpr char kDeleteSession[] = "DELETE FROM sessions WHERE id_hash = ?";
inline constexpr char kDeleteSessionsOf[] = "DELETE FROM sessions WHERE user_id = ?";

// API tokens: id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked.
inline constexpr char kInsertToken[] =
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, last_used_at, revoked) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
// A token, then its user's columns (as kSelectUser), then the user's role in a workspace (NULL
// when not a member): workspace_id, token_hash.
inline constexpr char kSelectTokenCaller[] =
    "SELECT t.id, t.user_id, t.name, t.token_hash, t.prefix, t.created_at, t.last_used_at, t.revoked, "
    "u.id, u.email, u.name, u.password_hash, u.tier, u.specializations_json, u.created_at, "
    "(SELECT role FROM memberships WHERE workspace_id = ? AND user_id = t.user_id) "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?";
inline constexpr char kSelectTokensOf[] =
    "SELECT id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked FROM api_tokens "
    "WHERE user_id = ? ORDER BY id";
// Only moves the use time forward, and only past the coarse interval: concurrent uses of one
// token write at most once.
inline constexpr char kTouchToken[] =
    "UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)";
inline constexpr char kRevokeToken[] = "UPDATE api_tokens SET revoked = 1 WHERE id = ? AND user_id = ?";

// ScanProject: four cursors over one project, each ordered by record id, merged in memory.
// Records: id, external_id, fields_json, metadata_json, gold_json, priority, created_at.
inline constexpr char kScanRecords[] =
    "SELECT id, external_id, fields_json, metadata_json, gold_json, priority, created_at "
    "FROM records WHERE project_id = ? ORDER BY id";
// The same without the fields (ScanParts::fields false): an empty text in their place.
inline constexpr char kScanRecordsWithoutFields[] =
    "SELECT id, external_id, '', metadata_json, gold_json, priority, created_at "
    "FROM records WHERE project_id = ? ORDER BY id";
// Suggestions: record_id, question, value_json, score, agent.
inline constexpr char kScanSuggestions[] =
    "SELECT s.record_id, s.question, s.value_json, s.score, s.agent "
    "FROM records r JOIN suggestions s ON s.record_id = r.id WHERE r.project_id = ? ORDER BY r.id, s.id";
// Responses: record_id, id, user_id, email, values_json, status, time_spent_ms,
// guideline_version, created_at, updated_at, and the review's verdict (NULL when none).
inline constexpr char kScanResponses[] =
    "SELECT p.record_id, p.id, p.user_id, u.email, p.values_json, p.status, p.time_spent_ms, p.guideline_version, "
    "p.created_at, p.updated_at, v.verdict FROM records r JOIN responses p ON p.record_id = r.id "
    "JOIN users u ON u.id = p.user_id LEFT JOIN reviews v ON v.response_id = p.id WHERE r.project_id = ? "
    "ORDER BY r.id, p.id";
// The same columns for a scan without revisions or emails: no join to users (an empty email),
// and a record's responses in index order rather than by id (nothing pairs them with revisions).
inline constexpr char kScanResponsesLean[] =
    "SELECT p.record_id, p.id, p.user_id, '', p.values_json, p.status, p.time_spent_ms, p.guideline_version, "
    "p.created_at, p.updated_at, v.verdict FROM records r JOIN responses p ON p.record_id = r.id "
    "LEFT JOIN reviews v ON v.response_id = p.id WHERE r.project_id = ? ORDER BY r.id";
// Revisions: record_id, response_id, email, at, values_json, status.
inline constexpr char kScanRevisions[] =
    "SELECT p.record_id, v.response_id, u.email, v.at, v.values_json, v.status "
    "FROM records r JOIN responses p ON p.record_id = r.id JOIN revisions v ON v.response_id = p.id "
    "JOIN users u ON u.id = v.user_id WHERE r.project_id = ? ORDER BY r.id, p.id, v.id";

// Failed logins (the login rate limit every server shares).
inline constexpr char kInsertLoginFailure[] = "INSERT INTO login_failures (account, address, at) VALUES (?, ?, ?)";
inline constexpr char kForgetLoginFailures[] = "DELETE FROM login_failures WHERE at <= ?";
inline constexpr char kClearLoginFailuresOf[] = "DELETE FROM login_failures WHERE account = ?";
inline constexpr char kRecentLoginFailuresOfAccount[] =
    "SELECT at FROM login_failures WHERE account = ? AND at > ? ORDER BY at DESC LIMIT ?";
inline constexpr char kRecentLoginFailuresFromAddress[] =
    "SELECT at FROM login_failures WHERE address = ? AND at > ? ORDER BY at DESC LIMIT ?";

// Keeping ids (SetNextId): the highest id each AUTOINCREMENT table has given out, and setting it.
inline constexpr char kLastWorkspaceId[] =
    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'workspaces'), 0), "
    "coalesce((SELECT max(id) FROM workspaces), 0))";
inline constexpr char kLastUserId[] =
    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'users'), 0), "
    "coalesce((SELECT max(id) FROM users), 0))";
inline constexpr char kLastProjectId[] =
    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'projects'), 0), "
    "coalesce((SELECT max(id) FROM projects), 0))";
inline constexpr char kLastApiTokenId[] =
    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'api_tokens'), 0), "
    "coalesce((SELECT max(id) FROM api_tokens), 0))";
inline constexpr char kLastRecordId[] =
    "SELECT max(coalesce((SELECT last_id FROM sequences WHERE name = 'records'), 0), "
    "coalesce((SELECT max(id) FROM records), 0))";
inline constexpr char kLastResponseId[] =
    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'responses'), 0), "
    "coalesce((SELECT max(id) FROM responses), 0))";
inline constexpr char kDeleteSequence[] = "DELETE FROM sqlite_sequence WHERE name = ?";
inline constexpr char kInsertSequence[] = "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)";
// A response imported with its id (ResponseRow::id); the columns of kInsertResponse after it.
inline constexpr char kInsertResponseWithId[] =
    "INSERT INTO responses (id, record_id, user_id, values_json, status, time_spent_ms, guideline_version, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

}  // namespace quorum::sqlite
