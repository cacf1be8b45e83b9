// The template registry: one table naming each template, describing it and building it.
#include "schema/templates.h"

#include <array>

#include "schema/template_catalog.h"

namespace quorum {
namespace {

struct TemplateEntry {
  TemplateInfo info;
  ProjectDefinition (*build)();
};

const std::array<TemplateEntry, 8> kTemplates{{
    {{"pairwise-preference", "Choose the better of two responses to a prompt, with an optional rationale (DPO, reward models)."},
     &PairwisePreferenceTemplate},
    {{"preference-5point-rubric",
      "Compare two responses on a 5-point scale, rate each for helpfulness and safety, explain why."},
     &FivePointRubricTemplate},
    {{"sft-demonstration", "Write the ideal response to a prompt (supervised fine-tuning data)."},
     &SftDemonstrationTemplate},
    {{"response-rating", "Rate one response to a prompt on a 1-5 rubric and flag its issues."},
     &ResponseRatingTemplate},
    {{"text-classification", "Classify a text as positive, negative or neutral."}, &TextClassificationTemplate},
    {{"ner-spans", "Mark the people, organisations, locations and other named entities in a text."},
     &NerSpansTemplate},
    {{"best-of-n-ranking", "Rank four responses to a prompt from best to worst."}, &BestOfNRankingTemplate},
    {{"dialogue-rating", "Rate the quality and safety of a multi-turn conversation."}, &DialogueRatingTemplate},
}};

}  // namespace

FieldSpec MakeField(std::string name, FieldKind kind, std::string title) {
  FieldSpec field;
  field.title = title.empty() ? name : std::move(title);
  field.name = std::move(name);
  field.kind = kind;
  return field;
}

QuestionSpec MakeQuestion(std::string name, QuestionKind kind, bool required, std::string title) {
  QuestionSpec question;
  question.title = title.empty() ? name : std::move(title);
  question.name = std::move(name);
  question.kind = kind;
  question.required = required;
  return question;
}

MetadataProperty MakeTerms(std::string name, std::string title) {
  MetadataProperty property;
  property.title = title.empty() ? name : std::move(title);
  property.name = std::move(name);
  property.kind = MetadataKind::kTerms;
  return property;
}

nlohmann::json OverlapSettings(int overlap) { return nlohmann::json{{"overlap", overlap}}; }

const std::vector<TemplateInfo>& ListTemplates() {
  static const std::vector<TemplateInfo> kList = [] {
    std::vector<TemplateInfo> list;
    for (const TemplateEntry& entry : kTemplates) list.push_back(entry.info);
    return list;
  }();
  return kList;
}

Result<ProjectDefinition> LoadTemplate(std::string_view name) {
  std::string known;
  for (const TemplateEntry& entry : kTemplates) {
    if (entry.info.name == name) return entry.build();
    if (!known.empty()) known += ", ";
    known += entry.info.name;
  }
  return MakeError(ErrorCode::kNotFound, "unknown template '" + std::string(name) + "'; known templates: " + known);
}

}  // namespace quorum
