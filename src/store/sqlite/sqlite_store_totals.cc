// SqliteStore: what listings by page need without reading every record: a project's totals from
// the running counts the triggers keep (progress_counts, annotator_progress; see migrations.cc)
// and one aggregate over its suggestions, and a page of records at an offset.
#include <vector>

#include "store/sqlite/sql.h"
#include "store/sqlite/sql_distribution.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {

Result<ProjectTotals> SqliteStore::TotalsOf(int64_t project_id, int overlap) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  Connection& connection = reading.connection();
  ProjectTotals totals;
  {
    QUORUM_ASSIGN_OR_RETURN(Query counts, connection.Use(kProgressCounts));
    counts.BindInt(project_id);
    while (true) {
      QUORUM_ASSIGN_OR_RETURN(bool has_row, counts.Step());
      if (!has_row) break;
      const bool gold = counts.Int(0) != 0;
      const int64_t submitted = counts.Int(1), records = counts.Int(2);
      totals.records += records;
      if (gold) totals.gold_records += records;
      if (submitted > 0) totals.records_answered += records;
      if (submitted >= overlap) totals.records_complete += records;
      totals.submitted += submitted * records;
    }
  }
  {
    QUORUM_ASSIGN_OR_RETURN(Query discarded, connection.Use(kSumDiscarded));
    QUORUM_RETURN_IF_ERROR(discarded.BindInt(project_id).Step());
    totals.discarded = discarded.Int(0);
  }
  {
    QUORUM_ASSIGN_OR_RETURN(Query sets, connection.Use(kCountSuggestionSets));
    QUORUM_RETURN_IF_ERROR(sets.BindInt(project_id).Step());
    totals.suggestion_sets = sets.Int(0);
  }
  return totals;
}

Result<std::vector<Record>> SqliteStore::ListRecordsPage(int64_t project_id, int64_t offset, int limit) {
  std::vector<Record> records;
  // SQLite reads a negative LIMIT or OFFSET as "none"; the contract says "up to limit".
  if (limit <= 0 || offset < 0) return records;
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectRecordsPage));
  query.BindInt(project_id).BindInt(project_id).BindInt(offset).BindInt(limit);
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return records;
    QUORUM_ASSIGN_OR_RETURN(Record record, ReadRecord(query));
    records.push_back(std::move(record));
  }
}

}  // namespace quorum::sqlite
