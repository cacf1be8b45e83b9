// SqliteStore::ScanProject: a streaming merge of up to four cursors ordered by record id (records,
// suggestions, responses, revisions), so an export costs four queries, not one per record. The
// parts a caller leaves out (ScanParts) are not queried at all.
#include <optional>
#include <string>
#include <vector>

#include "store/no_wait_scope.h"
#include "store/project_scan_merge.h"
#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

// The scan's connection reads each page once, in order: a page cache past a few pages buys
// nothing (the operating system's cache holds the file), and a full one would cost the process
// its size in memory (64 MiB on a read-write connection) until the scan ends.
constexpr char kPragmaScanSettings[] = "PRAGMA cache_size=-2048;";

// A query over one project whose first column is the record id, read one row ahead (the
// merge's Cursor, project_scan_merge.h).
class Cursor {
 public:
  explicit Cursor(Query query) : query_(std::move(query)) {}

  Status Start(int64_t project_id) {
    query_.BindInt(project_id);
    return Advance();
  }
  Status Advance() {
    QUORUM_ASSIGN_OR_RETURN(has_row_, query_.Step());
    return OkStatus();
  }
  bool has_row() const { return has_row_; }
  // True while the current row belongs to `record_id`. Rows of lower record ids cannot occur
  // (every cursor is ordered by record id and joined to the same records) but are skipped.
  Result<bool> At(int64_t record_id) {
    while (has_row_ && query_.Int(0) < record_id) QUORUM_RETURN_IF_ERROR(Advance());
    return has_row_ && query_.Int(0) == record_id;
  }
  std::string_view Text(int column) const { return query_.Text(column); }
  int64_t Int(int column) const { return query_.Int(column); }
  double Double(int column) const { return query_.Double(column); }
  bool IsNull(int column) const { return query_.IsNull(column); }

 private:
  Query query_;
  bool has_row_ = false;
};

Status ScanProjectOn(Connection& connection, int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) {
  {
    QUORUM_ASSIGN_OR_RETURN(Query exists, connection.Use(kProjectExists));
    QUORUM_ASSIGN_OR_RETURN(bool found, exists.BindInt(project_id).Step());
    if (!found) return MakeError(ErrorCode::kNotFound, "project " + std::to_string(project_id) + " not found");
  }
  // All the cursors read one snapshot: the connection's read transaction lasts while any of
  // them is active, and the records cursor, stepped first, is active until the end.
  QUORUM_ASSIGN_OR_RETURN(Query records, connection.Use(parts.fields ? kScanRecords : kScanRecordsWithoutFields));
  const bool lean_responses = !parts.revisions && !parts.emails;
  QUORUM_ASSIGN_OR_RETURN(Query responses, connection.Use(lean_responses ? kScanResponsesLean : kScanResponses));
  Cursor records_cursor(std::move(records)), responses_cursor(std::move(responses));
  std::optional<Cursor> suggestions, revisions;
  if (parts.suggestions) {
    QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kScanSuggestions));
    suggestions.emplace(std::move(query));
  }
  if (parts.revisions) {
    QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kScanRevisions));
    revisions.emplace(std::move(query));
  }
  Cursor* const suggestions_part = suggestions ? &*suggestions : nullptr;
  Cursor* const revisions_part = revisions ? &*revisions : nullptr;
  for (Cursor* cursor : {&records_cursor, &responses_cursor, suggestions_part, revisions_part})
    if (cursor != nullptr) QUORUM_RETURN_IF_ERROR(cursor->Start(project_id));
  return scan_merge::ProjectMerge<Cursor>(records_cursor, suggestions_part, responses_cursor, revisions_part).Run(visitor);
}

}  // namespace

Status SqliteStore::ScanProject(int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) {
  if (NoWaitScope::Refuse()) return Refused();  // a scan is a long read
  // An in-memory database exists only on the writer connection.
  if (path_ == ":memory:") {
    Lock lock(writer_mutex_);
    return ScanProjectOn(*writer_, project_id, visitor, parts);
  }
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Connection> reader, Connection::Open(path_, Access::kReadOnly));
  QUORUM_RETURN_IF_ERROR(reader->Exec(kPragmaScanSettings));
  return ScanProjectOn(*reader, project_id, visitor, parts);
}

}  // namespace quorum::sqlite
