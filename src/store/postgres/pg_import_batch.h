// The PostgreSQL ImportBatch: one connection and one transaction from BeginImport to Commit.
// Private to src/store/postgres.
//
// Records, suggestions and revisions are buffered in COPY's text format and sent with COPY
// (a few megabytes at a time, and before any statement that must see them); responses are
// single INSERTs (their ids are needed for their revisions). Record ids come from the records
// sequence in blocks, so PutRecord returns its id before the row is sent. Duplicate external
// ids are found in memory (the project's existing ids are loaded on the first record that has
// one), because an error inside a PostgreSQL transaction ends it: every expected refusal
// (duplicate record or response) is decided without one. Any database error breaks the
// batch: later calls fail and nothing is committed. A concurrent import of the same external
// id by another connection surfaces as kConflict at the next flush or at Commit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/postgres/pg_pool.h"
#include "store/store.h"

namespace quorum::postgres {

class PgImportBatch final : public ImportBatch {
 public:
  // `connection` has a transaction open (BEGIN) for this batch.
  PgImportBatch(PgPool::Lease connection, int64_t project_id, int64_t workspace_id, int64_t now_ms);
  ~PgImportBatch() override;

  Result<int64_t> PutRecord(const RecordRow& row, OnDuplicate on_duplicate) override;
  Result<ResolvedUser> ResolveUser(std::string_view email, bool create) override;
  Status PutSuggestion(int64_t record_id, const SuggestionRow& row) override;
  Status PutResponse(int64_t record_id, const ResponseRow& row) override;
  Status Commit() override;

 private:
  Status Usable() const;
  // Records a database error: the transaction is over, so the batch is too.
  Error Fail(Error error);
  // Sends the buffered rows (records first: the others refer to them).
  Status Flush();
  Status FlushIfLarge();
  Result<int64_t> NextRecordId();
  // kConflict (without breaking the batch) when a record has the id a row brings along.
  Status CheckKeptRecordId(int64_t id);
  // Moves the record and response sequences above the ids rows brought along.
  Status RaiseSequences();
  Status LoadExternalIds();
  Result<int64_t> UpdateRecord(int64_t record_id, const RecordRow& row);
  Status CheckRecord(int64_t record_id);
  Status WriteResponse(int64_t record_id, const ResponseRow& row);
  // kNotFound (without breaking the batch) unless every user the response names exists.
  Status CheckUsers(const ResponseRow& row);
  void BufferRevisions(int64_t response_id, const ResponseRow& row, int64_t updated_ms);

  PgPool::Lease connection_;
  const int64_t project_id_;
  const int64_t workspace_id_;
  const int64_t now_ms_;
  std::string record_rows_, suggestion_rows_, revision_rows_;  // COPY text, not yet sent
  std::vector<int64_t> free_ids_;                              // taken from the sequence, unused
  // Ids that rows brought along (quorum migrate keeps ids): those of this batch's records, and
  // the highest record and response ids, which the sequences are raised to before the next
  // block of ids is taken and at Commit.
  std::unordered_set<int64_t> kept_record_ids_;
  int64_t highest_kept_record_id_ = 0, highest_kept_response_id_ = 0;
  int64_t sequence_high_ = -1;  // the record sequence's value when last read (-1: not read)
  bool external_ids_loaded_ = false;
  std::unordered_map<std::string, int64_t> external_ids_;  // of the project, this batch's included
  std::unordered_set<int64_t> batch_responses_;            // responses this batch wrote
  std::unordered_set<int64_t> known_users_;                // users known to exist
  int64_t checked_record_id_ = 0;  // the last record known to be in the project
  std::optional<Error> broken_;
  bool spent_ = false;
};

}  // namespace quorum::postgres
