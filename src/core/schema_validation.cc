// ValidateSchema: the schema is self-consistent. Every rule adds a Problem and goes on, so one
// pass reports everything an author has to fix.
#include <cmath>
#include <set>
#include <string>

#include "core/problem_text.h"
#include "core/validation.h"

namespace quorum {
namespace {

class SchemaChecker {
 public:
  explicit SchemaChecker(const Schema& schema) : schema_(schema) {}

  std::vector<Problem> Run() {
    CheckNames(schema_.fields, "field", "fields");
    CheckNames(schema_.questions, "question", "questions");
    CheckNames(schema_.metadata, "metadata", "metadata");
    if (schema_.questions.empty()) Add("", "the schema asks no questions; add at least one");
    for (std::size_t index = 0; index < schema_.questions.size(); ++index)
      CheckQuestion(schema_.questions[index], index);
    for (std::size_t index = 0; index < schema_.metadata.size(); ++index)
      CheckMetadata(schema_.metadata[index], index);
    return std::move(problems_);
  }

 private:
  void Add(std::string subject, std::string reason) {
    problems_.push_back(Problem{"", std::move(subject), std::move(reason)});
  }

  // Names are unique per list only: a field and a question may share a name (the SFT template
  // shows field "prompt" and asks question "response"; nothing forbids "prompt" in both lists).
  template <class Spec>
  void CheckNames(const std::vector<Spec>& specs, std::string_view noun, std::string_view list) {
    std::set<std::string_view> seen;
    std::set<std::string_view> reported;
    for (std::size_t index = 0; index < specs.size(); ++index) {
      const std::string& name = specs[index].name;
      if (name.empty()) {
        Add(UnnamedSubject(list, index), "name is empty");
      } else if (!seen.insert(name).second && reported.insert(name).second) {
        Add(std::string(noun) + " " + Quoted(name), "name is used more than once in " + std::string(list));
      }
    }
  }

  static std::string Subject(const QuestionSpec& question, std::size_t index) {
    return question.name.empty() ? UnnamedSubject("questions", index) : QuestionSubject(question.name);
  }

  void CheckQuestion(const QuestionSpec& question, std::size_t index) {
    const std::string subject = Subject(question, index);
    const std::string kind = QuestionKindName(question.kind);
    switch (question.kind) {
      case QuestionKind::kLabel:
      case QuestionKind::kMultiLabel:
        CheckLabels(question, subject, kind);
        break;
      case QuestionKind::kSpan:
        CheckLabels(question, subject, kind);
        CheckSpanField(question, subject);
        break;
      case QuestionKind::kRating:
        CheckRatingValues(question, subject);
        break;
      case QuestionKind::kText:
        break;
      case QuestionKind::kRanking:
        CheckRanking(question, subject);
        break;
      case QuestionKind::kPreference:
        CheckPreference(question, subject);
        break;
    }
  }

  void CheckLabels(const QuestionSpec& question, const std::string& subject, const std::string& kind) {
    if (question.labels.empty()) {
      Add(subject, "a " + kind + " question needs at least one label");
      return;
    }
    std::set<std::string_view> seen;
    for (const std::string& label : question.labels) {
      if (label.empty()) Add(subject, "labels: a label is empty");
      else if (!seen.insert(label).second) Add(subject, "labels: " + Quoted(label) + " is listed more than once");
    }
  }

  void CheckSpanField(const QuestionSpec& question, const std::string& subject) {
    if (question.field.empty()) {
      Add(subject, "a span question needs the text field its spans cover (\"field\")");
      return;
    }
    const FieldSpec* field = schema_.FindField(question.field);
    if (field == nullptr) {
      Add(subject, "field " + Quoted(question.field) + " is not a field of the schema");
    } else if (field->kind != FieldKind::kText && field->kind != FieldKind::kMarkdown) {
      Add(subject, "field " + Quoted(question.field) + " is a " + FieldKindName(field->kind) +
                       " field; spans need a text or markdown field");
    }
  }

  void CheckRatingValues(const QuestionSpec& question, const std::string& subject) {
    std::set<double> distinct;
    for (double value : question.values) {
      if (!std::isfinite(value)) Add(subject, "values: " + FormatNumber(value) + " is not a finite number");
      else if (!distinct.insert(value).second) Add(subject, "values: " + FormatNumber(value) + " is listed more than once");
    }
    if (distinct.size() < 2) Add(subject, "a rating question needs at least two distinct values");
  }

  void CheckOptions(const QuestionSpec& question, const std::string& subject, const std::string& kind) {
    if (question.options.size() < 2)
      Add(subject, "a " + kind + " question needs at least two options, got " + std::to_string(question.options.size()));
    std::set<std::string_view> seen;
    for (const std::string& option : question.options) {
      if (schema_.FindField(option) == nullptr)
        Add(subject, "option " + Quoted(option) + " is not a field of the schema");
      else if (!seen.insert(option).second)
        Add(subject, "option " + Quoted(option) + " is listed more than once");
    }
  }

  // A ranking orders either the fields named by `options` or the items of an item_list field.
  void CheckRanking(const QuestionSpec& question, const std::string& subject) {
    if (question.field.empty()) return CheckOptions(question, subject, "ranking");
    if (!question.options.empty()) Add(subject, "a ranking has either options or an item_list field, not both");
    const FieldSpec* field = schema_.FindField(question.field);
    if (field == nullptr) {
      Add(subject, "field " + Quoted(question.field) + " is not a field of the schema");
    } else if (field->kind != FieldKind::kItemList) {
      Add(subject, "field " + Quoted(question.field) + " is a " + FieldKindName(field->kind) +
                       " field; a ranking ranks the items of an item_list field");
    }
  }

  void CheckPreference(const QuestionSpec& question, const std::string& subject) {
    CheckOptions(question, subject, "preference");
    if (question.scale == PreferenceScale::kFivePoint && question.options.size() != 2)
      Add(subject, "a five_point preference compares exactly two options, got " +
                       std::to_string(question.options.size()));
    // On the three-way scale the answer "tie" would be ambiguous with an option of that name.
    if (question.scale == PreferenceScale::kThreeWay) {
      for (const std::string& option : question.options)
        if (option == "tie") Add(subject, "option 'tie' clashes with the three_way answer \"tie\"; rename the field");
    }
  }

  void CheckMetadata(const MetadataProperty& property, std::size_t index) {
    const std::string subject =
        property.name.empty() ? UnnamedSubject("metadata", index) : MetadataSubject(property.name);
    if (property.kind == MetadataKind::kTerms) {
      std::set<std::string_view> seen;
      for (const std::string& term : property.terms)
        if (!seen.insert(term).second) Add(subject, "terms: " + Quoted(term) + " is listed more than once");
      if (property.min || property.max) Add(subject, "min and max apply only to integer and float properties");
      return;
    }
    if (!property.terms.empty()) Add(subject, "terms apply only to terms properties");
    CheckBound(property, property.min, "min", subject);
    CheckBound(property, property.max, "max", subject);
    if (property.min && property.max && *property.min > *property.max)
      Add(subject, "min " + FormatNumber(*property.min) + " is greater than max " + FormatNumber(*property.max));
  }

  void CheckBound(const MetadataProperty& property, const std::optional<double>& bound, std::string_view which,
                  const std::string& subject) {
    if (!bound) return;
    if (!std::isfinite(*bound)) {
      Add(subject, std::string(which) + " " + FormatNumber(*bound) + " is not a finite number");
    } else if (property.kind == MetadataKind::kInteger && std::floor(*bound) != *bound) {
      Add(subject, std::string(which) + " must be an integer for an integer property, got " + FormatNumber(*bound));
    }
  }

  const Schema& schema_;
  std::vector<Problem> problems_;
};

}  // namespace

std::vector<Problem> ValidateSchema(const Schema& schema) { return SchemaChecker(schema).Run(); }

}  // namespace quorum
