// Builders for the core tests (test-only; included by *_test.cc files). Each returns a fresh
// spec with the title equal to the name, like a schema read from JSON.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/schema.h"

namespace quorum::builders {

inline FieldSpec Field(std::string name, FieldKind kind, bool required = true) {
  FieldSpec field;
  field.title = name;
  field.name = std::move(name);
  field.kind = kind;
  field.required = required;
  return field;
}

inline QuestionSpec Question(std::string name, QuestionKind kind, bool required = true) {
  QuestionSpec question;
  question.title = name;
  question.name = std::move(name);
  question.kind = kind;
  question.required = required;
  return question;
}

inline QuestionSpec WithLabels(QuestionSpec question, std::vector<std::string> labels) {
  question.labels = std::move(labels);
  return question;
}

inline QuestionSpec WithOptions(QuestionSpec question, std::vector<std::string> options,
                                PreferenceScale scale = PreferenceScale::kBinary) {
  question.options = std::move(options);
  question.scale = scale;
  return question;
}

inline QuestionSpec Rating(std::string name, std::vector<double> values, bool required = true) {
  QuestionSpec question = Question(std::move(name), QuestionKind::kRating, required);
  question.values = std::move(values);
  return question;
}

inline QuestionSpec Spans(std::string name, std::string field, std::vector<std::string> labels, bool allow_overlap) {
  QuestionSpec question = WithLabels(Question(std::move(name), QuestionKind::kSpan), std::move(labels));
  question.field = std::move(field);
  question.allow_overlap = allow_overlap;
  return question;
}

inline MetadataProperty Metadata(std::string name, MetadataKind kind) {
  MetadataProperty property;
  property.title = name;
  property.name = std::move(name);
  property.kind = kind;
  return property;
}

// The "subject: reason" of each problem, leaving out the location, for compact expectations.
inline std::vector<std::string> SubjectsAndReasons(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& problem : problems) out.push_back(Problem{"", problem.subject, problem.reason}.ToString());
  return out;
}

}  // namespace quorum::builders
