// The SQLite ImportBatch: one IMMEDIATE transaction holding the store's mutex from
// BeginImport until Commit or destruction. Private to src/store/sqlite.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_transaction.h"
#include "store/sqlite/sqlite_wal_sync.h"
#include "store/store.h"

namespace quorum::sqlite {

// Contracts are those of ImportBatch (store.h), plus:
// - A record, response or revision time of 0 is stamped with the clock's time at BeginImport.
// - A refused row (kConflict, kNotFound, kInvalid) leaves the batch usable; the importer
//   reports it and goes on. When SQLite itself abandons the transaction (I/O error, full
//   disk), the batch is broken: every later call, Commit included, fails with kIo.
// - ResolveUser creates a user with an empty name, no password, tier 0 and no
//   specializations, stamped with the BeginImport time.
// - Each PutResponse is atomic: a response whose revision is refused leaves nothing behind.
// Not thread-safe: used by the thread that began it, which must not let it outlive the store.
class SqliteImportBatch final : public ImportBatch {
 public:
  // Takes over `lock` (on the store's writer mutex) and `transaction` (already begun on
  // `connection`). `batch_thread` holds the calling thread's id; the batch clears it before it
  // releases the lock.
  // `revision_watermark` is the largest revision id before the batch: a response with a
  // revision above it was written by this batch. `next_record_id` is the id of the first
  // record this batch inserts (see kNextRecordId).
  // Commit waits for `wal_sync` (null: the commit syncs itself), which must outlive the batch.
  SqliteImportBatch(Connection& connection, std::unique_lock<std::recursive_mutex> lock,
                    std::atomic<std::thread::id>& batch_thread, WalSync* wal_sync, Transaction transaction,
                    int64_t project_id, int64_t workspace_id, int64_t now_ms, int64_t revision_watermark,
                    int64_t next_record_id);
  ~SqliteImportBatch() override;

  Result<int64_t> PutRecord(const RecordRow& row, OnDuplicate on_duplicate) override;
  Result<ResolvedUser> ResolveUser(std::string_view email, bool create) override;
  Status PutSuggestion(int64_t record_id, const SuggestionRow& row) override;
  Status PutResponse(int64_t record_id, const ResponseRow& row) override;
  Status Commit() override;

 private:
  Status Usable() const;
  // Passes `error` on; when SQLite has rolled the transaction back, also marks the batch broken.
  Error Fail(Error error);
  Result<int64_t> UpdateRecord(const RecordRow& row);
  Status CheckRecord(int64_t record_id);
  Status WriteResponse(int64_t record_id, const ResponseRow& row);
  Status ReplaceResponse(int64_t record_id, const ResponseRow& row, int64_t created_ms, int64_t updated_ms);
  Status InsertRevisions(int64_t response_id, const ResponseRow& row, int64_t updated_ms);
  Result<int64_t> CreateAnnotator(const std::string& email);
  void Release();  // ends the batch's hold on the store: clears batch_thread_, unlocks


  Connection& connection_;
  std::unique_lock<std::recursive_mutex> lock_;  // released by Commit or destruction
  std::atomic<std::thread::id>& batch_thread_;   // the store's record of this batch's thread
  WalSync* const wal_sync_;
  std::optional<Transaction> transaction_;       // declared after lock_: rolls back first
  const int64_t project_id_;
  const int64_t workspace_id_;  // the project's, for the membership of users ResolveUser creates
  const int64_t now_ms_;
  const int64_t revision_watermark_;
  const int64_t first_record_id_;
  int64_t next_record_id_;         // the id the next inserted record gets
  int64_t checked_record_id_ = 0;  // the last record known to belong to project_id_
  std::optional<Error> broken_;
  bool spent_ = false;
};

}  // namespace quorum::sqlite
