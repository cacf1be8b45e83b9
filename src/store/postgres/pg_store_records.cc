// PgStore: reading records and their suggestions (writing records is the import batch's job),
// replacing suggestions, and changing or deleting single records.
#include <string>
#include <vector>

#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"
#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

Error RecordNotFound(int64_t id) { return MakeError(ErrorCode::kNotFound, "record " + std::to_string(id) + " not found"); }

}  // namespace

Result<Record> PgStore::GetRecord(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectRecord, Params().Int(id)));
  if (result.empty()) return RecordNotFound(id);
  return ReadRecord(result, 0);
}

Result<int64_t> PgStore::CountRecords(int64_t project_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kCountRecords, Params().Int(project_id)));
  return result.Int(0, 0);
}

Result<std::vector<Record>> PgStore::ListRecords(int64_t project_id, int64_t after_id, int limit) {
  if (limit <= 0) return std::vector<Record>();
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectRecordsAfter, Params().Int(project_id).Int(after_id).Int(limit)));
  return ReadAll<Record>(result, ReadRecord);
}

Result<std::vector<Suggestion>> PgStore::ListSuggestions(int64_t record_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectSuggestions, Params().Int(record_id)));
  return ReadAll<Suggestion>(result, ReadSuggestion);
}

Status PgStore::UpsertSuggestions(std::span<const Suggestion> suggestions) {
  std::vector<std::string> values;
  values.reserve(suggestions.size());
  for (const Suggestion& suggestion : suggestions) values.push_back(suggestion.value.dump());
  return InTransaction([&](PgConnection& connection) -> Status {
    for (int64_t record_id : DistinctRecordIds(suggestions)) {
      QUORUM_ASSIGN_OR_RETURN(PgResult locked, connection.Exec(kLockRecord, Params().Int(record_id)));
      if (locked.empty()) return RecordNotFound(record_id);
    }
    // Every (record, question, agent) given loses its old suggestions before any new one is
    // inserted, so several new suggestions of one triple all stay.
    for (const Suggestion& suggestion : suggestions)
      QUORUM_RETURN_IF_ERROR(connection.Exec(
          kDeleteSuggestionsOfRecordFor, Params().Int(suggestion.record_id).Text(suggestion.question).Text(suggestion.agent)));
    for (size_t index = 0; index < suggestions.size(); ++index) {
      const Suggestion& suggestion = suggestions[index];
      Params params;
      params.Int(suggestion.record_id).Text(suggestion.question).Text(values[index]).OptionalDouble(suggestion.score);
      QUORUM_RETURN_IF_ERROR(connection.Exec(kInsertSuggestion, params.Text(suggestion.agent)));
    }
    return OkStatus();
  });
}

Status PgStore::UpdateRecord(const Record& record) {
  Params params;
  params.Text(record.fields.dump()).Text(record.metadata.dump()).Text(record.gold.dump()).Double(record.priority);
  QUORUM_ASSIGN_OR_RETURN(PgResult updated, Exec(kUpdateRecord, params.Int(record.id)));
  if (updated.affected() == 0) return RecordNotFound(record.id);
  return OkStatus();
}

Status PgStore::DeleteRecord(int64_t id) {
  // One statement: the cascade and the triggers that keep the queue's counts run inside it.
  QUORUM_ASSIGN_OR_RETURN(PgResult deleted, Exec(kDeleteRecord, Params().Int(id)));
  if (deleted.affected() == 0) return RecordNotFound(id);
  return OkStatus();
}

}  // namespace quorum::postgres
