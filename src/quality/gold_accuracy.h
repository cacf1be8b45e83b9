// Gold accuracy: how often each annotator's answer equals the known (gold) answer.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "quality/coded_answers.h"

namespace quorum {

struct GoldAccuracy {
  int32_t annotator = 0;
  int64_t correct = 0;
  int64_t total = 0;  // gold items answered

  // correct / total, or nullopt without gold items.
  std::optional<double> accuracy() const {
    if (total == 0) return std::nullopt;
    return static_cast<double>(correct) / static_cast<double>(total);
  }
};

// One entry per annotator (0 .. annotator_count - 1): their answers to items whose gold code
// (`gold[item]`, -1 for none) is set, and how many equal it. `gold` may be shorter than the
// item count (missing entries mean no gold). Thread-safe.
std::vector<GoldAccuracy> GoldAccuracyOf(const CodedAnswers& answers, std::span<const int32_t> gold);

// Adds `more` to `sums` annotator by annotator (for accuracy over several questions); `sums`
// grows to cover every annotator in `more`.
void AddGoldAccuracy(std::vector<GoldAccuracy>& sums, std::span<const GoldAccuracy> more);

}  // namespace quorum
