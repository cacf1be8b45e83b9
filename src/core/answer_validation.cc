// ValidateAnswer and IsEmptyAnswer, and the checks of the single-value question kinds (label,
// multi_label, rating, text). Ranking, preference and span answers have files of their own.
#include <algorithm>
#include <set>

#include "core/answer_checks.h"
#include "core/problem_text.h"
#include "core/validation.h"

namespace quorum {
namespace {

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string NotALabel(const QuestionSpec& question, const std::string& label) {
  return "label " + Quoted(label) + " is not one of: " + JoinNames(question.labels);
}

}  // namespace

std::vector<std::string> CheckLabelAnswer(const QuestionSpec& question, const nlohmann::json& value) {
  if (!value.is_string()) return {ExpectedGot("a string", value)};
  const std::string& label = value.get_ref<const std::string&>();
  if (!Contains(question.labels, label)) return {NotALabel(question, label)};
  return {};
}

std::vector<std::string> CheckMultiLabelAnswer(const QuestionSpec& question, const nlohmann::json& value) {
  if (!value.is_array()) return {ExpectedGot("an array of labels", value)};
  std::vector<std::string> reasons;
  std::set<std::string> seen;
  for (std::size_t index = 0; index < value.size(); ++index) {
    const nlohmann::json& item = value[index];
    if (!item.is_string()) {
      reasons.push_back("item " + std::to_string(index) + ": " + ExpectedGot("a string", item));
      continue;
    }
    const std::string& label = item.get_ref<const std::string&>();
    if (!Contains(question.labels, label)) reasons.push_back(NotALabel(question, label));
    else if (!seen.insert(label).second) reasons.push_back("label " + Quoted(label) + " is chosen more than once");
  }
  return reasons;
}

std::vector<std::string> CheckRatingAnswer(const QuestionSpec& question, const nlohmann::json& value) {
  if (!value.is_number()) return {ExpectedGot("a number", value)};
  const double rating = value.get<double>();
  if (std::find(question.values.begin(), question.values.end(), rating) == question.values.end())
    return {"rating " + DescribeValue(value) + " is not one of: " + JoinNumbers(question.values)};
  return {};
}

std::vector<std::string> CheckTextAnswer(const QuestionSpec&, const nlohmann::json& value) {
  if (!value.is_string()) return {ExpectedGot("a string", value)};
  return {};
}

bool IsEmptyAnswer(const QuestionSpec& question, const nlohmann::json& value) {
  if (value.is_null()) return true;
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.empty()) return true;
    return question.kind == QuestionKind::kText && question.required && IsBlank(text);
  }
  if (value.is_array()) return value.empty() && question.kind != QuestionKind::kSpan;
  return false;
}

std::vector<Problem> ValidateAnswer(const QuestionSpec& question, const nlohmann::json& value,
                                    const nlohmann::json& record_fields, std::string_view location) {
  const std::string subject = QuestionSubject(question.name);
  if (IsEmptyAnswer(question, value)) return {Problem{std::string(location), subject, "no answer"}};
  std::vector<std::string> reasons;
  switch (question.kind) {
    case QuestionKind::kLabel: reasons = CheckLabelAnswer(question, value); break;
    case QuestionKind::kMultiLabel: reasons = CheckMultiLabelAnswer(question, value); break;
    case QuestionKind::kRating: reasons = CheckRatingAnswer(question, value); break;
    case QuestionKind::kText: reasons = CheckTextAnswer(question, value); break;
    case QuestionKind::kSpan: reasons = CheckSpanAnswer(question, value, record_fields); break;
    case QuestionKind::kRanking: reasons = CheckRankingAnswer(question, value, record_fields); break;
    case QuestionKind::kPreference: reasons = CheckPreferenceAnswer(question, value); break;
  }
  std::vector<Problem> problems;
  for (std::string& reason : reasons) problems.push_back(Problem{std::string(location), subject, std::move(reason)});
  return problems;
}

}  // namespace quorum
