// ValidateResponseValues and ValidateGold: a whole set of answers against the schema.
#include "core/problem_text.h"
#include "core/validation.h"

namespace quorum {
namespace {

void Append(std::vector<Problem>& problems, std::vector<Problem> more) {
  for (Problem& problem : more) problems.push_back(std::move(problem));
}

// The problems of `answers` not being a JSON object of question names; null counts as {}.
bool CheckAnswerObject(const nlohmann::json& answers, std::string_view what, std::string_view location,
                       std::vector<Problem>& problems) {
  if (answers.is_object() || answers.is_null()) return true;
  problems.push_back(Problem{std::string(location), std::string(what),
                             ExpectedGot("an object mapping question names to answers", answers)});
  return false;
}

void CheckQuestionNames(const Schema& schema, const nlohmann::json& answers, std::string_view location,
                        std::vector<Problem>& problems) {
  if (answers.is_null()) return;
  for (const auto& [name, value] : answers.items()) {
    if (schema.FindQuestion(name) == nullptr)
      problems.push_back(Problem{std::string(location), "", "unknown question " + Quoted(name)});
  }
}

const nlohmann::json* FindAnswer(const nlohmann::json& answers, const std::string& name) {
  if (!answers.is_object()) return nullptr;
  auto it = answers.find(name);
  return it == answers.end() ? nullptr : &*it;
}

}  // namespace

std::vector<Problem> ValidateResponseValues(const Schema& schema, const nlohmann::json& values,
                                            ResponseStatus status, const nlohmann::json& record_fields,
                                            std::string_view location) {
  std::vector<Problem> problems;
  if (!CheckAnswerObject(values, "values", location, problems)) return problems;
  for (const QuestionSpec& question : schema.questions) {
    const nlohmann::json* answer = FindAnswer(values, question.name);
    if (answer == nullptr || IsEmptyAnswer(question, *answer)) {
      if (status == ResponseStatus::kSubmitted && question.required)
        problems.push_back(Problem{std::string(location), QuestionSubject(question.name), "required question has no answer"});
      continue;
    }
    Append(problems, ValidateAnswer(question, *answer, record_fields, location));
  }
  CheckQuestionNames(schema, values, location, problems);
  return problems;
}

std::vector<Problem> ValidateGold(const Schema& schema, const nlohmann::json& gold,
                                  const nlohmann::json& record_fields, std::string_view location) {
  std::vector<Problem> problems;
  if (!CheckAnswerObject(gold, "gold", location, problems)) return problems;
  for (const QuestionSpec& question : schema.questions) {
    const nlohmann::json* answer = FindAnswer(gold, question.name);
    if (answer != nullptr) Append(problems, ValidateAnswer(question, *answer, record_fields, location));
  }
  CheckQuestionNames(schema, gold, location, problems);
  return problems;
}

}  // namespace quorum
