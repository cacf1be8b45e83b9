#include "export/vote_model.h"

#include <algorithm>

#include "io/answer_table.h"
#include "quality/dawid_skene.h"
#include "quality/gold_accuracy.h"
#include "quality/vote_weights.h"

namespace quorum {

Result<VoteModel> VoteModel::Fit(Store& store, const Project& project, const ExportPlan& plan,
                                 const ExportPolicy& policy) {
  VoteModel model;
  if (policy.method == AggregationMethod::kMajority) return model;
  AnswerTableOptions options;
  options.questions = {plan.question.name};
  // The model sees the answers the rows count: never the rejected ones.
  options.drop_rejected = true;
  options.only_accepted = policy.only_accepted;
  QUORUM_ASSIGN_OR_RETURN(AnswerTable table, LoadAnswerTable(store, project, options));
  const QuestionAnswers& answers = table.questions.front();
  if (policy.method == AggregationMethod::kWeighted) {
    const std::vector<GoldAccuracy> accuracy = GoldAccuracyOf(answers.answers, answers.gold);
    Result<std::vector<double>> weights = GoldVoteWeights(accuracy, answers.answers.code_count());
    if (!weights.ok())
      return MakeError(ErrorCode::kInvalid, "method weighted: question '" + plan.question.name + "': " +
                                                weights.error().message + " (use majority or dawid-skene)");
    std::vector<double> sorted = *weights;
    for (size_t annotator = 0; annotator < weights->size(); ++annotator)
      model.weights_[table.annotator_user_ids[annotator]] = (*weights)[annotator];
    std::sort(sorted.begin(), sorted.end());
    if (!sorted.empty()) model.default_weight_ = sorted[sorted.size() / 2];
    return model;
  }
  model.dawid_skene_ = true;
  Result<DawidSkeneResult> fit = DawidSkene(answers.answers);
  if (!fit.ok())
    return MakeError(ErrorCode::kInvalid, "method dawid-skene: question '" + plan.question.name + "': " +
                                              fit.error().message);
  for (int64_t item = 0; item < table.item_count(); ++item) {
    std::span<const double> posterior = fit->Posterior(item);
    if (posterior.empty()) continue;
    SideVote vote;
    for (size_t code = 0; code < posterior.size() && code < plan.code_side.size(); ++code) {
      const double probability = posterior[code];
      const Side side = plan.code_side[code];
      const double strength = plan.code_strength.empty() ? 1 : plan.code_strength[code];
      if (side == Side::kFirst) {
        vote.first += probability;
        vote.strength += probability * strength;
      } else if (side == Side::kSecond) {
        vote.second += probability;
        vote.strength -= probability * strength;
      } else {
        vote.neither += probability;
      }
    }
    model.posterior_records_.push_back(table.record_ids[static_cast<size_t>(item)]);
    model.posteriors_.push_back(vote);
  }
  return model;
}

double VoteModel::WeightOf(int64_t user_id) const {
  if (weights_.empty()) return 1;
  auto it = weights_.find(user_id);
  return it == weights_.end() ? default_weight_ : it->second;
}

const SideVote* VoteModel::PosteriorOf(int64_t record_id) {
  while (cursor_ < posterior_records_.size() && posterior_records_[cursor_] < record_id) ++cursor_;
  if (cursor_ < posterior_records_.size() && posterior_records_[cursor_] == record_id) return &posteriors_[cursor_];
  return nullptr;
}

}  // namespace quorum
