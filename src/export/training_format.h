// The training-ready export formats, named as the CLI and the API spell them, and what each
// one reads from a project.
#pragma once

#include <optional>
#include <string_view>

#include "core/schema.h"

namespace quorum {

enum class TrainingFormat {
  kDpo,                  // {"prompt", "chosen", "rejected"}: strings
  kDpoChat,              // the same as lists of {"role", "content"} messages (TRL conversational)
  kReward,               // dpo plus "margin": how strongly chosen was preferred
  kKto,                  // {"prompt", "completion", "label": bool} (TRL unpaired preference)
  kSftMessages,          // {"messages": [...]}
  kSftAlpaca,            // {"instruction", "input", "output"}
  kSftPromptCompletion,  // {"prompt", "completion"}
  kRankingPairs,         // a ranking expanded into prompt/chosen/rejected pairs
};

// "dpo", "dpo-chat", "reward", "kto", "sft-messages", "sft-alpaca", "sft-prompt-completion",
// "ranking-pairs"; Parse returns nullopt for anything else.
const char* TrainingFormatName(TrainingFormat format);
std::optional<TrainingFormat> ParseTrainingFormat(std::string_view name);

// The names above, comma separated, for error messages and help texts.
const char* TrainingFormatList();

// Whether a question of `kind` can feed `format` (e.g. dpo: preference or ranking; kto:
// rating, label or preference; sft-*: text; ranking-pairs: ranking).
bool FormatReads(TrainingFormat format, QuestionKind kind);

// The kinds `format` reads, in the order a question is looked for when none is named.
const char* FormatQuestionKinds(TrainingFormat format);

bool IsPairFormat(TrainingFormat format);  // dpo, dpo-chat, reward, ranking-pairs
bool IsSftFormat(TrainingFormat format);   // sft-*

}  // namespace quorum
