// Importing records (with their suggestions and responses) into a project, all or nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/clock.h"
#include "core/project.h"
#include "core/result.h"
#include "io/byte_source.h"
#include "io/import_format.h"
#include "store/store.h"

namespace quorum {

struct ImportOptions {
  ImportFormat format = ImportFormat::kJsonl;
  OnDuplicate on_duplicate = OnDuplicate::kRefuse;
  bool create_users = false;  // create annotator accounts for unknown response emails
  std::size_t max_reported_problems = 100;
  // Collect the id of every record written, in input order, into ImportReport::record_ids
  // (Label Studio's return_task_ids). Off by default: memory then grows with the input.
  bool collect_record_ids = false;
};

struct ImportReport {
  int64_t records = 0;
  int64_t suggestions = 0;
  int64_t responses = 0;
  int64_t users_created = 0;
  std::vector<int64_t> record_ids;  // with ImportOptions::collect_record_ids
};

// Reads every row of `source`, validates it against the project's schema and writes it in one
// store transaction. Streaming: memory does not grow with the input.
// On success everything is committed and counted in the report. If any row is invalid, nothing
// is written and the error (kInvalid) lists the problems as "FILE:LINE: subject: reason", the
// first `max_reported_problems` of them, with the total in the message. kIo and store failures
// also leave nothing written.
Result<ImportReport> ImportRecords(Store& store, const Project& project, std::unique_ptr<ByteSource> source,
                                   const ImportOptions& options, const Clock& clock = SystemClock());

}  // namespace quorum
