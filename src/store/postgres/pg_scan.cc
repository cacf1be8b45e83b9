// PgStore::ScanProject: a streaming merge of up to four server-side cursors ordered by record
// id (records, suggestions, responses, revisions), all in one REPEATABLE READ snapshot on a
// connection of the scan's own. Each cursor is read kFetchRows rows at a time, so memory stays
// a few batches whatever the project's size.
#include <optional>
#include <string>
#include <vector>

#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"
#include "store/project_scan_merge.h"

namespace quorum::postgres {
namespace {

// A cursor over one project whose first column is the record id, read a batch ahead (the
// merge's Cursor, project_scan_merge.h).
class Cursor {
 public:
  // `fetch` is the FETCH statement of the cursor, declared by the caller.
  Cursor(PgConnection& connection, const char* fetch) : connection_(connection), fetch_(fetch) {}

  Status Start() { return Advance(); }
  Status Advance() {
    if (++row_ < batch_.rows()) return OkStatus();
    if (done_) return OkStatus();
    QUORUM_ASSIGN_OR_RETURN(batch_, connection_.Query(fetch_));
    row_ = 0;
    done_ = batch_.empty();
    return OkStatus();
  }
  bool has_row() const { return row_ < batch_.rows(); }
  // True while the current row belongs to `record_id` (lower ids, which cannot occur, are skipped).
  Result<bool> At(int64_t record_id) {
    while (has_row() && batch_.Int(row_, 0) < record_id) QUORUM_RETURN_IF_ERROR(Advance());
    return has_row() && batch_.Int(row_, 0) == record_id;
  }
  std::string_view Text(int column) const { return batch_.Text(row_, column); }
  int64_t Int(int column) const { return batch_.Int(row_, column); }
  double Double(int column) const { return batch_.Double(row_, column); }
  bool IsNull(int column) const { return batch_.IsNull(row_, column); }

 private:
  PgConnection& connection_;
  const char* fetch_;
  PgResult batch_;
  int row_ = -1;
  bool done_ = false;
};

// The merge (project_scan_merge.h) over the declared cursors.
Status Merge(PgConnection& connection, const ScanParts& parts, ProjectVisitor& visitor) {
  Cursor records(connection, "FETCH 500 FROM scan_records"), responses(connection, "FETCH 2000 FROM scan_responses");
  std::optional<Cursor> suggestions, revisions;
  if (parts.suggestions) suggestions.emplace(connection, "FETCH 2000 FROM scan_suggestions");
  if (parts.revisions) revisions.emplace(connection, "FETCH 2000 FROM scan_revisions");
  Cursor* const suggestions_part = suggestions ? &*suggestions : nullptr;
  Cursor* const revisions_part = revisions ? &*revisions : nullptr;
  for (Cursor* cursor : {&records, &responses, suggestions_part, revisions_part})
    if (cursor != nullptr) QUORUM_RETURN_IF_ERROR(cursor->Start());
  return scan_merge::ProjectMerge<Cursor>(records, suggestions_part, responses, revisions_part).Run(visitor);
}

Status DeclareCursors(PgConnection& connection, int64_t project_id, const ScanParts& parts) {
  Params project = Params().Int(project_id);
  QUORUM_RETURN_IF_ERROR(connection.ExecOnce(parts.fields ? kDeclareScanRecords : kDeclareScanRecordsWithoutFields, project));
  const bool lean_responses = !parts.revisions && !parts.emails;
  QUORUM_RETURN_IF_ERROR(connection.ExecOnce(lean_responses ? kDeclareScanResponsesLean : kDeclareScanResponses, project));
  if (parts.suggestions) QUORUM_RETURN_IF_ERROR(connection.ExecOnce(kDeclareScanSuggestions, project));
  if (parts.revisions) QUORUM_RETURN_IF_ERROR(connection.ExecOnce(kDeclareScanRevisions, project));
  return OkStatus();
}

}  // namespace

Status PgStore::ScanProject(int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) {
  QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
  QUORUM_RETURN_IF_ERROR(connection->Run(kScanBegin));
  // The pool rolls back a connection returned inside a transaction, so every exit below ends
  // the snapshot and drops the cursors.
  QUORUM_ASSIGN_OR_RETURN(PgResult exists, connection->Exec(kProjectExists, Params().Int(project_id)));
  if (exists.empty()) return MakeError(ErrorCode::kNotFound, "project " + std::to_string(project_id) + " not found");
  QUORUM_RETURN_IF_ERROR(DeclareCursors(*connection, project_id, parts));
  QUORUM_RETURN_IF_ERROR(Merge(*connection, parts, visitor));
  return connection->Run("COMMIT");
}

}  // namespace quorum::postgres
