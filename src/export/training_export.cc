#include "export/training_export.h"

#include <algorithm>
#include <numeric>

#include "export/answer_reader.h"
#include "export/calibration_records.h"
#include "export/dataset_split.h"
#include "export/export_plan.h"
#include "export/field_text.h"
#include "export/side_vote.h"
#include "export/training_rows.h"
#include "export/vote_model.h"

namespace quorum {
namespace {

class TrainingWriter final : public ProjectVisitor {
 public:
  TrainingWriter(const ExportPlan& plan, const ExportPolicy& policy, const CalibrationRecords& calibration,
                 VoteModel& model, ByteSink& train, ByteSink* test)
      : plan_(plan),
        policy_(policy),
        calibration_(calibration),
        model_(model),
        train_(train),
        test_(test),
        reader_(plan.question, plan.scale) {
    summary_.format = TrainingFormatName(policy.format);
    summary_.question = plan.question.name;
    split_column_ = test == nullptr && policy.test_ratio > 0;
    line_.reserve(1 << 16);
  }

  Status OnRecord(const RecordView& record, std::span<const SuggestionView>,
                  std::span<const ResponseView> responses) override {
    // The scan visits the project's records in id order: the count so far is this one's ordinal.
    const int64_t ordinal = summary_.records++;
    if (!policy_.include_gold && record.gold_json != "{}") return LeaveOut(LeftOutReason::kGold);
    if (!policy_.include_calibration && calibration_.Contains(record.id, ordinal, record.metadata_json))
      return LeaveOut(LeftOutReason::kCalibration);
    record_ = &record;
    CollectVotes(responses);
    if (provenance_.annotators == 0) {
      if (unaccepted_here_ > 0) return LeaveOut(LeftOutReason::kNotAccepted);
      return LeaveOut(rejected_here_ > 0 ? LeftOutReason::kRejected : LeftOutReason::kUnanswered);
    }
    if (provenance_.annotators < policy_.min_annotators) return LeaveOut(LeftOutReason::kTooFewAnnotators);
    if (Status read = field_reader_.Read(record.fields_json, plan_.fields, fields_); !read.ok())
      return MakeError(read.error().code, "record " + std::to_string(record.id) + ": " + read.error().message);
    if (fields_[0].empty()) return LeaveOut(LeftOutReason::kMissingField);
    switch (plan_.question.kind) {
      case QuestionKind::kRanking: return WriteRankingPairs();
      case QuestionKind::kText: return WriteSftRows();
      case QuestionKind::kPreference:
        return policy_.format == TrainingFormat::kKto ? WritePreferenceAsKto() : WritePreferencePair();
      default: return WriteKto();
    }
  }

  const ExportSummary& summary() const { return summary_; }

 private:
  Status LeaveOut(LeftOutReason reason) {
    summary_.LeaveOut(reason);
    return OkStatus();
  }

  // Whether a submitted response's answer counts, given its review; counts those that do not.
  bool Counts(const ResponseView& response) {
    if (response.review == ReviewVerdict::kRejected) {
      ++rejected_here_;
      ++summary_.rejected_answers;
      return false;
    }
    if (policy_.only_accepted && response.review != ReviewVerdict::kAccepted) {
      ++unaccepted_here_;
      ++summary_.unaccepted_answers;
      return false;
    }
    return true;
  }

  // Reads every submitted answer to the question that counts (Counts): the side vote (scaled
  // questions), the rankings, or the texts, and who gave them.
  void CollectVotes(std::span<const ResponseView> responses) {
    rejected_here_ = 0;
    unaccepted_here_ = 0;
    vote_ = SideVote{};
    unweighted_ = SideVote{};
    annotator_ids_.clear();
    ranking_count_ = 0;
    text_count_ = 0;
    provenance_ = RowProvenance{};
    provenance_.record_id = record_->id;
    provenance_.external_id = record_->external_id;
    for (const ResponseView& response : responses) {
      if (response.status != ResponseStatus::kSubmitted) continue;
      if (!Counts(response) || !ReadAnswer(response)) continue;
      annotator_ids_.push_back(response.user_id);
      provenance_.guideline_version = std::max(provenance_.guideline_version, response.guideline_version);
    }
    provenance_.annotators = static_cast<int32_t>(annotator_ids_.size());
    provenance_.annotator_ids = annotator_ids_;
  }

  static void AddVote(SideVote& vote, Side side, double weight, double strength) {
    if (side == Side::kFirst) {
      vote.first += weight;
      vote.strength += strength;
    } else if (side == Side::kSecond) {
      vote.second += weight;
      vote.strength -= strength;
    } else {
      vote.neither += weight;
    }
    ++vote.voters;
  }

  bool ReadAnswer(const ResponseView& response) {
    switch (plan_.question.kind) {
      case QuestionKind::kRanking: {
        if (rankings_.size() <= ranking_count_) rankings_.emplace_back();
        if (!reader_.Ranking(response.values_json, rankings_[ranking_count_])) return false;
        ++ranking_count_;
        return true;
      }
      case QuestionKind::kText: {
        if (texts_.size() <= text_count_) texts_.emplace_back();
        if (!reader_.Text(response.values_json, texts_[text_count_].first)) return false;
        texts_[text_count_++].second = response.user_id;
        return true;
      }
      default: {
        const int32_t code = reader_.Code(response.values_json);
        if (code < 0) return false;
        const double weight = model_.WeightOf(response.user_id);
        const size_t index = static_cast<size_t>(code);
        const double strength = weight * plan_.code_strength[index];
        AddVote(vote_, plan_.code_side[index], weight, strength);
        AddVote(unweighted_, plan_.code_side[index], 1, plan_.code_strength[index]);
        return true;
      }
    }
  }

  // The record's decision: from the counted votes, or from Dawid-Skene's posterior. Votes that
  // all weigh 0 count unweighted, as WeightedVote does.
  std::optional<SideOutcome> Decide(const SideVote& counted, uint64_t tie_salt) {
    const SideVote* vote = counted.total() > 0 || &counted != &vote_ ? &counted : &unweighted_;
    if (model_.dawid_skene()) {
      vote = model_.PosteriorOf(record_->id);
      if (vote == nullptr) vote = &counted;
    }
    const SideOutcome outcome = DecideSides(*vote, policy_.keep_ties, MixBits(policy_.seed) ^ MixBits(tie_salt));
    if (outcome.winner == Side::kNone) {
      summary_.LeaveOut(LeftOutReason::kTie);
      return std::nullopt;
    }
    if (outcome.agreement < policy_.min_agreement) {
      summary_.LeaveOut(LeftOutReason::kLowAgreement);
      return std::nullopt;
    }
    return outcome;
  }

  // Finishes the row in line_ and writes it to its split. The prompt (fields_[0]) is final here.
  Status Emit(std::optional<double> agreement) {
    test_split_ = policy_.test_ratio > 0 && InTestSplit(PromptHash(fields_[0]), policy_.seed, policy_.test_ratio);
    provenance_.agreement = agreement;
    if (policy_.provenance) AppendProvenance(line_, provenance_);
    if (split_column_) AppendSplit(line_, test_split_);
    CloseRow(line_);
    ++summary_.rows;
    if (test_split_) ++summary_.test_rows;
    else ++summary_.train_rows;
    if (agreement) {
      summary_.agreement_sum += *agreement;
      ++summary_.agreement_rows;
      summary_.agreement_min = std::min(summary_.agreement_min, *agreement);
    }
    return (test_split_ && test_ != nullptr ? *test_ : train_).Write(line_);
  }

  Status WritePair(const FieldText& chosen, const FieldText& rejected, const SideOutcome& outcome) {
    if (chosen.empty() || rejected.empty()) return LeaveOut(LeftOutReason::kMissingField);
    OpenPairRow(line_, policy_.format, fields_[0], chosen, rejected, outcome.margin);
    return Emit(outcome.agreement);
  }

  Status WritePreferencePair() {
    std::optional<SideOutcome> outcome = Decide(vote_, static_cast<uint64_t>(record_->id));
    if (!outcome) return OkStatus();
    const bool a_wins = outcome->winner == Side::kFirst;
    return WritePair(fields_[a_wins ? 1 : 2], fields_[a_wins ? 2 : 1], *outcome);
  }

  // KTO from a preference: the chosen response is desirable, the rejected one is not.
  Status WritePreferenceAsKto() {
    std::optional<SideOutcome> outcome = Decide(vote_, static_cast<uint64_t>(record_->id));
    if (!outcome) return OkStatus();
    const bool a_wins = outcome->winner == Side::kFirst;
    const FieldText& chosen = fields_[a_wins ? 1 : 2];
    const FieldText& rejected = fields_[a_wins ? 2 : 1];
    if (chosen.empty() || rejected.empty()) return LeaveOut(LeftOutReason::kMissingField);
    OpenUnpairedRow(line_, plan_.conversational, fields_[0], chosen, true);
    QUORUM_RETURN_IF_ERROR(Emit(outcome->agreement));
    OpenUnpairedRow(line_, plan_.conversational, fields_[0], rejected, false);
    return Emit(outcome->agreement);
  }

  // KTO from a rating or a label: desirable when the vote says so.
  Status WriteKto() {
    FieldText* completion = plan_.has_completion_field ? &fields_[1] : &split_completion_;
    if (!plan_.has_completion_field && !SplitLastAssistantTurn(fields_[0], split_completion_))
      return LeaveOut(LeftOutReason::kMissingField);
    if (completion->empty() || fields_[0].empty()) return LeaveOut(LeftOutReason::kMissingField);
    std::optional<SideOutcome> outcome = Decide(vote_, static_cast<uint64_t>(record_->id));
    if (!outcome) return OkStatus();
    OpenUnpairedRow(line_, plan_.conversational, fields_[0], *completion, outcome->winner == Side::kFirst);
    return Emit(outcome->agreement);
  }

  // A ranking: options ordered by mean position (Borda); each pair then decided by how many
  // annotators put one above the other.
  Status WriteRankingPairs() {
    const size_t options = plan_.question.options.size();
    position_sum_.assign(options, 0);
    for (size_t ranking = 0; ranking < ranking_count_; ++ranking)
      for (size_t position = 0; position < options; ++position)
        position_sum_[static_cast<size_t>(rankings_[ranking][position])] += static_cast<double>(position);
    order_.resize(options);
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(), [&](int32_t a, int32_t b) { return position_sum_[a] < position_sum_[b]; });
    auto pair = [&](int32_t better, int32_t worse) -> Status {
      SideVote vote;
      for (size_t ranking = 0; ranking < ranking_count_; ++ranking) {
        const std::vector<int32_t>& order = rankings_[ranking];
        const bool above = std::find(order.begin(), order.end(), better) < std::find(order.begin(), order.end(), worse);
        (above ? vote.first : vote.second) += 1;
        vote.strength += above ? 1 : -1;
      }
      vote.voters = static_cast<int32_t>(ranking_count_);
      const uint64_t salt = static_cast<uint64_t>(record_->id) * 1009 + static_cast<uint64_t>(better) * 31 + worse;
      std::optional<SideOutcome> outcome = Decide(vote, salt);
      if (!outcome) return OkStatus();
      const bool kept_order = outcome->winner == Side::kFirst;
      return WritePair(fields_[1 + (kept_order ? better : worse)], fields_[1 + (kept_order ? worse : better)], *outcome);
    };
    if (policy_.format != TrainingFormat::kRankingPairs) return pair(order_.front(), order_.back());
    for (size_t first = 0; first + 1 < options; ++first) {
      for (size_t second = first + 1; second < options; ++second) {
        QUORUM_RETURN_IF_ERROR(pair(order_[first], order_[second]));
      }
      if (policy_.ranking_pairs == RankingPairs::kBestVsEach) break;
    }
    return OkStatus();
  }

  // SFT: every written answer is a demonstration.
  Status WriteSftRows() {
    const FieldText* input = plan_.has_input_field ? &fields_[1] : nullptr;
    for (size_t index = 0; index < text_count_; ++index) {
      OpenSftRow(line_, policy_.format, plan_.conversational, fields_[0], input, texts_[index].first);
      const int64_t author = texts_[index].second;
      provenance_.annotator_ids = std::span<const int64_t>(&author, 1);
      QUORUM_RETURN_IF_ERROR(Emit(std::nullopt));
    }
    return OkStatus();
  }

  const ExportPlan& plan_;
  const ExportPolicy& policy_;
  const CalibrationRecords& calibration_;
  VoteModel& model_;
  ByteSink& train_;
  ByteSink* test_;
  bool split_column_ = false;

  // Reused for every record, so the steady state does not allocate.
  AnswerReader reader_;
  FieldReader field_reader_;
  std::vector<FieldText> fields_;
  FieldText split_completion_;
  SideVote vote_;        // weighted (1 per vote unless the weighted method)
  SideVote unweighted_;  // 1 per vote
  std::vector<std::vector<int32_t>> rankings_;
  size_t ranking_count_ = 0;
  std::vector<std::pair<std::string, int64_t>> texts_;  // answer, author
  size_t text_count_ = 0;
  std::vector<double> position_sum_;
  std::vector<int32_t> order_;
  std::vector<int64_t> annotator_ids_;
  std::string line_;
  int64_t rejected_here_ = 0;    // the record's submitted answers left out as rejected
  int64_t unaccepted_here_ = 0;  // and as not accepted (only_accepted)

  const RecordView* record_ = nullptr;
  RowProvenance provenance_;
  bool test_split_ = false;
  ExportSummary summary_;
};

}  // namespace

Result<ExportSummary> ExportTraining(Store& store, const Project& project, const ExportPolicy& policy, ByteSink& train,
                                     ByteSink* test) {
  QUORUM_ASSIGN_OR_RETURN(ExportPlan plan, PlanExport(project, policy));
  QUORUM_ASSIGN_OR_RETURN(CalibrationRecords calibration, CalibrationRecords::Of(project));
  QUORUM_ASSIGN_OR_RETURN(VoteModel model, VoteModel::Fit(store, project, plan, policy));
  TrainingWriter writer(plan, policy, calibration, model, train, test);
  // Rows need records and responses only: no suggestions, no revision history.
  QUORUM_RETURN_IF_ERROR(store.ScanProject(project.id, writer, ScanParts{.suggestions = false, .revisions = false, .emails = false}));
  QUORUM_RETURN_IF_ERROR(train.Flush());
  if (test != nullptr) QUORUM_RETURN_IF_ERROR(test->Flush());
  return writer.summary();
}

Result<std::vector<DatasetFeature>> ExportFeatures(const Project& project, const ExportPolicy& policy, bool split_column) {
  QUORUM_ASSIGN_OR_RETURN(ExportPlan plan, PlanExport(project, policy));
  return FeaturesOf(policy.format, plan.conversational, policy.provenance, split_column);
}

}  // namespace quorum
