// The native JSON Lines export: every record with its suggestions and responses (with status,
// provenance and revisions), in the form the importer reads back.
#pragma once

#include <cstdint>

#include "io/byte_sink.h"
#include "store/store.h"

namespace quorum {

struct ExportReport {
  int64_t records = 0;
  int64_t responses = 0;
};

// Streams the project, one line per record in id order:
//   {"id", "fields", "metadata", "gold"?, "priority"?, "created_at", "suggestions"?, "responses"?}
// "id" is the external id (left out when the record has none); keys whose value is empty or
// zero are left out. Importing the output into an empty project with the same schema and
// exporting again gives the same bytes. Fails with the store's or the sink's error.
Result<ExportReport> ExportJsonl(Store& store, int64_t project_id, ByteSink& sink);

}  // namespace quorum
