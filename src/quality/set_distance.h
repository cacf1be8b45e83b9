// Distances between label sets (multi-label answers), each a sorted list of distinct label
// indices. Both are 0 for equal sets and 1 for disjoint ones.
#pragma once

#include <cstdint>
#include <span>

namespace quorum {

// 1 - |A n B| / |A u B|; 0 when both sets are empty.
double JaccardDistance(std::span<const int32_t> first, std::span<const int32_t> second);

// MASI (R. Passonneau, "Measuring agreement on set-valued items (MASI) for semantic and
// pragmatic annotation", LREC 2006): 1 - J * M, J the Jaccard similarity and M 1 when the sets
// are equal, 2/3 when one contains the other, 1/3 when they only overlap, 0 when disjoint.
double MasiDistance(std::span<const int32_t> first, std::span<const int32_t> second);

}  // namespace quorum
