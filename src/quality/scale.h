// Scale: what the codes of a label, rating or preference question mean, and how far apart
// they are (the level of measurement).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/schema.h"

namespace quorum {

// Krippendorff's levels of measurement, weakest first. A scale supports its own level and
// every weaker one.
enum class Level { kNominal, kOrdinal, kInterval, kRatio };

// "nominal", "ordinal", "interval", "ratio".
const char* LevelName(Level level);

// Codes 0 .. names.size() - 1. For ordinal and stronger scales the codes are in order, and for
// interval and ratio scales `values` holds each code's number.
struct Scale {
  std::vector<std::string> names;  // code -> what the UI and exports call it
  std::vector<double> values;      // code -> number; empty for nominal scales
  Level level = Level::kNominal;   // the strongest level the scale supports

  int32_t code_count() const { return static_cast<int32_t>(names.size()); }
};

// The scale of a question:
// - label: its labels, nominal.
// - rating: its values sorted ascending, interval (ratio as well when none is negative).
// - preference, five_point: -2..2 (A much better .. B much better), interval.
// - preference, binary or three_way over two options: A < tie < B (tie only on three_way),
//   ordinal; over more options: the options (and "tie"), nominal.
// kInvalid for the other kinds (multi_label, span, ranking, text), which have no scale.
Result<Scale> ScaleFor(const QuestionSpec& question);

// Whether `level` can be used on `scale` (the scale's own level or a weaker one; ratio also
// needs every value to be non-negative).
bool Supports(const Scale& scale, Level level);

}  // namespace quorum
