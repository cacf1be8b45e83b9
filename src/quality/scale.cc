#include "quality/scale.h"

#include <algorithm>

#include "core/problem_text.h"

namespace quorum {

const char* LevelName(Level level) {
  switch (level) {
    case Level::kNominal: return "nominal";
    case Level::kOrdinal: return "ordinal";
    case Level::kInterval: return "interval";
    case Level::kRatio: return "ratio";
  }
  return "nominal";
}

namespace {

Scale RatingScale(const QuestionSpec& question) {
  Scale scale;
  scale.values = question.values;
  std::sort(scale.values.begin(), scale.values.end());
  scale.values.erase(std::unique(scale.values.begin(), scale.values.end()), scale.values.end());
  for (double value : scale.values) scale.names.push_back(FormatNumber(value));
  const bool non_negative = std::all_of(scale.values.begin(), scale.values.end(), [](double v) { return v >= 0; });
  scale.level = non_negative ? Level::kRatio : Level::kInterval;
  return scale;
}

Scale PreferenceScaleOf(const QuestionSpec& question) {
  Scale scale;
  if (question.scale == PreferenceScale::kFivePoint) {
    scale.names = {"A much better", "A slightly better", "tie", "B slightly better", "B much better"};
    scale.values = {-2, -1, 0, 1, 2};
    scale.level = Level::kInterval;
    return scale;
  }
  const bool three_way = question.scale == PreferenceScale::kThreeWay;
  if (question.options.size() == 2) {
    scale.names = {question.options[0]};
    if (three_way) scale.names.push_back("tie");
    scale.names.push_back(question.options[1]);
    scale.level = Level::kOrdinal;
    return scale;
  }
  scale.names = question.options;
  if (three_way) scale.names.push_back("tie");
  return scale;
}

}  // namespace

Result<Scale> ScaleFor(const QuestionSpec& question) {
  switch (question.kind) {
    case QuestionKind::kLabel: return Scale{question.labels, {}, Level::kNominal};
    case QuestionKind::kRating: return RatingScale(question);
    case QuestionKind::kPreference: return PreferenceScaleOf(question);
    default:
      return MakeError(ErrorCode::kInvalid, std::string(QuestionKindName(question.kind)) +
                                                " question '" + question.name + "' has no scale of values");
  }
}

bool Supports(const Scale& scale, Level level) {
  if (level > scale.level) return false;
  if (level == Level::kRatio)
    return std::all_of(scale.values.begin(), scale.values.end(), [](double value) { return value >= 0; });
  return true;
}

}  // namespace quorum
