// Quality reports of a project: agreement per question, aggregated answers, annotator scores.
// The same reports, in the same JSON, as `quorum agreement | aggregate | annotators --json`
// (io/quality_reports.h). Each call reads the project's answers afresh.
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/api_routes.h"
#include "io/quality_reports.h"
#include "quality/report_json.h"

namespace quorum {
namespace {

constexpr int64_t kDefaultRowLimit = 1000;
constexpr int64_t kMaxRowLimit = 10000;

// A non-negative integer query parameter within [0, max], or `fallback` when absent.
Result<int64_t> QueryCount(const HttpRequest& request, const char* name, int64_t fallback, int64_t max) {
  QUORUM_ASSIGN_OR_RETURN(int64_t value, QueryInteger(request, name, fallback));
  if (value < 0 || value > max)
    return MakeError(ErrorCode::kInvalid, std::string(name) + " must be an integer from 0 to " + std::to_string(max));
  return value;
}

// The answers that could not be read, when there are any: the CLI prints them on stderr.
void AddUnreadable(nlohmann::json& body, const AnswerTable& table) {
  if (table.unreadable == 0) return;
  nlohmann::json problems = nlohmann::json::array();
  for (const Problem& problem : table.problems) problems.push_back(problem.ToString());
  body["unreadable"] = {{"count", table.unreadable}, {"first", std::move(problems)}};
}

HttpResponse Agreement(RequestContext& context) {
  Result<QualityInput> input = LoadQualityInput(context.store, *context.project, context.request.Query("question"), false);
  if (!input.ok()) return ErrorResponse(input.error());
  std::vector<QuestionAgreement> reports;
  for (const QuestionAnswers& question : input->table.questions) reports.push_back(AgreementOf(question, {}));
  nlohmann::json body = AgreementReportJson(*input, reports);
  AddUnreadable(body, input->table);
  return JsonResponse(200, body);
}

HttpResponse Leaderboard(RequestContext& context) {
  Result<QualityInput> input = LoadQualityInput(context.store, *context.project, context.request.Query("question"), true);
  if (!input.ok()) return ErrorResponse(input.error());
  const AnswerTable& table = input->table;
  Result<ModelLeaderboard> leaderboard =
      PreferenceLeaderboard(table.questions, table.model_a, table.model_b, static_cast<int32_t>(table.models.size()));
  if (!leaderboard.ok()) return ErrorResponse(leaderboard.error());
  return JsonResponse(200, LeaderboardReportJson(*leaderboard, *input));
}

// One row per record and question, a page at a time: ?offset=&limit= over the rows of every
// question in turn (the aggregation itself always covers the whole project).
HttpResponse Aggregates(RequestContext& context) {
  const HttpRequest& request = context.request;
  if (request.Query("method") == std::string(kBradleyTerryMethod)) return Leaderboard(context);
  Result<AggregationRequest> aggregation =
      ParseAggregationRequest(request.Query("method"), request.Query("ties"), request.Query("question").has_value(), "");
  if (!aggregation.ok()) return ErrorResponse(aggregation.error());
  Result<int64_t> offset = QueryCount(request, "offset", 0, INT64_MAX);
  if (!offset.ok()) return ErrorResponse(offset.error());
  Result<int64_t> limit = QueryCount(request, "limit", kDefaultRowLimit, kMaxRowLimit);
  if (!limit.ok()) return ErrorResponse(limit.error());

  Result<QualityInput> input = LoadQualityInput(context.store, *context.project, request.Query("question"), false);
  if (!input.ok()) return ErrorResponse(input.error());
  Result<std::vector<QuestionAggregates>> results = AggregateProject(*input, *aggregation);
  if (!results.ok()) return ErrorResponse(results.error());

  const ReportNames names = ReportNamesOf(input->table);
  nlohmann::json rows = nlohmann::json::array();
  int64_t total = 0;
  for (const QuestionAggregates& aggregates : *results) {
    for (const AggregateRow& row : aggregates.rows) {
      if (total >= *offset && total < *offset + *limit) rows.push_back(AggregateRowJson(aggregates, row, names));
      ++total;
    }
  }
  nlohmann::json next = nullptr;
  if (*offset + *limit < total) next = *offset + *limit;
  nlohmann::json body = {{"project", context.project->id}, {"total", total}, {"rows", std::move(rows)}, {"next_offset", next}};
  AddUnreadable(body, input->table);
  return JsonResponse(200, body);
}

HttpResponse Annotators(RequestContext& context) {
  Result<QualityInput> input = LoadQualityInput(context.store, *context.project, std::nullopt, false);
  if (!input.ok()) return ErrorResponse(input.error());
  const std::vector<AnnotatorScore> scores = ScoreProjectAnnotators(*input);
  nlohmann::json body = AnnotatorsReportJson(*input, scores);
  AddUnreadable(body, input->table);
  return JsonResponse(200, body);
}

}  // namespace

void AddQualityRoutes(std::vector<Route>& routes) {
  const Access reviewers{Scope::kProject, Role::kReviewer};
  const Access managers{Scope::kProject, Role::kManager};
  routes.push_back({"GET", "/api/v1/projects/{id}/agreement", reviewers, "agreement per question (reviewers)", Agreement});
  routes.push_back({"GET", "/api/v1/projects/{id}/aggregates", reviewers,
                    "aggregated answers per record and question, or a model leaderboard (reviewers)", Aggregates});
  routes.push_back({"GET", "/api/v1/projects/{id}/annotators", managers, "annotator scores and flags (managers)", Annotators});
}

}  // namespace quorum
