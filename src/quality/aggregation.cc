#include "quality/aggregation.h"

#include <algorithm>
#include <numeric>

#include "quality/kendall_tau.h"
#include "quality/majority_vote.h"
#include "quality/preference_vote.h"
#include "quality/rating_summary.h"
#include "quality/vote_weights.h"

namespace quorum {
namespace {

constexpr AggregationMethod kAllMethods[] = {AggregationMethod::kMajority, AggregationMethod::kWeighted,
                                             AggregationMethod::kDawidSkene, AggregationMethod::kMean,
                                             AggregationMethod::kMedian, AggregationMethod::kVoteShare};

Error NotFor(const QuestionSpec& question, AggregationMethod method, std::string_view what) {
  return MakeError(ErrorCode::kInvalid, std::string("method ") + AggregationMethodName(method) + " does not apply to " +
                                            QuestionKindName(question.kind) + " question '" + question.name + "': " +
                                            std::string(what));
}

bool HasValues(const QuestionSpec& question) {
  return question.kind == QuestionKind::kRating ||
         (question.kind == QuestionKind::kPreference && question.scale == PreferenceScale::kFivePoint);
}

std::vector<AggregateRow> VoteRows(const QuestionAnswers& answers, const std::vector<ItemAggregate>& votes) {
  std::vector<AggregateRow> rows;
  rows.reserve(votes.size());
  for (const ItemAggregate& vote : votes) {
    AggregateRow row;
    row.item = vote.item;
    row.value = AnswerJson(answers, vote.code);
    row.confidence = vote.confidence;
    row.answers = vote.answers;
    if (vote.tied) row.details["tie"] = true;
    rows.push_back(std::move(row));
  }
  return rows;
}

// multi_label majority: each label that more than half of the answers tick. Confidence: the mean,
// over labels, of the share on the winning side of that label's yes/no vote.
std::vector<AggregateRow> LabelMajorityRows(const QuestionAnswers& answers) {
  std::vector<AggregateRow> rows;
  const size_t label_count = answers.question.labels.size();
  std::vector<int32_t> ticks(label_count);
  for (int64_t item = 0; item < answers.answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.answers.item(item);
    if (given.empty()) continue;
    std::fill(ticks.begin(), ticks.end(), 0);
    for (const CodedAnswer& answer : given)
      for (int32_t label : answers.label_sets[static_cast<size_t>(answer.code)]) ++ticks[static_cast<size_t>(label)];
    AggregateRow row;
    row.item = item;
    row.answers = static_cast<int32_t>(given.size());
    row.value = nlohmann::json::array();
    double agreement = 0;
    bool tie = false;
    for (size_t label = 0; label < label_count; ++label) {
      const double share = static_cast<double>(ticks[label]) / static_cast<double>(given.size());
      if (share > 0.5) row.value.push_back(answers.question.labels[label]);
      tie = tie || share == 0.5;
      agreement += std::max(share, 1 - share);
    }
    row.confidence = label_count > 0 ? agreement / static_cast<double>(label_count) : 1;
    if (tie) row.details["tie"] = true;  // a label ticked by exactly half is left out
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<AggregateRow> RatingRows(const QuestionAnswers& answers, bool median) {
  std::vector<AggregateRow> rows;
  for (const RatingSummary& summary : SummarizeRatings(answers.answers, answers.scale.values)) {
    AggregateRow row;
    row.item = summary.item;
    row.value = median ? summary.median : summary.mean;
    row.confidence = summary.confidence;
    row.answers = summary.answers;
    row.details = {{"mean", summary.mean}, {"median", summary.median}, {"stddev", summary.stddev}};
    rows.push_back(std::move(row));
  }
  return rows;
}

// ranking mean: options ordered by mean position (Borda count; ties keep the question's order,
// or for a ranking of a record's items, the first answer's order).
// Confidence: the mean over answers of (1 + tau(answer, result)) / 2.
std::vector<AggregateRow> BordaRows(const QuestionAnswers& answers) {
  std::vector<AggregateRow> rows;
  const bool ranks_items = !answers.question.field.empty();
  const std::vector<std::string>& names = ranks_items ? answers.ranked_items : answers.question.options;
  std::vector<double> positions(names.size());
  std::vector<int32_t> order;
  for (int64_t item = 0; item < answers.answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.answers.item(item);
    if (given.empty()) continue;
    for (const CodedAnswer& answer : given) {
      const std::vector<int32_t>& ranking = answers.rankings[static_cast<size_t>(answer.code)];
      for (size_t place = 0; place < ranking.size(); ++place) positions[static_cast<size_t>(ranking[place])] += static_cast<double>(place);
    }
    if (ranks_items) {
      order = answers.rankings[static_cast<size_t>(given.front().code)];
    } else {
      order.resize(names.size());
      std::iota(order.begin(), order.end(), 0);
    }
    std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
      return positions[static_cast<size_t>(a)] < positions[static_cast<size_t>(b)];
    });
    AggregateRow row;
    row.item = item;
    row.answers = static_cast<int32_t>(given.size());
    row.value = nlohmann::json::array();
    for (int32_t option : order) row.value.push_back(names[static_cast<size_t>(option)]);
    double agreement = 0;
    for (const CodedAnswer& answer : given)
      agreement += (1 + KendallTau(answers.rankings[static_cast<size_t>(answer.code)], order)) / 2;
    row.confidence = agreement / static_cast<double>(given.size());
    nlohmann::json mean_positions = nlohmann::json::object();
    for (int32_t option : order)
      mean_positions[names[static_cast<size_t>(option)]] =
          positions[static_cast<size_t>(option)] / static_cast<double>(given.size()) + 1;
    row.details["mean_position"] = std::move(mean_positions);
    // Back to zero for the next item: only what this item touched (items can be many).
    for (const CodedAnswer& answer : given)
      for (int32_t option : answers.rankings[static_cast<size_t>(answer.code)]) positions[static_cast<size_t>(option)] = 0;
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<AggregateRow>> VoteShareRows(const QuestionAnswers& answers, const AggregationOptions& options) {
  QUORUM_ASSIGN_OR_RETURN(std::vector<PreferenceVoteMeaning> meanings, PreferenceMeanings(answers.question));
  QUORUM_ASSIGN_OR_RETURN(std::vector<PreferenceVote> votes,
                          PreferenceVoteShare(answers.answers, meanings, PreferenceOptions{options.winner_share}));
  const std::vector<std::string>& names = answers.question.options;
  std::vector<AggregateRow> rows;
  rows.reserve(votes.size());
  for (const PreferenceVote& vote : votes) {
    AggregateRow row;
    row.item = vote.item;
    row.value = vote.winner < 0 ? names[0] : vote.winner > 0 ? names[1] : "tie";
    row.confidence = vote.confidence;
    row.answers = vote.votes;
    row.details = {{"share_a", vote.share_a}, {"share_b", vote.share_b}, {"share_tie", vote.share_tie},
                   {"mean_score", vote.mean_score}};
    if (!vote.strength.empty()) row.details["strength"] = vote.strength;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

const char* AggregationMethodName(AggregationMethod method) {
  switch (method) {
    case AggregationMethod::kMajority: return "majority";
    case AggregationMethod::kWeighted: return "weighted";
    case AggregationMethod::kDawidSkene: return "dawid-skene";
    case AggregationMethod::kMean: return "mean";
    case AggregationMethod::kMedian: return "median";
    case AggregationMethod::kVoteShare: return "vote-share";
  }
  return "majority";
}

std::optional<AggregationMethod> ParseAggregationMethod(std::string_view name) {
  for (AggregationMethod method : kAllMethods)
    if (name == AggregationMethodName(method)) return method;
  return std::nullopt;
}

Result<AggregationMethod> DefaultAggregationMethod(const QuestionSpec& question) {
  switch (question.kind) {
    case QuestionKind::kRating: return AggregationMethod::kMean;
    case QuestionKind::kPreference:
      return question.options.size() == 2 ? AggregationMethod::kVoteShare : AggregationMethod::kMajority;
    case QuestionKind::kText:
      return MakeError(ErrorCode::kInvalid, "text question '" + question.name +
                                                "' has no aggregate: free text is not voted on (review or adjudicate it)");
    default: return AggregationMethod::kMajority;
  }
}

Status CheckAggregationMethod(const QuestionSpec& question, AggregationMethod method) {
  if (question.kind == QuestionKind::kText) return DefaultAggregationMethod(question).error();
  switch (method) {
    case AggregationMethod::kMajority: return OkStatus();
    case AggregationMethod::kWeighted:
    case AggregationMethod::kDawidSkene:
      if (IsScaled(question)) return OkStatus();
      return NotFor(question, method, "it needs answers on a scale (label, rating, preference)");
    case AggregationMethod::kMean:
      if (question.kind == QuestionKind::kRanking) return OkStatus();
      [[fallthrough]];
    case AggregationMethod::kMedian:
      if (HasValues(question)) return OkStatus();
      return NotFor(question, method, "it needs numeric answers (rating, five_point preference)");
    case AggregationMethod::kVoteShare:
      if (question.kind == QuestionKind::kPreference && question.options.size() == 2) return OkStatus();
      return NotFor(question, method, "it needs a preference between two options");
  }
  return OkStatus();
}

Result<QuestionAggregates> AggregateQuestion(const QuestionAnswers& answers, AggregationMethod method,
                                             const AggregationOptions& options) {
  const QuestionSpec& question = answers.question;
  QuestionAggregates result;
  result.question = question.name;
  result.method = AggregationMethodName(method);
  QUORUM_RETURN_IF_ERROR(CheckAggregationMethod(question, method));
  switch (method) {
    case AggregationMethod::kMajority:
      result.tie_policy = TiePolicyName(options.ties);
      if (question.kind == QuestionKind::kMultiLabel) result.rows = LabelMajorityRows(answers);
      else result.rows = VoteRows(answers, MajorityVote(answers.answers, options.ties, options.seed));
      break;
    case AggregationMethod::kWeighted: {
      std::vector<GoldAccuracy> own;
      std::span<const GoldAccuracy> gold = options.gold;
      if (gold.empty()) {
        own = GoldAccuracyOf(answers.answers, answers.gold);
        gold = own;
      }
      QUORUM_ASSIGN_OR_RETURN(std::vector<double> weights, GoldVoteWeights(gold, answers.answers.code_count()));
      weights.resize(static_cast<size_t>(answers.answers.annotator_count()), 0.0);
      result.tie_policy = TiePolicyName(options.ties);
      result.rows = VoteRows(answers, WeightedVote(answers.answers, weights, options.ties, options.seed));
      result.summary["weights"] = weights;
      break;
    }
    case AggregationMethod::kDawidSkene: {
      QUORUM_ASSIGN_OR_RETURN(DawidSkeneResult fit, DawidSkene(answers.answers, options.dawid_skene));
      result.rows = VoteRows(answers, fit.aggregates);
      nlohmann::json priors = nlohmann::json::object();
      for (int32_t code = 0; code < fit.class_count; ++code)
        priors[answers.scale.names.at(static_cast<size_t>(code))] = fit.priors[static_cast<size_t>(code)];
      result.summary = {{"iterations", fit.iterations}, {"converged", fit.converged},
                        {"log_likelihood", fit.log_likelihood}, {"patterns", fit.patterns}, {"priors", priors}};
      break;
    }
    case AggregationMethod::kMean:
    case AggregationMethod::kMedian:
      if (question.kind == QuestionKind::kRanking && method == AggregationMethod::kMean) {
        result.rows = BordaRows(answers);
        break;
      }
      result.rows = RatingRows(answers, method == AggregationMethod::kMedian);
      break;
    case AggregationMethod::kVoteShare: {
      QUORUM_ASSIGN_OR_RETURN(result.rows, VoteShareRows(answers, options));
      result.summary["winner_share"] = options.winner_share;
      break;
    }
  }
  return result;
}

}  // namespace quorum
