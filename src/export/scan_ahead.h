// Store::ScanProject with the reading on a thread of its own: the store's cursors (SQLite's
// b-trees, the copies out of its rows) run while the caller's visitor decodes, votes and writes
// the records before them, so an export uses two cores instead of one. Memory stays flat: a few
// batches of copied records go round between the two threads, their buffers reused.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "store/store.h"

namespace quorum {

// Visits the project's records in id order, like store.ScanProject(project_id, visitor, parts),
// calling `visitor` on the calling thread only. The suggestions and revisions of `parts` must be
// off (the exports that use this read neither): kInternal otherwise. Returns the first error of
// the scan or of the visitor, which stops both. `store` must be thread-safe (every Store is).
Status ScanProjectAhead(Store& store, int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts);

}  // namespace quorum
