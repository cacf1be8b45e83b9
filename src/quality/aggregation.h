// Aggregation of one question: the final answer of each record by a named method, with its
// confidence. This is what `quorum aggregate` and GET /api/v1/projects/{id}/aggregates show.
//
// Methods, and the kinds they apply to:
//   majority     every kind but text: the most given answer (multi_label: each label the
//                majority ticked); confidence = the winner's share of answers
//   weighted     label, rating, preference: majority with gold-accuracy weights (vote_weights.h)
//   dawid-skene  label, rating, preference: EM over confusion matrices; confidence = posterior
//   mean, median rating and five_point preference: with the spread; ranking (mean): options
//                by mean position (Borda)
//   vote-share   preference over two options: shares, strength, winner at a threshold
// Bradley-Terry is not per record: see bradley_terry.h (`quorum aggregate --method
// bradley-terry` prints the leaderboard).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "quality/dawid_skene.h"
#include "quality/gold_accuracy.h"
#include "quality/item_aggregate.h"
#include "quality/question_answers.h"

namespace quorum {

enum class AggregationMethod { kMajority, kWeighted, kDawidSkene, kMean, kMedian, kVoteShare };

// "majority", "weighted", "dawid-skene", "mean", "median", "vote-share"; Parse returns nullopt
// for anything else.
const char* AggregationMethodName(AggregationMethod method);
std::optional<AggregationMethod> ParseAggregationMethod(std::string_view name);

// The method used when none is named: rating mean, two-option preference vote-share, every
// other kind majority. kInvalid for text questions (free text has no aggregate).
Result<AggregationMethod> DefaultAggregationMethod(const QuestionSpec& question);

struct AggregationOptions {
  TiePolicy ties = TiePolicy::kUnresolved;
  uint64_t seed = 1;          // for TiePolicy::kRandom
  double winner_share = 0.6;  // vote-share
  DawidSkeneOptions dawid_skene;
  // weighted: gold accuracy per annotator (e.g. over the whole project); when empty, the
  // question's own gold answers are used.
  std::span<const GoldAccuracy> gold;
};

struct AggregateRow {
  int64_t item = 0;
  nlohmann::json value;  // the answer (see AnswerJson); null when a tie is left unresolved
  double confidence = 0;
  int32_t answers = 0;
  nlohmann::json details = nlohmann::json::object();  // method-specific (shares, spread, "tie": true, ...)
};

struct QuestionAggregates {
  std::string question;
  std::string method;      // AggregationMethodName
  std::string tie_policy;  // for the voting methods; "" otherwise
  std::vector<AggregateRow> rows;  // items with at least one answer, in item order
  nlohmann::json summary = nlohmann::json::object();  // e.g. Dawid-Skene's iterations and priors
};

// OK when `method` applies to the question's kind; kInvalid naming the question and saying why
// otherwise (text questions have no aggregate at all).
Status CheckAggregationMethod(const QuestionSpec& question, AggregationMethod method);

// Errors: those of CheckAggregationMethod, and the method's own (e.g. weighted without gold).
// Thread-safe.
Result<QuestionAggregates> AggregateQuestion(const QuestionAnswers& answers, AggregationMethod method,
                                             const AggregationOptions& options);

}  // namespace quorum
