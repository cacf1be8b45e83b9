// One control tag to one question: what each Label Studio control asks, in native terms.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/problem_text.h"
#include "schema/label_config_reader.h"
#include "schema/label_config_tags.h"

namespace quorum {
namespace {

constexpr int kMaxRating = 100;
constexpr double kMaxNumberValues = 1000;

// A value of min + index * step without the binary noise of the product (0.1 * 3).
double StepValue(double min, double step, double index) {
  char text[64];
  std::snprintf(text, sizeof text, "%.12g", min + index * step);
  return std::strtod(text, nullptr);
}

bool AllResolved(const std::vector<const ParsedObject*>& targets) {
  return std::none_of(targets.begin(), targets.end(), [](const ParsedObject* target) { return target == nullptr; });
}

bool BuildChoices(const ParsedControl& control, LabelConfigReader& reader, QuestionSpec& question,
                  ControlBinding& binding) {
  const std::string choice = Attribute(control.node, "choice").as_string("single");
  if (choice != "single" && choice != "single-radio" && choice != "multiple") {
    reader.Report(control.node, "choice must be single, single-radio or multiple, got " + Quoted(choice));
    return false;
  }
  if (control.options.empty()) {
    const std::string value = Attribute(control.node, "value").as_string();
    reader.Report(control.node, "a control with no choices: add <Choice value=\"...\"/> tags" +
                                    std::string(value.empty() ? "" : " (choices taken from the task data, value=" +
                                                                         Quoted(value) + ", are not supported)"));
    return false;
  }
  binding.multiple = choice == "multiple";
  question.kind = binding.multiple ? QuestionKind::kMultiLabel : QuestionKind::kLabel;
  question.labels = control.options;
  return true;
}

bool BuildLabels(const ParsedControl& control, const std::vector<const ParsedObject*>& targets,
                 LabelConfigReader& reader, QuestionSpec& question, ControlBinding& binding) {
  if (control.options.empty()) {
    reader.Report(control.node, "a control with no labels: add <Label value=\"...\"/> tags");
    return false;
  }
  if (targets.size() != 1) {
    reader.Report(control.node, "Labels annotate one <Text>; toName lists " + std::to_string(targets.size()) + " names");
    return false;
  }
  const ParsedObject& target = *targets[0];
  if (target.tag != LabelStudioObject::kText || !target.variable) {
    reader.Report(control.node, "Labels annotate a <Text> bound to a $variable; " + Quoted(target.name) + " is " +
                                    (target.tag != LabelStudioObject::kText
                                         ? std::string("a <") + ObjectTagName(target.tag) + ">"
                                         : std::string("static text")));
    return false;
  }
  const std::string choice = Attribute(control.node, "choice").as_string("single");
  binding.multiple = choice == "multiple";
  question.kind = QuestionKind::kSpan;
  question.labels = control.options;
  question.field = *target.variable;
  question.allow_overlap = true;  // Label Studio lets regions overlap
  return true;
}

bool BuildRating(const ParsedControl& control, LabelConfigReader& reader, QuestionSpec& question) {
  const double max = reader.Number(control.node, "maxRating").value_or(5);
  if (max != std::floor(max) || max < 2 || max > kMaxRating) {
    reader.Report(control.node, "maxRating must be a whole number from 2 to " + std::to_string(kMaxRating) +
                                    ", got " + FormatNumber(max));
    return false;
  }
  question.kind = QuestionKind::kRating;
  for (int value = 1; value <= static_cast<int>(max); ++value) question.values.push_back(value);
  return true;
}

// Quorum's numeric answers are a finite scale, so a Number needs both bounds.
bool BuildNumber(const ParsedControl& control, LabelConfigReader& reader, QuestionSpec& question) {
  std::optional<double> min = reader.Number(control.node, "min");
  std::optional<double> max = reader.Number(control.node, "max");
  const double step = reader.Number(control.node, "step").value_or(1);
  if (!min || !max) {
    reader.Report(control.node, "a Number needs min and max: Quorum's numeric questions are a finite scale");
    return false;
  }
  const double count = step > 0 ? std::floor((*max - *min) / step + 1e-9) + 1 : 0;
  if (step <= 0 || *max <= *min || count > kMaxNumberValues) {
    reader.Report(control.node, "min " + FormatNumber(*min) + ", max " + FormatNumber(*max) + " and step " +
                                    FormatNumber(step) + " must give from 2 to 1000 values");
    return false;
  }
  question.kind = QuestionKind::kRating;
  for (double index = 0; index < count; ++index) question.values.push_back(StepValue(*min, step, index));
  return true;
}

// Which two objects a Pairwise compares: its toName when it lists two; when it lists more
// (seeds/000 lists the prompt too), the two object tags written inside the Pairwise.
bool BuildPairwise(const ParsedControl& control, const std::vector<const ParsedObject*>& targets,
                   LabelConfigReader& reader, QuestionSpec& question, ControlBinding& binding) {
  std::vector<const ParsedObject*> compared;
  if (targets.size() == 2) {
    compared = targets;
  } else {
    for (std::size_t index = 0; index < targets.size(); ++index)
      if (std::find(control.nested_names.begin(), control.nested_names.end(), control.to_names[index]) !=
          control.nested_names.end())
        compared.push_back(targets[index]);
  }
  if (compared.size() != 2) {
    reader.Report(control.node, "a Pairwise compares exactly two objects: list two names in toName (it lists " +
                                    std::to_string(targets.size()) + ")");
    return false;
  }
  for (const ParsedObject* object : compared) {
    if (!object->variable) {
      reader.Report(control.node, "a Pairwise compares task data; " + Quoted(object->name) + " shows static text");
      return false;
    }
    question.options.push_back(*object->variable);
  }
  if (question.options[0] == question.options[1]) {
    reader.Report(control.node, "a Pairwise compares two different data keys; both show $" + question.options[0]);
    return false;
  }
  question.kind = QuestionKind::kPreference;
  question.scale = PreferenceScale::kBinary;
  binding.target = control.name;  // Label Studio writes the Pairwise's own name as to_name
  return true;
}

// A Ranker orders the items of the one <List> it names (Label Studio 1.13, tags/control/Ranker.js):
// a ranking of that List's item_list field, answered with the task's item ids.
bool BuildRanker(const ParsedControl& control, const std::vector<const ParsedObject*>& targets,
                 LabelConfigReader& reader, QuestionSpec& question) {
  if (targets.size() != 1 || targets[0]->tag != LabelStudioObject::kList) {
    reader.Report(control.node, "a Ranker ranks the items of one <List>; toName must name a List");
    return false;
  }
  question.kind = QuestionKind::kRanking;
  question.field = *targets[0]->variable;  // a List's value is always a $variable (checked by the walk)
  return true;
}

}  // namespace

bool BuildQuestion(const ParsedControl& control, const std::vector<const ParsedObject*>& targets,
                   LabelConfigReader& reader, QuestionSpec& question, ControlBinding& binding) {
  question.name = control.name;
  question.title = control.name;
  question.required = reader.Bool(control.node, "required").value_or(false);
  binding.tag = control.tag;
  binding.name = control.name;
  binding.to_names = control.to_names;
  binding.target = control.to_names.front();
  if (!AllResolved(targets)) return false;
  switch (control.tag) {
    case LabelStudioControl::kChoices: return BuildChoices(control, reader, question, binding);
    case LabelStudioControl::kLabels: return BuildLabels(control, targets, reader, question, binding);
    case LabelStudioControl::kRating: return BuildRating(control, reader, question);
    case LabelStudioControl::kNumber: return BuildNumber(control, reader, question);
    case LabelStudioControl::kTextArea: question.kind = QuestionKind::kText; return true;
    case LabelStudioControl::kPairwise: return BuildPairwise(control, targets, reader, question, binding);
    case LabelStudioControl::kRanker: return BuildRanker(control, targets, reader, question);
  }
  return false;
}

}  // namespace quorum
