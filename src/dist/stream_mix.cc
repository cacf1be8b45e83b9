#include "dist/stream_mix.h"

#include <cmath>

namespace quorum {

uint32_t RandomStart(int64_t seed, int64_t user_id) {
  uint64_t mixed = static_cast<uint64_t>(seed) * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(user_id);
  mixed += 0x9E3779B97F4A7C15ULL;
  mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9ULL;
  mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBULL;
  mixed ^= mixed >> 31;
  return static_cast<uint32_t>(mixed >> 32);
}

bool GoldIsDue(int64_t served, int64_t gold_served, double ratio) {
  if (ratio <= 0) return false;
  // The epsilon keeps 0.05 * 20 from landing just under 1.
  const double due = std::floor(ratio * static_cast<double>(served + 1) + 1e-9);
  return due > static_cast<double>(gold_served);
}

}  // namespace quorum
