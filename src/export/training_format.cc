#include "export/training_format.h"

#include <utility>

namespace quorum {
namespace {

constexpr std::pair<TrainingFormat, const char*> kNames[] = {
    {TrainingFormat::kDpo, "dpo"},
    {TrainingFormat::kDpoChat, "dpo-chat"},
    {TrainingFormat::kReward, "reward"},
    {TrainingFormat::kKto, "kto"},
    {TrainingFormat::kSftMessages, "sft-messages"},
    {TrainingFormat::kSftAlpaca, "sft-alpaca"},
    {TrainingFormat::kSftPromptCompletion, "sft-prompt-completion"},
    {TrainingFormat::kRankingPairs, "ranking-pairs"},
};

}  // namespace

const char* TrainingFormatName(TrainingFormat format) {
  for (const auto& [value, name] : kNames)
    if (value == format) return name;
  return "dpo";
}

std::optional<TrainingFormat> ParseTrainingFormat(std::string_view name) {
  for (const auto& [value, known] : kNames)
    if (name == known) return value;
  return std::nullopt;
}

const char* TrainingFormatList() {
  return "dpo, dpo-chat, reward, kto, sft-messages, sft-alpaca, sft-prompt-completion, ranking-pairs";
}

bool FormatReads(TrainingFormat format, QuestionKind kind) {
  switch (format) {
    case TrainingFormat::kDpo:
    case TrainingFormat::kDpoChat:
    case TrainingFormat::kReward: return kind == QuestionKind::kPreference || kind == QuestionKind::kRanking;
    case TrainingFormat::kKto:
      return kind == QuestionKind::kRating || kind == QuestionKind::kLabel || kind == QuestionKind::kPreference;
    case TrainingFormat::kSftMessages:
    case TrainingFormat::kSftAlpaca:
    case TrainingFormat::kSftPromptCompletion: return kind == QuestionKind::kText;
    case TrainingFormat::kRankingPairs: return kind == QuestionKind::kRanking;
  }
  return false;
}

const char* FormatQuestionKinds(TrainingFormat format) {
  switch (format) {
    case TrainingFormat::kDpo:
    case TrainingFormat::kDpoChat:
    case TrainingFormat::kReward: return "preference or ranking";
    case TrainingFormat::kKto: return "rating, label or preference";
    case TrainingFormat::kRankingPairs: return "ranking";
    default: return "text";
  }
}

bool IsPairFormat(TrainingFormat format) {
  return format == TrainingFormat::kDpo || format == TrainingFormat::kDpoChat || format == TrainingFormat::kReward ||
         format == TrainingFormat::kRankingPairs;
}

bool IsSftFormat(TrainingFormat format) {
  return format == TrainingFormat::kSftMessages || format == TrainingFormat::kSftAlpaca ||
         format == TrainingFormat::kSftPromptCompletion;
}

}  // namespace quorum
