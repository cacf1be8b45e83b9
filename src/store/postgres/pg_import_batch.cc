#include "store/postgres/pg_import_batch.h"

#include <algorithm>

#include <charconv>
#include <string>
#include <utility>

#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"
#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

// Buffers are sent once they pass this size: large enough that COPY's per-call cost vanishes,
// small enough that a million-record import does not sit in memory.
constexpr size_t kFlushBytes = 4 << 20;
constexpr int kIdBlock = 1000;

std::string_view ObjectOrEmpty(std::string_view json) { return json.empty() ? std::string_view("{}") : json; }

std::string Number(int64_t value) { return std::to_string(value); }

std::string Number(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

}  // namespace

Result<std::unique_ptr<ImportBatch>> PgStore::BeginImport(int64_t project_id) {
  QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
  QUORUM_ASSIGN_OR_RETURN(PgResult project, connection->Exec(kSelectProjectWorkspace, Params().Int(project_id)));
  if (project.empty()) return MakeError(ErrorCode::kNotFound, "project " + std::to_string(project_id) + " not found");
  const int64_t workspace_id = project.Int(0, 0);
  QUORUM_RETURN_IF_ERROR(connection->Run("BEGIN"));
  return std::unique_ptr<ImportBatch>(
      std::make_unique<PgImportBatch>(std::move(connection), project_id, workspace_id, clock_.NowMs()));
}

PgImportBatch::PgImportBatch(PgPool::Lease connection, int64_t project_id, int64_t workspace_id, int64_t now_ms)
    : connection_(std::move(connection)), project_id_(project_id), workspace_id_(workspace_id), now_ms_(now_ms) {}

PgImportBatch::~PgImportBatch() {
  // An uncommitted batch rolls back (the pool would too; this says so where it matters).
  if (!spent_ && connection_->InTransaction()) (void)connection_->Run("ROLLBACK");
}

Status PgImportBatch::Usable() const {
  if (broken_) return MakeError(ErrorCode::kIo, "import batch aborted earlier: " + broken_->message);
  if (spent_) return MakeError(ErrorCode::kInvalid, "import batch already committed");
  return OkStatus();
}

Error PgImportBatch::Fail(Error error) {
  broken_ = error;
  (void)connection_->Run("ROLLBACK");
  return error;
}

Status PgImportBatch::Flush() {
  const std::pair<std::string*, const char*> buffers[] = {
      {&record_rows_, kCopyRecords}, {&suggestion_rows_, kCopySuggestions}, {&revision_rows_, kCopyRevisions}};
  for (const auto& [rows, copy_sql] : buffers) {
    if (rows->empty()) continue;
    Status sent = connection_->CopyIn(copy_sql, *rows);
    rows->clear();
    if (!sent.ok()) return Fail(std::move(sent).error());
  }
  return OkStatus();
}

Status PgImportBatch::FlushIfLarge() {
  if (record_rows_.size() + suggestion_rows_.size() + revision_rows_.size() < kFlushBytes) return OkStatus();
  return Flush();
}

Result<int64_t> PgImportBatch::NextRecordId() {
  while (true) {
    if (free_ids_.empty()) {
      QUORUM_RETURN_IF_ERROR(RaiseSequences());
      Result<PgResult> block = connection_->Exec(kNextRecordIds, Params().Int(kIdBlock));
      if (!block.ok()) return Fail(std::move(block).error());
      // Handed out from the back: smallest first, so ids follow the import order.
      for (int row = block->rows() - 1; row >= 0; --row) free_ids_.push_back(block->Int(row, 0));
      sequence_high_ = std::max(sequence_high_, free_ids_.front());
    }
    int64_t id = free_ids_.back();
    free_ids_.pop_back();
    if (!kept_record_ids_.contains(id)) return id;
  }
}

Status PgImportBatch::CheckKeptRecordId(int64_t id) {
  if (kept_record_ids_.contains(id))
    return MakeError(ErrorCode::kConflict, "record id " + std::to_string(id) + " is taken already");
  if (sequence_high_ < 0) {
    Result<PgResult> last = connection_->Exec(kSequenceLast, Params().Text("records_id_seq"));
    if (!last.ok()) return Fail(std::move(last).error());
    sequence_high_ = last->empty() || last->IsNull(0, 0) ? 0 : last->Int(0, 0);
  }
  // An id above every id the sequence gave and every id kept so far is free (the quorum
  // migrate case: ascending ids into an empty database); below, the table is asked.
  if (id <= std::max(sequence_high_, highest_kept_record_id_)) {
    QUORUM_RETURN_IF_ERROR(Flush());
    Result<PgResult> found = connection_->Exec(kRecordIdExists, Params().Int(id));
    if (!found.ok()) return Fail(std::move(found).error());
    if (!found->empty()) return MakeError(ErrorCode::kConflict, "record id " + std::to_string(id) + " is taken already");
  }
  return OkStatus();
}

Status PgImportBatch::RaiseSequences() {
  const std::pair<const char*, int64_t> raises[] = {{"records_id_seq", highest_kept_record_id_},
                                                    {"responses_id_seq", highest_kept_response_id_}};
  for (const auto& [sequence, highest] : raises) {
    if (highest == 0) continue;
    Result<PgResult> raised = connection_->Exec(kSequenceRaise, Params().Text(sequence).Int(highest));
    if (!raised.ok()) return Fail(std::move(raised).error());
  }
  return OkStatus();
}

Status PgImportBatch::LoadExternalIds() {
  if (external_ids_loaded_) return OkStatus();
  Result<PgResult> existing = connection_->Exec(kSelectExternalIds, Params().Int(project_id_));
  if (!existing.ok()) return Fail(std::move(existing).error());
  for (int row = 0; row < existing->rows(); ++row)
    external_ids_.emplace(std::string(existing->Text(row, 0)), existing->Int(row, 1));
  external_ids_loaded_ = true;
  return OkStatus();
}

Result<int64_t> PgImportBatch::PutRecord(const RecordRow& row, OnDuplicate on_duplicate) {
  QUORUM_RETURN_IF_ERROR(Usable());
  if (!row.external_id.empty()) {
    QUORUM_RETURN_IF_ERROR(LoadExternalIds());
    auto existing = external_ids_.find(std::string(row.external_id));
    if (existing != external_ids_.end()) {
      if (on_duplicate == OnDuplicate::kRefuse)
        return MakeError(ErrorCode::kConflict, "a record with external id '" + std::string(row.external_id) +
                                                   "' already exists in project " + std::to_string(project_id_));
      return UpdateRecord(existing->second, row);
    }
  }
  int64_t id = row.id;
  if (id != 0) {
    QUORUM_RETURN_IF_ERROR(CheckKeptRecordId(id));
    kept_record_ids_.insert(id);
    highest_kept_record_id_ = std::max(highest_kept_record_id_, id);
  } else {
    QUORUM_ASSIGN_OR_RETURN(id, NextRecordId());
  }
  std::string& out = record_rows_;
  AppendCopyField(out, Number(id));
  AppendCopyField(out, Number(project_id_));
  // NULL for an empty external id, which the UNIQUE (project_id, external_id) constraint ignores.
  AppendCopyField(out, row.external_id.empty() ? std::nullopt : std::optional<std::string_view>(row.external_id));
  AppendCopyField(out, ObjectOrEmpty(row.fields_json));
  AppendCopyField(out, ObjectOrEmpty(row.metadata_json));
  AppendCopyField(out, ObjectOrEmpty(row.gold_json));
  AppendCopyField(out, Number(row.priority));
  AppendCopyField(out, Number(row.created_at_ms != 0 ? row.created_at_ms : now_ms_), /*last=*/true);
  if (!row.external_id.empty()) external_ids_.emplace(std::string(row.external_id), id);
  checked_record_id_ = id;
  QUORUM_RETURN_IF_ERROR(FlushIfLarge());
  return id;
}

Result<int64_t> PgImportBatch::UpdateRecord(int64_t record_id, const RecordRow& row) {
  QUORUM_RETURN_IF_ERROR(Flush());
  Params params;
  params.Text(ObjectOrEmpty(row.fields_json)).Text(ObjectOrEmpty(row.metadata_json)).Text(ObjectOrEmpty(row.gold_json));
  Result<PgResult> updated = connection_->Exec(kUpdateRecordImported, params.Double(row.priority).Int(record_id));
  if (!updated.ok()) return Fail(std::move(updated).error());
  // The record's suggestions are replaced by those put after it (store.h).
  Result<PgResult> removed = connection_->Exec(kDeleteSuggestionsOfRecord, Params().Int(record_id));
  if (!removed.ok()) return Fail(std::move(removed).error());
  checked_record_id_ = record_id;
  return record_id;
}

Result<ResolvedUser> PgImportBatch::ResolveUser(std::string_view email, bool create) {
  QUORUM_RETURN_IF_ERROR(Usable());
  std::string lower = LowerCaseEmail(email);
  Result<PgResult> found = connection_->Exec(kSelectUserByEmail, Params().Text(lower));
  if (!found.ok()) return Fail(std::move(found).error());
  if (!found->empty()) {
    known_users_.insert(found->Int(0, 0));
    return ResolvedUser{found->Int(0, 0), false};
  }
  if (!create) return MakeError(ErrorCode::kNotFound, "user with email '" + lower + "' not found");
  Result<PgResult> inserted = connection_->Exec(kInsertUserIfNew, Params().Text(lower).Int(now_ms_));
  if (!inserted.ok()) return Fail(std::move(inserted).error());
  if (inserted->empty()) {
    // Another connection created this email since the lookup, and has committed it.
    Result<PgResult> again = connection_->Exec(kSelectUserByEmail, Params().Text(lower));
    if (!again.ok()) return Fail(std::move(again).error());
    if (again->empty()) return MakeError(ErrorCode::kConflict, "user '" + lower + "' is being created elsewhere");
    return ResolvedUser{again->Int(0, 0), false};
  }
  const int64_t user_id = inserted->Int(0, 0);
  known_users_.insert(user_id);
  Result<PgResult> membership =
      connection_->Exec(kUpsertMembership, Params().Int(workspace_id_).Int(user_id).Text(RoleName(Role::kAnnotator)));
  if (!membership.ok()) return Fail(std::move(membership).error());
  return ResolvedUser{user_id, true};
}

Status PgImportBatch::CheckRecord(int64_t record_id) {
  if (record_id == checked_record_id_) return OkStatus();  // the common case: the record just put
  QUORUM_RETURN_IF_ERROR(Flush());
  Result<PgResult> found = connection_->Exec(kSelectRecordProject, Params().Int(record_id));
  if (!found.ok()) return Fail(std::move(found).error());
  if (found->empty()) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(record_id) + " not found");
  const int64_t project_id = found->Int(0, 0);
  if (project_id != project_id_)
    return MakeError(ErrorCode::kInvalid, "record " + std::to_string(record_id) + " belongs to project " +
                                              std::to_string(project_id) + ", not to project " +
                                              std::to_string(project_id_) + " of this import");
  checked_record_id_ = record_id;
  return OkStatus();
}

Status PgImportBatch::PutSuggestion(int64_t record_id, const SuggestionRow& row) {
  QUORUM_RETURN_IF_ERROR(Usable());
  QUORUM_RETURN_IF_ERROR(CheckRecord(record_id));
  std::string& out = suggestion_rows_;
  AppendCopyField(out, Number(record_id));
  AppendCopyField(out, row.question);
  AppendCopyField(out, row.value_json.empty() ? std::string_view("null") : row.value_json);
  AppendCopyField(out, row.score ? std::optional<std::string>(Number(*row.score)) : std::nullopt);
  AppendCopyField(out, row.agent, /*last=*/true);
  return FlushIfLarge();
}

Status PgImportBatch::PutResponse(int64_t record_id, const ResponseRow& row) {
  QUORUM_RETURN_IF_ERROR(Usable());
  QUORUM_RETURN_IF_ERROR(CheckRecord(record_id));
  QUORUM_RETURN_IF_ERROR(CheckUsers(row));
  QUORUM_RETURN_IF_ERROR(Flush());  // the response's triggers update the record's queue entry
  QUORUM_RETURN_IF_ERROR(WriteResponse(record_id, row));
  return FlushIfLarge();
}

Status PgImportBatch::WriteResponse(int64_t record_id, const ResponseRow& row) {
  const int64_t created_ms = row.created_at_ms != 0 ? row.created_at_ms : now_ms_;
  const int64_t updated_ms = row.updated_at_ms != 0 ? row.updated_at_ms : created_ms;
  Params params;
  if (row.id != 0) params.Int(row.id);
  params.Int(record_id).Int(row.user_id).Text(ObjectOrEmpty(row.values_json)).Text(ResponseStatusName(row.status));
  params.Int(row.time_spent_ms).Int(row.guideline_version).Int(created_ms).Int(updated_ms);
  Result<PgResult> inserted = connection_->Exec(row.id != 0 ? kInsertResponseWithId : kInsertResponse, params);
  if (!inserted.ok()) {
    Error error = std::move(inserted).error();
    if (error.code == ErrorCode::kNotFound) error.message = "user " + std::to_string(row.user_id) + " not found: " + error.message;
    return Fail(std::move(error));
  }
  if (!inserted->empty()) {
    const int64_t response_id = inserted->Int(0, 0);
    batch_responses_.insert(response_id);
    if (row.id != 0) highest_kept_response_id_ = std::max(highest_kept_response_id_, row.id);
    BufferRevisions(response_id, row, updated_ms);
    return OkStatus();
  }
  if (row.id != 0)
    return MakeError(ErrorCode::kConflict, "response id " + std::to_string(row.id) + " is taken, or user " +
                                               std::to_string(row.user_id) + " already answered record " +
                                               std::to_string(record_id));
  // The user already answered the record: refused when this batch wrote that answer, replaced
  // (with its history) when it was there before.
  Result<PgResult> existing = connection_->Exec(kSelectResponseId, Params().Int(record_id).Int(row.user_id));
  if (!existing.ok()) return Fail(std::move(existing).error());
  if (existing->empty()) return Fail(MakeError(ErrorCode::kInternal, "conflicting response vanished"));
  const int64_t response_id = existing->Int(0, 0);
  if (batch_responses_.contains(response_id))
    return MakeError(ErrorCode::kConflict, "user " + std::to_string(row.user_id) + " already has a response to record " +
                                               std::to_string(record_id) + " in this import");
  Params replace;
  replace.Text(ObjectOrEmpty(row.values_json)).Text(ResponseStatusName(row.status)).Int(row.time_spent_ms);
  replace.Int(row.guideline_version).Int(created_ms).Int(updated_ms).Int(response_id);
  Result<PgResult> replaced = connection_->Exec(kReplaceResponse, replace);
  if (!replaced.ok()) return Fail(std::move(replaced).error());
  Result<PgResult> removed = connection_->Exec(kDeleteRevisionsOfResponse, Params().Int(response_id));
  if (!removed.ok()) return Fail(std::move(removed).error());
  batch_responses_.insert(response_id);
  BufferRevisions(response_id, row, updated_ms);
  return OkStatus();
}

Status PgImportBatch::CheckUsers(const ResponseRow& row) {
  // Checked here because a foreign-key error would end the whole transaction; users are
  // never deleted, so a user seen once stays valid for the batch.
  auto check = [&](int64_t user_id) -> Status {
    if (known_users_.contains(user_id)) return OkStatus();
    Result<PgResult> found = connection_->Exec(kSelectUser, Params().Int(user_id));
    if (!found.ok()) return Fail(std::move(found).error());
    if (found->empty()) return MakeError(ErrorCode::kNotFound, "user " + std::to_string(user_id) + " not found");
    known_users_.insert(user_id);
    return OkStatus();
  };
  QUORUM_RETURN_IF_ERROR(check(row.user_id));
  for (const RevisionRow& revision : row.revisions) QUORUM_RETURN_IF_ERROR(check(revision.user_id));
  return OkStatus();
}

void PgImportBatch::BufferRevisions(int64_t response_id, const ResponseRow& row, int64_t updated_ms) {
  RevisionRow only{row.user_id, updated_ms, row.values_json, row.status};
  std::span<const RevisionRow> revisions = row.revisions.empty() ? std::span<const RevisionRow>(&only, 1) : row.revisions;
  for (const RevisionRow& revision : revisions) {
    std::string& out = revision_rows_;
    AppendCopyField(out, Number(response_id));
    AppendCopyField(out, Number(revision.user_id));
    AppendCopyField(out, Number(revision.at_ms != 0 ? revision.at_ms : updated_ms));
    AppendCopyField(out, ObjectOrEmpty(revision.values_json));
    AppendCopyField(out, ResponseStatusName(revision.status), /*last=*/true);
  }
}

Status PgImportBatch::Commit() {
  QUORUM_RETURN_IF_ERROR(Usable());
  QUORUM_RETURN_IF_ERROR(Flush());
  QUORUM_RETURN_IF_ERROR(RaiseSequences());
  spent_ = true;
  Status committed = connection_->Run("COMMIT");
  if (!committed.ok() && connection_->InTransaction()) (void)connection_->Run("ROLLBACK");
  return committed;
}

}  // namespace quorum::postgres
