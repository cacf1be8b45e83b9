#include "export/export_plan.h"

#include <algorithm>
#include <span>

#include "quality/preference_vote.h"

namespace quorum {
namespace {

Error Invalid(const std::string& why) { return MakeError(ErrorCode::kInvalid, why); }

Result<QuestionSpec> ChooseQuestion(const Schema& schema, const ExportPolicy& policy) {
  const char* format = TrainingFormatName(policy.format);
  if (!policy.question.empty()) {
    const QuestionSpec* named = schema.FindQuestion(policy.question);
    if (named == nullptr) return Invalid("question: the project has no question '" + policy.question + "'");
    if (!FormatReads(policy.format, named->kind))
      return Invalid(std::string("question: '") + policy.question + "' is a " + QuestionKindName(named->kind) +
                     " question; " + format + " reads " + FormatQuestionKinds(policy.format) + " questions");
    return *named;
  }
  // The first question of the first kind the format prefers (dpo: a preference before a
  // ranking; kto: a rating, then a label, then a preference).
  const QuestionKind pairs_first[] = {QuestionKind::kPreference, QuestionKind::kRanking, QuestionKind::kText};
  const QuestionKind judgments_first[] = {QuestionKind::kRating, QuestionKind::kLabel, QuestionKind::kPreference};
  const std::span<const QuestionKind> order =
      policy.format == TrainingFormat::kKto ? std::span<const QuestionKind>(judgments_first)
                                             : std::span<const QuestionKind>(pairs_first);
  for (QuestionKind kind : order) {
    if (!FormatReads(policy.format, kind)) continue;
    for (const QuestionSpec& question : schema.questions)
      if (question.kind == kind) return question;
  }
  return Invalid(std::string("format: ") + format + " needs a " + FormatQuestionKinds(policy.format) +
                 " question and the project has none");
}

Result<const FieldSpec*> NamedField(const Schema& schema, const std::string& name, const char* option) {
  const FieldSpec* field = schema.FindField(name);
  if (field == nullptr) return Invalid(std::string(option) + ": the project has no field '" + name + "'");
  return field;
}

bool Compared(const QuestionSpec& question, const std::string& field) {
  return std::find(question.options.begin(), question.options.end(), field) != question.options.end();
}

Result<const FieldSpec*> ChoosePrompt(const Schema& schema, const QuestionSpec& question, const ExportPolicy& policy) {
  if (!policy.prompt_field.empty()) return NamedField(schema, policy.prompt_field, "prompt_field");
  if (const FieldSpec* prompt = schema.FindField("prompt")) return prompt;
  for (const FieldSpec& field : schema.fields)
    if (!Compared(question, field.name) && field.kind != FieldKind::kImageUrl) return &field;
  return Invalid("prompt_field: every field is compared by '" + question.name + "'; name the prompt field");
}

// The answer codes' sides for kto: desirable first.
Status KtoSides(const ExportPolicy& policy, ExportPlan& plan) {
  const QuestionSpec& question = plan.question;
  const int32_t codes = plan.scale.code_count();
  plan.code_side.assign(static_cast<size_t>(codes), Side::kSecond);
  if (question.kind == QuestionKind::kRating) {
    const std::vector<double>& values = plan.scale.values;
    double threshold = 0;
    if (policy.kto_threshold) {
      threshold = *policy.kto_threshold;
    } else {
      const double middle = (values.front() + values.back()) / 2;
      threshold = values.back();
      for (double value : values)
        if (value > middle) threshold = std::min(threshold, value);
    }
    for (int32_t code = 0; code < codes; ++code)
      if (values[static_cast<size_t>(code)] >= threshold) plan.code_side[static_cast<size_t>(code)] = Side::kFirst;
    return OkStatus();
  }
  std::vector<std::string> desirable = policy.kto_desirable;
  if (desirable.empty()) desirable.push_back(question.labels.front());
  for (const std::string& label : desirable) {
    auto it = std::find(plan.scale.names.begin(), plan.scale.names.end(), label);
    if (it == plan.scale.names.end())
      return Invalid("kto_desirable: '" + label + "' is not a label of question '" + question.name + "'");
    plan.code_side[static_cast<size_t>(it - plan.scale.names.begin())] = Side::kFirst;
  }
  return OkStatus();
}

Status PreferenceSides(ExportPlan& plan) {
  QUORUM_ASSIGN_OR_RETURN(std::vector<PreferenceVoteMeaning> meanings, PreferenceMeanings(plan.question));
  for (const PreferenceVoteMeaning& meaning : meanings) {
    plan.code_side.push_back(meaning.side < 0 ? Side::kFirst : meaning.side > 0 ? Side::kSecond : Side::kNone);
    plan.code_strength.push_back(meaning.strength == 0 ? 1 : meaning.strength);
  }
  return OkStatus();
}

}  // namespace

Result<ExportPlan> PlanExport(const Project& project, const ExportPolicy& policy) {
  const Schema& schema = project.schema;
  ExportPlan plan;
  QUORUM_ASSIGN_OR_RETURN(plan.question, ChooseQuestion(schema, policy));
  const QuestionSpec& question = plan.question;
  const bool scaled = question.kind == QuestionKind::kPreference || question.kind == QuestionKind::kRating ||
                      question.kind == QuestionKind::kLabel;
  if (policy.method != AggregationMethod::kMajority && !scaled)
    return Invalid(std::string("method: ") + AggregationMethodName(policy.method) + " applies to label, rating and "
                   "preference questions; '" + question.name + "' is a " + QuestionKindName(question.kind) +
                   " question (use majority)");
  QUORUM_ASSIGN_OR_RETURN(const FieldSpec* prompt, ChoosePrompt(schema, question, policy));
  plan.fields.push_back(prompt->name);
  plan.prompt_is_chat = prompt->kind == FieldKind::kChat;
  if (question.kind == QuestionKind::kPreference && question.options.size() != 2)
    return Invalid("question: '" + question.name + "' compares " + std::to_string(question.options.size()) +
                   " responses; preference exports need exactly two");
  // A ranking of an item_list field (Label Studio's Ranker) orders items each record brings,
  // not response fields: there are no texts to pair as chosen and rejected.
  if (question.kind == QuestionKind::kRanking && !question.field.empty())
    return Invalid("question: '" + question.name + "' ranks the items of list field '" + question.field +
                   "', which training exports do not read yet; export it as Label Studio JSON");
  if (question.kind == QuestionKind::kPreference || question.kind == QuestionKind::kRanking)
    for (const std::string& option : question.options) plan.fields.push_back(option);
  if (scaled) {
    QUORUM_ASSIGN_OR_RETURN(plan.scale, ScaleFor(question));
  }
  if (policy.format == TrainingFormat::kKto) {
    if (question.kind == QuestionKind::kPreference) {
      QUORUM_RETURN_IF_ERROR(PreferenceSides(plan));
    } else {
      QUORUM_RETURN_IF_ERROR(KtoSides(policy, plan));
      plan.code_strength.assign(plan.code_side.size(), 1);
      std::string completion = policy.completion_field;
      if (completion.empty() && schema.FindField("response") != nullptr) completion = "response";
      if (completion.empty())
        for (const FieldSpec& field : schema.fields)
          if (field.name != prompt->name && field.kind != FieldKind::kImageUrl) {
            completion = field.name;
            break;
          }
      if (!completion.empty()) {
        QUORUM_ASSIGN_OR_RETURN(const FieldSpec* field, NamedField(schema, completion, "completion_field"));
        plan.fields.push_back(field->name);
        plan.has_completion_field = true;
      } else if (!plan.prompt_is_chat) {
        return Invalid("completion_field: the project has no field to use as the completion; name one");
      }
    }
  } else if (question.kind == QuestionKind::kPreference) {
    QUORUM_RETURN_IF_ERROR(PreferenceSides(plan));
  }
  if (policy.format == TrainingFormat::kSftAlpaca)
    for (const char* name : {"input", "context"})
      if (!plan.has_input_field && schema.FindField(name) != nullptr && prompt->name != name) {
        plan.fields.push_back(name);
        plan.has_input_field = true;
      }
  plan.conversational = policy.format == TrainingFormat::kDpoChat || policy.format == TrainingFormat::kSftMessages ||
                        (plan.prompt_is_chat && (policy.format == TrainingFormat::kKto ||
                                                 policy.format == TrainingFormat::kSftPromptCompletion));
  return plan;
}

}  // namespace quorum
