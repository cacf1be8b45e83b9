// SqliteStore: reading records and their suggestions (writing records is the import batch's
// job), and replacing suggestions.
#include <string>
#include <vector>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"
#include "store/stored_values.h"

namespace quorum::sqlite {

Result<Record> SqliteStore::GetRecord(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectRecord));
  query.BindInt(id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(id) + " not found");
  return ReadRecord(query);
}

Result<int64_t> SqliteStore::CountRecords(int64_t project_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kCountRecords));
  query.BindInt(project_id);
  QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
  return has_row ? query.Int(0) : 0;
}

Result<std::vector<Record>> SqliteStore::ListRecords(int64_t project_id, int64_t after_id, int limit) {
  std::vector<Record> records;
  // SQLite reads a negative LIMIT as "no limit"; the contract says "up to limit".
  if (limit <= 0) return records;
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectRecordsAfter));
  query.BindInt(project_id).BindInt(after_id).BindInt(limit);
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return records;
    QUORUM_ASSIGN_OR_RETURN(Record record, ReadRecord(query));
    records.push_back(std::move(record));
  }
}

Result<std::vector<Suggestion>> SqliteStore::ListSuggestions(int64_t record_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectSuggestions));
  query.BindInt(record_id);
  std::vector<Suggestion> suggestions;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return suggestions;
    QUORUM_ASSIGN_OR_RETURN(Suggestion suggestion, ReadSuggestion(query));
    suggestions.push_back(std::move(suggestion));
  }
}

Status SqliteStore::UpsertSuggestions(std::span<const Suggestion> suggestions) {
  // Serialized before the write: the committer's writes must not throw.
  std::vector<std::string> values;
  values.reserve(suggestions.size());
  for (const Suggestion& suggestion : suggestions) values.push_back(suggestion.value.dump());
  return Write([&](Connection& connection) -> Status {
    for (int64_t record_id : DistinctRecordIds(suggestions)) {
      QUORUM_ASSIGN_OR_RETURN(Query exists, connection.Use(kRecordExists));
      QUORUM_ASSIGN_OR_RETURN(bool found, exists.BindInt(record_id).Step());
      if (!found) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(record_id) + " not found");
    }
    // Every (record, question, agent) given loses its old suggestions before any new one is
    // inserted, so several new suggestions of one triple all stay.
    for (const Suggestion& suggestion : suggestions) {
      QUORUM_ASSIGN_OR_RETURN(Query remove, connection.Use(kDeleteSuggestionsOfRecordFor));
      QUORUM_RETURN_IF_ERROR(
          remove.BindInt(suggestion.record_id).BindText(suggestion.question).BindText(suggestion.agent).Run());
    }
    for (size_t index = 0; index < suggestions.size(); ++index) {
      const Suggestion& suggestion = suggestions[index];
      QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertSuggestion));
      insert.BindInt(suggestion.record_id).BindText(suggestion.question).BindText(values[index]);
      QUORUM_RETURN_IF_ERROR(insert.BindOptionalDouble(suggestion.score).BindText(suggestion.agent).Run());
    }
    return OkStatus();
  });
}

Status SqliteStore::UpdateRecord(const Record& record) {
  // Serialized before the write: the committer's writes must not throw.
  const std::string fields = record.fields.dump(), metadata = record.metadata.dump(), gold = record.gold.dump();
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query update, connection.Use(kUpdateRecord));
    update.BindText(fields).BindText(metadata).BindText(gold).BindDouble(record.priority).BindInt(record.id);
    QUORUM_RETURN_IF_ERROR(update.Run());
    if (connection.Changes() == 0) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(record.id) + " not found");
    return OkStatus();
  });
}

Status SqliteStore::DeleteRecord(int64_t id) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query remove, connection.Use(kDeleteRecord));
    QUORUM_RETURN_IF_ERROR(remove.BindInt(id).Run());
    if (connection.Changes() == 0) return MakeError(ErrorCode::kNotFound, "record " + std::to_string(id) + " not found");
    return OkStatus();
  });
}

}  // namespace quorum::sqlite
