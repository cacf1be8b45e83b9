// The items annotators disagree on most, for review and adjudication.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "quality/coded_answers.h"
#include "quality/scale.h"

namespace quorum {

struct Disagreement {
  int64_t item = 0;
  double score = 0;     // mean distance over the item's answer pairs, 0 (all equal) .. 1
  int32_t answers = 0;  // how many answers the item has
};

// Up to `limit` items with two or more answers and a score above 0, the highest score first
// (then more answers first, then lower item first). `distance` maps two codes to 0..1. Thread-safe.
std::vector<Disagreement> MostDisagreed(const CodedAnswers& answers,
                                        const std::function<double(int32_t, int32_t)>& distance, int limit);

// A 0..1 distance between codes of `scale` at `level`: nominal 0/1; ordinal the difference of
// positions over the largest one; interval and ratio the difference of values over the range.
std::function<double(int32_t, int32_t)> ScaleDistance(const Scale& scale, Level level);

}  // namespace quorum
