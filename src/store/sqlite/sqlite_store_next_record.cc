// SqliteStore::NextRecordFor: the simple FIFO queue of records to annotate.
#include <cstdint>
#include <limits>
#include <string>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_transaction.h"

namespace quorum::sqlite {

// Walking the project's records in id order would visit every completed record on each call
// (90,000 of them once a project is 90% done). Instead record_progress (migration 2) is
// visited one bucket of equal submitted counts at a time, only for counts below the overlap:
// a seek finds the next count present, another the first record of that bucket, in id order,
// that the user has not answered. The answer is the smallest of these. A bucket is walked only
// past records the user already answered, which are few unless one annotator races far ahead
// of the others.
Result<std::optional<Record>> SqliteStore::NextRecordFor(int64_t project_id, int64_t user_id, int overlap) {
  if (overlap < 1) return std::optional<Record>();  // no record has fewer than 0 submissions
  Reading reading = Read();
  Connection& connection = reading.connection();
  // One snapshot for all the queries below: the record found is still there when it is read.
  QUORUM_ASSIGN_OR_RETURN(Transaction snapshot, Transaction::BeginRead(connection));
  int64_t best = std::numeric_limits<int64_t>::max();
  int64_t count = -1;
  while (true) {
    {
      QUORUM_ASSIGN_OR_RETURN(Query bucket, connection.Use(kNextProgressBucket));
      QUORUM_ASSIGN_OR_RETURN(bool found, bucket.BindInt(project_id).BindInt(count).BindInt(overlap).Step());
      if (!found) break;
      count = bucket.Int(0);
    }
    QUORUM_ASSIGN_OR_RETURN(Query first, connection.Use(kFirstUnansweredInBucket));
    first.BindInt(project_id).BindInt(count).BindInt(best).BindInt(user_id);
    QUORUM_ASSIGN_OR_RETURN(bool found, first.Step());
    if (found) best = first.Int(0);
  }
  if (best == std::numeric_limits<int64_t>::max()) return std::optional<Record>();
  QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kSelectRecord));
  QUORUM_ASSIGN_OR_RETURN(bool found, query.BindInt(best).Step());
  if (!found) return MakeError(ErrorCode::kInternal, "record " + std::to_string(best) + " has progress but no row");
  QUORUM_ASSIGN_OR_RETURN(Record record, ReadRecord(query));
  return std::optional<Record>(std::move(record));
}

}  // namespace quorum::sqlite
