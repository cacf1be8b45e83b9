// Which question and fields an export reads, resolved once from the project's schema and the
// policy: the prompt, the compared responses, what each answer code votes for.
#pragma once

#include <string>
#include <vector>

#include "core/project.h"
#include "core/result.h"
#include "export/export_policy.h"
#include "export/side_vote.h"
#include "quality/scale.h"

namespace quorum {

struct ExportPlan {
  QuestionSpec question;
  // Fields read from each record: [0] the prompt, then the compared options (preference: A and
  // B; ranking: its options in schema order), or for kto the completion, or for sft-alpaca the
  // input. The completion is absent (kto on a dialogue) when the prompt's last assistant turn
  // is the completion.
  std::vector<std::string> fields;
  bool prompt_is_chat = false;
  bool has_completion_field = false;  // kto
  bool has_input_field = false;       // sft-alpaca: a field named "input" or "context"
  bool conversational = false;        // rows use message lists (dpo-chat, sft-messages, chat prompts)

  // Label, rating and preference questions: the answer codes (positions on `scale`), which side
  // each one votes for and with what strength (five-point: 1 slightly, 2 much; else 1).
  Scale scale;
  std::vector<Side> code_side;
  std::vector<int> code_strength;
};

// kInvalid, saying what to do, when the named question or field does not exist, the question's
// kind does not fit the format, no question fits, a preference compares other than two options,
// or the method does not apply (weighted and dawid-skene: label, rating and preference only).
Result<ExportPlan> PlanExport(const Project& project, const ExportPolicy& policy);

}  // namespace quorum
