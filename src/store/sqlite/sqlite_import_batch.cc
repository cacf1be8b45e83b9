#include "store/sqlite/sqlite_import_batch.h"

#include <algorithm>
#include <string>
#include <utility>

#include "store/no_wait_scope.h"
#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

std::string_view ObjectOrEmpty(std::string_view json) { return json.empty() ? std::string_view("{}") : json; }

Error UserNotFound(int64_t user_id) {
  return MakeError(ErrorCode::kNotFound, "user " + std::to_string(user_id) + " not found");
}

}  // namespace

Result<std::unique_ptr<ImportBatch>> SqliteStore::BeginImport(int64_t project_id) {
  if (NoWaitScope::Refuse()) return Refused();
  Lock lock(writer_mutex_);
  if (writer_->InTransaction())
    return MakeError(ErrorCode::kConflict, "an import batch is already open on this thread");
  int64_t workspace_id = 0;
  {
    QUORUM_ASSIGN_OR_RETURN(Query project, writer_->Use(kSelectProjectWorkspace));
    QUORUM_ASSIGN_OR_RETURN(bool found, project.BindInt(project_id).Step());
    if (!found) return MakeError(ErrorCode::kNotFound, "project " + std::to_string(project_id) + " not found");
    workspace_id = project.Int(0);
  }
  QUORUM_ASSIGN_OR_RETURN(Transaction transaction, Transaction::Begin(*writer_));
  // Both read inside the write transaction, so no other writer can move them.
  int64_t watermark = 0, next_record_id = 1;
  {
    QUORUM_ASSIGN_OR_RETURN(Query max_revision, writer_->Use(kMaxRevisionId));
    QUORUM_ASSIGN_OR_RETURN(bool has_row, max_revision.Step());
    if (has_row) watermark = max_revision.Int(0);
  }
  {
    QUORUM_ASSIGN_OR_RETURN(Query next_id, writer_->Use(kNextRecordId));
    QUORUM_ASSIGN_OR_RETURN(bool has_row, next_id.Step());
    if (has_row) next_record_id = next_id.Int(0);
  }
  // From here on this thread's reads go to the writer (they see the batch) and its writes join
  // the batch; the batch clears this before it unlocks.
  batch_thread_ = std::this_thread::get_id();
  return std::unique_ptr<ImportBatch>(std::make_unique<SqliteImportBatch>(
      *writer_, std::move(lock), batch_thread_, wal_sync_.get(), std::move(transaction), project_id, workspace_id,
      clock_.NowMs(), watermark, next_record_id));
}

SqliteImportBatch::SqliteImportBatch(Connection& connection, std::unique_lock<std::recursive_mutex> lock,
                                     std::atomic<std::thread::id>& batch_thread, WalSync* wal_sync,
                                     Transaction transaction, int64_t project_id, int64_t workspace_id, int64_t now_ms,
                                     int64_t revision_watermark, int64_t next_record_id)
    : connection_(connection),
      lock_(std::move(lock)),
      batch_thread_(batch_thread),
      wal_sync_(wal_sync),
      transaction_(std::move(transaction)),
      project_id_(project_id),
      workspace_id_(workspace_id),
      now_ms_(now_ms),
      revision_watermark_(revision_watermark),
      first_record_id_(next_record_id),
      next_record_id_(next_record_id) {}

SqliteImportBatch::~SqliteImportBatch() {
  transaction_.reset();
  Release();
}

void SqliteImportBatch::Release() {
  if (!lock_.owns_lock()) return;
  batch_thread_ = std::thread::id();
  lock_.unlock();
}

Status SqliteImportBatch::Usable() const {
  if (broken_) return MakeError(ErrorCode::kIo, "import batch aborted earlier: " + broken_->message);
  if (spent_) return MakeError(ErrorCode::kInvalid, "import batch already committed");
  return OkStatus();
}

Error SqliteImportBatch::Fail(Error error) {
  // After some errors (I/O, full disk) SQLite rolls the whole transaction back by itself; a
  // later statement would then autocommit on its own, so the batch must stop here.
  if (!connection_.InTransaction()) {
    broken_ = error;
    transaction_.reset();
  }
  return error;
}

Result<int64_t> SqliteImportBatch::PutRecord(const RecordRow& row, OnDuplicate on_duplicate) {
  QUORUM_RETURN_IF_ERROR(Usable());
  // A row that brings its id (quorum migrate) keeps it; later ones are numbered above it.
  const int64_t record_id = row.id != 0 ? row.id : next_record_id_;
  Status inserted = [&]() -> Status {
    // The hot path: one bind/step of a cached INSERT. NULL for an empty external id, which
    // the UNIQUE (project_id, external_id) constraint ignores.
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection_.Use(kInsertRecord));
    insert.BindInt(record_id).BindInt(project_id_).BindTextOrNull(row.external_id).BindText(ObjectOrEmpty(row.fields_json));
    insert.BindText(ObjectOrEmpty(row.metadata_json)).BindText(ObjectOrEmpty(row.gold_json));
    return insert.BindDouble(row.priority).BindInt(row.created_at_ms != 0 ? row.created_at_ms : now_ms_).Run();
  }();
  if (inserted.ok()) {
    next_record_id_ = std::max(next_record_id_, record_id + 1);
    return checked_record_id_ = record_id;
  }
  if (inserted.error().code != ErrorCode::kConflict) return Fail(std::move(inserted).error());
  if (row.id != 0)
    return MakeError(ErrorCode::kConflict, "record id " + std::to_string(row.id) + " or external id '" +
                                               std::string(row.external_id) + "' is taken already");
  if (on_duplicate == OnDuplicate::kRefuse)
    return MakeError(ErrorCode::kConflict, "a record with external id '" + std::string(row.external_id) +
                                               "' already exists in project " + std::to_string(project_id_));
  return UpdateRecord(row);
}

Result<int64_t> SqliteImportBatch::UpdateRecord(const RecordRow& row) {
  int64_t record_id = 0;
  {
    QUORUM_ASSIGN_OR_RETURN(Query update, connection_.Use(kUpdateRecordByExternalId));
    update.BindText(ObjectOrEmpty(row.fields_json)).BindText(ObjectOrEmpty(row.metadata_json));
    update.BindText(ObjectOrEmpty(row.gold_json)).BindDouble(row.priority);
    update.BindInt(project_id_).BindText(row.external_id);
    Result<bool> found = update.Step();
    if (!found.ok()) return Fail(std::move(found).error());
    if (!*found) return MakeError(ErrorCode::kInternal, "record '" + std::string(row.external_id) + "' vanished");
    record_id = update.Int(0);
    Status finished = update.Run();
    if (!finished.ok()) return Fail(std::move(finished).error());
  }
  // The record's suggestions are replaced by those put after it (store.h).
  QUORUM_ASSIGN_OR_RETURN(Query remove, connection_.Use(kDeleteSuggestionsOfRecord));
  Status removed = remove.BindInt(record_id).Run();
  if (!removed.ok()) return Fail(std::move(removed).error());
  return checked_record_id_ = record_id;
}

Result<ResolvedUser> SqliteImportBatch::ResolveUser(std::string_view email, bool create) {
  QUORUM_RETURN_IF_ERROR(Usable());
  std::string lower = LowerCaseEmail(email);
  {
    QUORUM_ASSIGN_OR_RETURN(Query query, connection_.Use(kSelectUserByEmail));
    QUORUM_ASSIGN_OR_RETURN(bool found, query.BindText(lower).Step());
    if (found) return ResolvedUser{query.Int(0), false};
  }
  if (!create) return MakeError(ErrorCode::kNotFound, "user with email '" + lower + "' not found");
  // Both rows in a savepoint: a user is never left without the membership that explains them.
  Result<Transaction> savepoint = Transaction::Begin(connection_);
  if (!savepoint.ok()) return Fail(std::move(savepoint).error());
  Result<int64_t> created = CreateAnnotator(lower);
  if (!created.ok()) {
    savepoint->Rollback();
    return Fail(std::move(created).error());
  }
  Status released = savepoint->Commit();
  if (!released.ok()) return Fail(std::move(released).error());
  return ResolvedUser{*created, true};
}

Result<int64_t> SqliteImportBatch::CreateAnnotator(const std::string& email) {
  int64_t user_id = 0;
  {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection_.Use(kInsertUser));
    insert.BindText(email).BindText("").BindText("").BindInt(0).BindText("[]").BindInt(now_ms_);
    QUORUM_RETURN_IF_ERROR(insert.Run());
    user_id = connection_.LastInsertRowid();
  }
  QUORUM_ASSIGN_OR_RETURN(Query membership, connection_.Use(kUpsertMembership));
  QUORUM_RETURN_IF_ERROR(membership.BindInt(workspace_id_).BindInt(user_id).BindText(RoleName(Role::kAnnotator)).Run());
  return user_id;
}

Status SqliteImportBatch::CheckRecord(int64_t record_id) {
  if (record_id == checked_record_id_) return OkStatus();  // the common case: the record just put
  QUORUM_ASSIGN_OR_RETURN(Query query, connection_.Use(kSelectRecordProject));
  QUORUM_ASSIGN_OR_RETURN(bool found, query.BindInt(record_id).Step());
  if (!found) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(record_id) + " not found");
  if (query.Int(0) != project_id_)
    return MakeError(ErrorCode::kInvalid, "record " + std::to_string(record_id) + " belongs to project " +
                                              std::to_string(query.Int(0)) + ", not to project " +
                                              std::to_string(project_id_) + " of this import");
  checked_record_id_ = record_id;
  return OkStatus();
}

Status SqliteImportBatch::PutSuggestion(int64_t record_id, const SuggestionRow& row) {
  QUORUM_RETURN_IF_ERROR(Usable());
  QUORUM_RETURN_IF_ERROR(CheckRecord(record_id));
  QUORUM_ASSIGN_OR_RETURN(Query insert, connection_.Use(kInsertSuggestion));
  insert.BindInt(record_id).BindText(row.question);
  insert.BindText(row.value_json.empty() ? std::string_view("null") : row.value_json);
  Status inserted = insert.BindOptionalDouble(row.score).BindText(row.agent).Run();
  if (!inserted.ok()) return Fail(std::move(inserted).error());
  return OkStatus();
}

Status SqliteImportBatch::PutResponse(int64_t record_id, const ResponseRow& row) {
  QUORUM_RETURN_IF_ERROR(Usable());
  QUORUM_RETURN_IF_ERROR(CheckRecord(record_id));
  // A savepoint, so that a refused revision takes its response back out with it.
  Result<Transaction> savepoint = Transaction::Begin(connection_);
  if (!savepoint.ok()) return Fail(std::move(savepoint).error());
  Status written = WriteResponse(record_id, row);
  if (!written.ok()) {
    savepoint->Rollback();
    return Fail(std::move(written).error());
  }
  Status released = savepoint->Commit();
  if (!released.ok()) return Fail(std::move(released).error());
  return OkStatus();
}

Status SqliteImportBatch::WriteResponse(int64_t record_id, const ResponseRow& row) {
  int64_t created_ms = row.created_at_ms != 0 ? row.created_at_ms : now_ms_;
  int64_t updated_ms = row.updated_at_ms != 0 ? row.updated_at_ms : created_ms;
  Status inserted = [&]() -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection_.Use(row.id != 0 ? kInsertResponseWithId : kInsertResponse));
    if (row.id != 0) insert.BindInt(row.id);
    insert.BindInt(record_id).BindInt(row.user_id).BindText(ObjectOrEmpty(row.values_json));
    insert.BindText(ResponseStatusName(row.status)).BindInt(row.time_spent_ms).BindInt(row.guideline_version);
    return insert.BindInt(created_ms).BindInt(updated_ms).Run();
  }();
  if (inserted.ok()) return InsertRevisions(connection_.LastInsertRowid(), row, updated_ms);
  if (inserted.error().code == ErrorCode::kNotFound) return UserNotFound(row.user_id);
  if (inserted.error().code != ErrorCode::kConflict) return inserted;
  if (row.id != 0)
    return MakeError(ErrorCode::kConflict, "response id " + std::to_string(row.id) + " is taken, or user " +
                                               std::to_string(row.user_id) + " already answered record " +
                                               std::to_string(record_id));
  return ReplaceResponse(record_id, row, created_ms, updated_ms);
}

Status SqliteImportBatch::ReplaceResponse(int64_t record_id, const ResponseRow& row, int64_t created_ms,
                                          int64_t updated_ms) {
  int64_t response_id = 0;
  {
    QUORUM_ASSIGN_OR_RETURN(Query query, connection_.Use(kSelectResponseId));
    QUORUM_ASSIGN_OR_RETURN(bool found, query.BindInt(record_id).BindInt(row.user_id).Step());
    if (!found) return MakeError(ErrorCode::kInternal, "conflicting response vanished");
    response_id = query.Int(0);
  }
  {
    // Every response this batch wrote has a revision above the watermark: a second response
    // of the same user to the same record within one import is refused, an older one replaced.
    QUORUM_ASSIGN_OR_RETURN(Query query, connection_.Use(kResponseHasRevisionAfter));
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.BindInt(response_id).BindInt(revision_watermark_).Step());
    if (has_row && query.Int(0) != 0)
      return MakeError(ErrorCode::kConflict, "user " + std::to_string(row.user_id) +
                                                 " already has a response to record " + std::to_string(record_id) +
                                                 " in this import");
  }
  {
    QUORUM_ASSIGN_OR_RETURN(Query replace, connection_.Use(kReplaceResponse));
    replace.BindText(ObjectOrEmpty(row.values_json)).BindText(ResponseStatusName(row.status));
    replace.BindInt(row.time_spent_ms).BindInt(row.guideline_version).BindInt(created_ms).BindInt(updated_ms);
    QUORUM_RETURN_IF_ERROR(replace.BindInt(response_id).Run());
  }
  {
    QUORUM_ASSIGN_OR_RETURN(Query remove, connection_.Use(kDeleteRevisionsOfResponse));
    QUORUM_RETURN_IF_ERROR(remove.BindInt(response_id).Run());
  }
  return InsertRevisions(response_id, row, updated_ms);
}

Status SqliteImportBatch::InsertRevisions(int64_t response_id, const ResponseRow& row, int64_t updated_ms) {
  RevisionRow only{row.user_id, updated_ms, row.values_json, row.status};
  std::span<const RevisionRow> revisions = row.revisions.empty() ? std::span<const RevisionRow>(&only, 1)
                                                                 : row.revisions;
  for (const RevisionRow& revision : revisions) {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection_.Use(kInsertRevision));
    insert.BindInt(response_id).BindInt(revision.user_id).BindInt(revision.at_ms != 0 ? revision.at_ms : updated_ms);
    insert.BindText(ObjectOrEmpty(revision.values_json)).BindText(ResponseStatusName(revision.status));
    Status inserted = insert.Run();
    if (!inserted.ok())
      return inserted.error().code == ErrorCode::kNotFound ? UserNotFound(revision.user_id) : inserted;
  }
  return OkStatus();
}

Status SqliteImportBatch::Commit() {
  QUORUM_RETURN_IF_ERROR(Usable());
  if (next_record_id_ > first_record_id_) {
    // Remember the last id handed out, so that deleting these records never frees their ids.
    QUORUM_ASSIGN_OR_RETURN(Query save, connection_.Use(kSaveLastRecordId));
    Status saved = save.BindInt(next_record_id_ - 1).Run();
    if (!saved.ok()) return Fail(std::move(saved).error());
  }
  Status committed = transaction_->Commit();  // rolls back by itself on failure
  transaction_.reset();
  spent_ = true;
  const uint64_t ticket = committed.ok() ? CommitTicket(wal_sync_) : 0;
  Release();
  if (!committed.ok()) return committed;
  return SyncThrough(wal_sync_, ticket);
}

}  // namespace quorum::sqlite
