// SqliteStore: reading records and their suggestions (writing them is the import batch's job).
#include <string>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {

Result<Record> SqliteStore::GetRecord(int64_t id) {
  Lock lock(mutex_);
  QUORUM_ASSIGN_OR_RETURN(Query query, connection_->Use(kSelectRecord));
  query.BindInt(id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(id) + " not found");
  return ReadRecord(query);
}

Result<int64_t> SqliteStore::CountRecords(int64_t project_id) {
  Lock lock(mutex_);
  QUORUM_ASSIGN_OR_RETURN(Query query, connection_->Use(kCountRecords));
  query.BindInt(project_id);
  QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
  return has_row ? query.Int(0) : 0;
}

Result<std::vector<Record>> SqliteStore::ListRecords(int64_t project_id, int64_t after_id, int limit) {
  Lock lock(mutex_);
  std::vector<Record> records;
  // SQLite reads a negative LIMIT as "no limit"; the contract says "up to limit".
  if (limit <= 0) return records;
  QUORUM_ASSIGN_OR_RETURN(Query query, connection_->Use(kSelectRecordsAfter));
  query.BindInt(project_id).BindInt(after_id).BindInt(limit);
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return records;
    QUORUM_ASSIGN_OR_RETURN(Record record, ReadRecord(query));
    records.push_back(std::move(record));
  }
}

Result<std::vector<Suggestion>> SqliteStore::ListSuggestions(int64_t record_id) {
  Lock lock(mutex_);
  QUORUM_ASSIGN_OR_RETURN(Query query, connection_->Use(kSelectSuggestions));
  query.BindInt(record_id);
  std::vector<Suggestion> suggestions;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return suggestions;
    QUORUM_ASSIGN_OR_RETURN(Suggestion suggestion, ReadSuggestion(query));
    suggestions.push_back(std::move(suggestion));
  }
}

}  // namespace quorum::sqlite
