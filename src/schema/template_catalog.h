// The built-in templates' definitions and the helpers that build them (internal to
// src/schema; callers use templates.h). Each *Template() returns a fresh definition.
#pragma once

#include <string>
#include <vector>

#include "schema/schema_json.h"

namespace quorum {

// Schema entries with the title defaulting to the name, as the JSON reader would make them.
FieldSpec MakeField(std::string name, FieldKind kind, std::string title = "");
QuestionSpec MakeQuestion(std::string name, QuestionKind kind, bool required, std::string title = "");
MetadataProperty MakeTerms(std::string name, std::string title = "");
// {"overlap": overlap}: how many distinct annotators answer each record.
nlohmann::json OverlapSettings(int overlap);

// Comparing responses (preference_templates.cc).
ProjectDefinition PairwisePreferenceTemplate();
ProjectDefinition FivePointRubricTemplate();
ProjectDefinition BestOfNRankingTemplate();
ProjectDefinition ResponseRatingTemplate();

// Writing and labelling (labeling_templates.cc).
ProjectDefinition SftDemonstrationTemplate();
ProjectDefinition TextClassificationTemplate();
ProjectDefinition NerSpansTemplate();
ProjectDefinition DialogueRatingTemplate();

}  // namespace quorum
