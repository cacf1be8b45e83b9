// The quality reports of a stored project, as the CLI (`quorum agreement | aggregate |
// annotators`) and the REST API (/api/v1/projects/{id}/agreement | aggregates | annotators) both
// produce them: one loader, one request parser and one JSON shape for the two.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/project.h"
#include "core/result.h"
#include "io/answer_table.h"
#include "quality/annotator_scores.h"
#include "quality/project_aggregation.h"
#include "quality/quality_settings.h"
#include "quality/question_agreement.h"
#include "store/store.h"

namespace quorum {

// The method name that asks for a model leaderboard instead of one row per record.
inline constexpr std::string_view kBradleyTerryMethod = "bradley-terry";

// A project loaded for a report: its quality settings and its answers.
struct QualityInput {
  Project project;
  QualitySettings settings;
  AnswerTable table;
};

// Loads `project` (the stored one) for a report on every question, or only on `question`.
// `with_models` reads the compared models for the leaderboard. kInvalid for bad quality
// settings or an unknown question.
Result<QualityInput> LoadQualityInput(Store& store, const Project& project, const std::optional<std::string>& question,
                                      bool with_models);

// {"project", "records", "responses", "annotators", "questions": [AgreementJson...]}.
nlohmann::json AgreementReportJson(const QualityInput& input, const std::vector<QuestionAgreement>& reports);

// {"project", "annotators": AnnotatorScoresJson}.
nlohmann::json AnnotatorsReportJson(const QualityInput& input, const std::vector<AnnotatorScore>& scores);

// {"question", "method": "bradley-terry", "records", "models", "interval_note"}.
nlohmann::json LeaderboardReportJson(const ModelLeaderboard& leaderboard, const QualityInput& input);

// An aggregation request from its user-facing words: `method` (majority, weighted, dawid-skene,
// mean, median, vote-share; not bradley-terry, which is a leaderboard) and `ties` (unresolved,
// first, random). kInvalid naming the word and the choices. `where` prefixes the option name
// in messages ("--method" on the CLI, "method" for a query parameter).
Result<AggregationRequest> ParseAggregationRequest(const std::optional<std::string>& method,
                                                   const std::optional<std::string>& ties, bool question_named,
                                                   std::string_view option_prefix);

// Every question's aggregates (AggregateQuestions) with the project's preference winner share.
Result<std::vector<QuestionAggregates>> AggregateProject(const QualityInput& input, AggregationRequest request);

// The scores of every annotator with the project's settings (sorts the times in place).
std::vector<AnnotatorScore> ScoreProjectAnnotators(QualityInput& input);

}  // namespace quorum
