#include "io/quality_reports.h"

#include "quality/report_json.h"

namespace quorum {

Result<QualityInput> LoadQualityInput(Store& store, const Project& project, const std::optional<std::string>& question,
                                      bool with_models) {
  QualityInput input;
  input.project = project;
  QUORUM_ASSIGN_OR_RETURN(input.settings, QualitySettingsFrom(project.settings));
  AnswerTableOptions options;
  if (question) options.questions = {*question};
  options.with_models = with_models;
  QUORUM_ASSIGN_OR_RETURN(input.table, LoadAnswerTable(store, project, options));
  return input;
}

nlohmann::json AgreementReportJson(const QualityInput& input, const std::vector<QuestionAgreement>& reports) {
  const ReportNames names = ReportNamesOf(input.table);
  nlohmann::json questions = nlohmann::json::array();
  for (const QuestionAgreement& report : reports) questions.push_back(AgreementJson(report, names));
  return {{"project", input.project.id},
          {"records", input.table.item_count()},
          {"responses", input.table.submitted},
          {"annotators", input.table.annotator_emails.size()},
          {"questions", std::move(questions)}};
}

nlohmann::json AnnotatorsReportJson(const QualityInput& input, const std::vector<AnnotatorScore>& scores) {
  return {{"project", input.project.id}, {"annotators", AnnotatorScoresJson(scores, ReportNamesOf(input.table))}};
}

nlohmann::json LeaderboardReportJson(const ModelLeaderboard& leaderboard, const QualityInput& input) {
  return {{"question", leaderboard.question},
          {"method", kBradleyTerryMethod},
          {"records", leaderboard.records},
          {"models", LeaderboardJson(leaderboard.board, input.table.models)},
          {"interval_note", leaderboard.board.interval_note}};
}

Result<AggregationRequest> ParseAggregationRequest(const std::optional<std::string>& method,
                                                   const std::optional<std::string>& ties, bool question_named,
                                                   std::string_view option_prefix) {
  AggregationRequest request;
  request.questions_named = question_named;
  if (method) {
    request.method = ParseAggregationMethod(*method);
    if (!request.method)
      return MakeError(ErrorCode::kInvalid, "unknown " + std::string(option_prefix) + "method '" + *method +
                                                "' (majority, weighted, dawid-skene, mean, median, vote-share, bradley-terry)");
  }
  if (ties) {
    std::optional<TiePolicy> policy = ParseTiePolicy(ties->c_str());
    if (!policy)
      return MakeError(ErrorCode::kInvalid,
                       "unknown " + std::string(option_prefix) + "ties '" + *ties + "' (unresolved, first, random)");
    request.options.ties = *policy;
  }
  return request;
}

Result<std::vector<QuestionAggregates>> AggregateProject(const QualityInput& input, AggregationRequest request) {
  request.options.winner_share = input.settings.preference_winner_share;
  return AggregateQuestions(input.table.questions, request);
}

std::vector<AnnotatorScore> ScoreProjectAnnotators(QualityInput& input) {
  return ScoreAnnotators(input.table.questions, input.table.times_ms,
                         static_cast<int32_t>(input.table.annotator_emails.size()), input.settings);
}

}  // namespace quorum
