#include "quality/set_distance.h"

namespace quorum {
namespace {

size_t IntersectionSize(std::span<const int32_t> first, std::span<const int32_t> second) {
  size_t common = 0, index_a = 0, index_b = 0;
  while (index_a < first.size() && index_b < second.size()) {
    if (first[index_a] < second[index_b]) {
      ++index_a;
    } else if (second[index_b] < first[index_a]) {
      ++index_b;
    } else {
      ++common;
      ++index_a;
      ++index_b;
    }
  }
  return common;
}

}  // namespace

double JaccardDistance(std::span<const int32_t> first, std::span<const int32_t> second) {
  const size_t common = IntersectionSize(first, second);
  const size_t both = first.size() + second.size() - common;
  return both == 0 ? 0.0 : 1.0 - static_cast<double>(common) / static_cast<double>(both);
}

double MasiDistance(std::span<const int32_t> first, std::span<const int32_t> second) {
  const size_t common = IntersectionSize(first, second);
  const size_t both = first.size() + second.size() - common;
  if (both == 0) return 0.0;
  double monotonicity = 0;
  if (common == first.size() && common == second.size()) monotonicity = 1;
  else if (common == first.size() || common == second.size()) monotonicity = 2.0 / 3.0;
  else if (common > 0) monotonicity = 1.0 / 3.0;
  return 1.0 - static_cast<double>(common) / static_cast<double>(both) * monotonicity;
}

}  // namespace quorum
