// One JSON line per training example, in TRL's column names. Each Open* function starts a
// row in `line` (cleared first) with the format's columns; optional columns follow, then
// CloseRow. Key order is fixed, so equal inputs give equal bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "export/field_text.h"
#include "export/training_format.h"

namespace quorum {

// dpo, reward, ranking-pairs: {"prompt", "chosen", "rejected"} strings (reward adds "margin");
// dpo-chat: the prompt's turns (a text prompt is one user message) and the chosen and rejected
// responses as assistant messages (a chat response keeps its turns).
void OpenPairRow(std::string& line, TrainingFormat format, const FieldText& prompt, const FieldText& chosen,
                 const FieldText& rejected, double margin);

// kto: {"prompt", "completion", "label"}; message lists when `conversational`.
void OpenUnpairedRow(std::string& line, bool conversational, const FieldText& prompt, const FieldText& completion,
                     bool label);

// sft-messages {"messages"}: the prompt's turns then the answer as the assistant's;
// sft-alpaca {"instruction", "input", "output"} (input: `input`, or "" when null);
// sft-prompt-completion {"prompt", "completion"}, message lists when `conversational`.
void OpenSftRow(std::string& line, TrainingFormat format, bool conversational, const FieldText& prompt,
                const FieldText* input, std::string_view answer);

struct RowProvenance {
  int64_t record_id = 0;
  std::string_view external_id;
  std::optional<double> agreement;  // null for SFT rows (written text has no vote)
  int32_t annotators = 0;
  std::span<const int64_t> annotator_ids;
  int guideline_version = 1;
};

// ,"record_id","external_id","agreement","n_annotators","annotator_ids","guideline_version"
void AppendProvenance(std::string& line, const RowProvenance& provenance);

// ,"split":"train"|"test"
void AppendSplit(std::string& line, bool test);

// Closes the row: "}\n".
inline void CloseRow(std::string& line) { line += "}\n"; }

}  // namespace quorum
