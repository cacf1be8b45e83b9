#include "quality/question_answers.h"

namespace quorum {

bool IsScaled(const QuestionSpec& question) {
  return question.kind == QuestionKind::kLabel || question.kind == QuestionKind::kRating ||
         question.kind == QuestionKind::kPreference;
}

nlohmann::json AnswerJson(const QuestionAnswers& answers, int32_t code) {
  if (code < 0) return nullptr;
  const size_t index = static_cast<size_t>(code);
  const QuestionSpec& question = answers.question;
  switch (question.kind) {
    case QuestionKind::kLabel: return answers.scale.names.at(index);
    case QuestionKind::kRating: return answers.scale.values.at(index);
    case QuestionKind::kPreference:
      if (question.scale == PreferenceScale::kFivePoint) return static_cast<int>(answers.scale.values.at(index));
      return answers.scale.names.at(index);
    case QuestionKind::kMultiLabel: {
      nlohmann::json labels = nlohmann::json::array();
      for (int32_t label : answers.label_sets.at(index)) labels.push_back(question.labels.at(static_cast<size_t>(label)));
      return labels;
    }
    case QuestionKind::kSpan: {
      nlohmann::json spans = nlohmann::json::array();
      for (const LabelledSpan& span : answers.span_lists.at(index))
        spans.push_back({{"start", span.start}, {"end", span.end}, {"label", question.labels.at(static_cast<size_t>(span.label))}});
      return spans;
    }
    case QuestionKind::kRanking: {
      nlohmann::json order = nlohmann::json::array();
      const std::vector<std::string>& names = question.field.empty() ? question.options : answers.ranked_items;
      for (int32_t option : answers.rankings.at(index)) order.push_back(names.at(static_cast<size_t>(option)));
      return order;
    }
    case QuestionKind::kText: return nullptr;
  }
  return nullptr;
}

}  // namespace quorum
