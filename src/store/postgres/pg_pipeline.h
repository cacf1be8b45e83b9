// Several statements sent at once (libpq's pipeline mode): one round trip instead of one per
// statement. Private to src/store/postgres. Each result comes back as soon as its statement
// ends (a flush request follows each one).
//
// The server runs them in order exactly as if they were sent one by one (each statement takes
// its own snapshot when it starts, after the previous one finished, so a statement after a
// lock reads what the lock's previous holder committed); only the waits between them go. When
// one fails the server skips the rest up to the end of the pipeline. A BEGIN and a COMMIT may
// be among them: a transaction of a few statements then costs one or two round trips.
//
// Thread safety: as the PgConnection's; while a PgPipeline lives, its connection runs nothing
// else (Exec and the others fail), so keep it in a scope of its own.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/result.h"
#include "store/postgres/pg_connection.h"

namespace quorum::postgres {

inline constexpr char kBegin[] = "BEGIN";
inline constexpr char kCommit[] = "COMMIT";

// One statement of a pipeline: a static SQL text (prepared once per connection, as Exec does)
// and its parameters.
struct PgStatement {
  const char* sql;
  Params params;
};

class PgPipeline {
 public:
  // Sends `statements` and a sync in one write. A failure to send is reported by Next.
  PgPipeline(PgConnection& connection, std::vector<PgStatement> statements);
  PgPipeline(const PgPipeline&) = delete;
  PgPipeline& operator=(const PgPipeline&) = delete;
  // Reads what is left (Finish).
  ~PgPipeline();

  // The next statement's result, in the order sent, waiting for it. A failed statement gives
  // its error, and every statement after it a kIo error saying it was skipped; so does every
  // call after the last statement.
  Result<PgResult> Next();
  // Reads the results not read yet and leaves pipeline mode, so that the connection runs other
  // statements again. The first error among the statements not read yet, else OK. A
  // connection that cannot leave pipeline mode is marked broken (the pool replaces it).
  Status Finish();

 private:
  PgConnection& connection_;
  std::vector<const char*> sql_;  // the texts sent, for error messages
  std::size_t next_ = 0;          // the next statement whose result is to be read
  std::optional<Error> failed_;   // why sending failed, or the first failed statement's error
  bool finished_ = false;
};

}  // namespace quorum::postgres
