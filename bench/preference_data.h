// Generating realistic-looking pairwise preference records for benchmarks.
#pragma once

#include <cstdint>
#include <string>

namespace quorum::bench {

// Appends one flat JSON Lines row of about 1.5 KB (prompt ~300 B, two responses ~550 B each,
// model_a, model_b, category, an id) to `out`. Deterministic for a given `index` and `seed`.
void AppendPreferenceRow(std::string& out, int64_t index, uint64_t seed);

// Writes `count` rows to `path` through a reused buffer; returns the bytes written.
int64_t WritePreferenceFile(const std::string& path, int64_t count, uint64_t seed);

}  // namespace quorum::bench
