// PgStore: what listings by page need without reading every record: a project's totals from
// the running counts the triggers keep (progress_counts, annotator_progress; see
// pg_migrations.cc) and one aggregate over its suggestions, and a page of records at an offset.
#include <vector>

#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_sql_distribution.h"
#include "store/postgres/pg_store.h"

namespace quorum::postgres {

Result<ProjectTotals> PgStore::TotalsOf(int64_t project_id, int overlap) {
  ProjectTotals totals;
  QUORUM_ASSIGN_OR_RETURN(PgResult counts, Exec(kProgressCounts, Params().Int(project_id)));
  for (int row = 0; row < counts.rows(); ++row) {
    const bool gold = counts.Int(row, 0) != 0;
    const int64_t submitted = counts.Int(row, 1), records = counts.Int(row, 2);
    totals.records += records;
    if (gold) totals.gold_records += records;
    if (submitted > 0) totals.records_answered += records;
    if (submitted >= overlap) totals.records_complete += records;
    totals.submitted += submitted * records;
  }
  QUORUM_ASSIGN_OR_RETURN(PgResult discarded, Exec(kSumDiscarded, Params().Int(project_id)));
  totals.discarded = discarded.Int(0, 0);
  QUORUM_ASSIGN_OR_RETURN(PgResult sets, Exec(kCountSuggestionSets, Params().Int(project_id)));
  totals.suggestion_sets = sets.Int(0, 0);
  return totals;
}

Result<std::vector<Record>> PgStore::ListRecordsPage(int64_t project_id, int64_t offset, int limit) {
  if (limit <= 0 || offset < 0) return std::vector<Record>();
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectRecordsPage, Params().Int(project_id).Int(offset).Int(limit)));
  return ReadAll<Record>(result, ReadRecord);
}

}  // namespace quorum::postgres
