#include "quality/project_aggregation.h"

#include <algorithm>

#include "quality/gold_accuracy.h"
#include "quality/model_comparisons.h"

namespace quorum {

Result<std::vector<QuestionAggregates>> AggregateQuestions(std::span<const QuestionAnswers> questions,
                                                           const AggregationRequest& request) {
  std::vector<GoldAccuracy> project_gold;
  for (const QuestionAnswers& question : questions)
    AddGoldAccuracy(project_gold, GoldAccuracyOf(question.answers, question.gold));
  std::vector<QuestionAggregates> result;
  for (const QuestionAnswers& question : questions) {
    AggregationMethod method;
    if (request.method) {
      method = *request.method;
      if (Status fits = CheckAggregationMethod(question.question, method); !fits.ok()) {
        if (request.questions_named) return std::move(fits).error();
        continue;
      }
    } else {
      Result<AggregationMethod> fallback = DefaultAggregationMethod(question.question);
      if (!fallback.ok()) {
        if (request.questions_named) return std::move(fallback).error();
        continue;  // text
      }
      method = *fallback;
    }
    AggregationOptions options = request.options;
    const std::vector<GoldAccuracy> own = GoldAccuracyOf(question.answers, question.gold);
    const bool has_own_gold = std::any_of(own.begin(), own.end(), [](const GoldAccuracy& entry) { return entry.total > 0; });
    if (options.gold.empty() && !has_own_gold) options.gold = project_gold;
    QUORUM_ASSIGN_OR_RETURN(QuestionAggregates aggregates, AggregateQuestion(question, method, options));
    result.push_back(std::move(aggregates));
  }
  if (result.empty())
    return MakeError(ErrorCode::kInvalid,
                     request.method ? std::string("no question of the project can be aggregated with method ") +
                                          AggregationMethodName(*request.method)
                                    : std::string("the project has no question with an aggregate (text questions have none)"));
  return result;
}

Result<ModelLeaderboard> PreferenceLeaderboard(std::span<const QuestionAnswers> questions,
                                               std::span<const int32_t> model_a, std::span<const int32_t> model_b,
                                               int32_t model_count, const BradleyTerryOptions& options) {
  const QuestionAnswers* preference = nullptr;
  for (const QuestionAnswers& question : questions) {
    if (question.question.kind == QuestionKind::kPreference && question.question.options.size() == 2) {
      preference = &question;
      break;
    }
  }
  if (preference == nullptr)
    return MakeError(ErrorCode::kInvalid, "bradley-terry needs a preference question between two options");
  QUORUM_ASSIGN_OR_RETURN(std::vector<PairwiseComparison> comparisons, ComparisonsFromVotes(*preference, model_a, model_b));
  if (comparisons.empty())
    return MakeError(ErrorCode::kInvalid, "no answered record of '" + preference->question.name +
                                              "' names its models (bradley-terry reads the metadata keys model_a and "
                                              "model_b)");
  ModelLeaderboard result;
  result.question = preference->question.name;
  result.records = static_cast<int64_t>(comparisons.size());
  QUORUM_ASSIGN_OR_RETURN(result.board, BradleyTerry(comparisons, model_count, options));
  return result;
}

}  // namespace quorum
