// Distribution for managers: the queue's state, pausing the project or one annotator,
// reinstating an annotator the gold rule suspended, and records' uncertainty scores.
// (Annotators' next record is in api_records.cc.)
#include <functional>

#include "dist/distribution_settings.h"
#include "dist/distributor.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/api_routes.h"
#include "http/distribution_json.h"

namespace quorum {
namespace {

// The live reservations listed at most (the count covers them all).
constexpr int kListedReservations = 200;
// Scores one request may set (a pre-labelling run sends them in pages).
constexpr std::size_t kMaxScores = 100000;

HttpResponse Queue(RequestContext& context) {
  Distributor distributor(context.store, context.clock);
  Result<QueueStats> stats = distributor.Queue(*context.project, kListedReservations);
  if (!stats.ok()) return ErrorResponse(stats.error());
  return JsonResponse(200, QueueJson(*stats));
}

// The user named by the path's {user_id}; kNotFound when there is none.
Result<User> PathUser(RequestContext& context) {
  const int64_t user_id = context.IdParam("user_id");
  if (user_id == 0) return MakeError(ErrorCode::kNotFound, "no user " + context.params["user_id"]);
  return context.store.GetUser(user_id);
}

// Changes the project's settings with `change` as they are stored at that moment, so a
// concurrent change of other settings is kept, and answers {"paused", "paused_annotators"}.
HttpResponse ChangeSettings(RequestContext& context,
                            const std::function<nlohmann::json(const nlohmann::json&)>& change) {
  DistributionSettings settings;
  Result<Project> changed = context.store.ChangeProject(context.project->id, [&](Project& project) -> Status {
    project.settings = change(project.settings);
    QUORUM_ASSIGN_OR_RETURN(settings, ParseDistributionSettings(project.settings));
    return OkStatus();
  });
  if (!changed.ok()) return ErrorResponse(changed.error());
  return JsonResponse(200, {{"paused", settings.paused}, {"paused_annotators", settings.paused_annotators}});
}

HttpResponse PauseProject(RequestContext& context) {
  return ChangeSettings(context, [](const nlohmann::json& settings) { return WithProjectPaused(settings, true); });
}

HttpResponse ResumeProject(RequestContext& context) {
  return ChangeSettings(context, [](const nlohmann::json& settings) { return WithProjectPaused(settings, false); });
}

HttpResponse SetAnnotatorPaused(RequestContext& context, bool paused) {
  Result<User> user = PathUser(context);
  if (!user.ok()) return ErrorResponse(user.error());
  const int64_t user_id = user->id;
  return ChangeSettings(context, [&](const nlohmann::json& settings) {
    return WithAnnotatorPaused(settings, user_id, paused);
  });
}

HttpResponse PauseAnnotator(RequestContext& context) { return SetAnnotatorPaused(context, true); }
HttpResponse ResumeAnnotator(RequestContext& context) { return SetAnnotatorPaused(context, false); }

HttpResponse Reinstate(RequestContext& context) {
  Result<User> user = PathUser(context);
  if (!user.ok()) return ErrorResponse(user.error());
  Distributor distributor(context.store, context.clock);
  Result<std::optional<Suspension>> before = distributor.SuspensionOf(*context.project, user->id);
  if (!before.ok()) return ErrorResponse(before.error());
  Status reinstated = distributor.Reinstate(*context.project, user->id);
  if (!reinstated.ok()) return ErrorResponse(reinstated.error());
  return JsonResponse(200, {{"user_id", user->id},
                            {"was_suspended", before->has_value()},
                            {"gold", {{"answered", 0}, {"correct", 0}}}});
}

// Body: [{"record_id": int, "score": number or null}, ...]. Every entry is checked before any
// is written, and the scores are written in one write: all or nothing.
HttpResponse SetUncertainty(RequestContext& context) {
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (!body->is_array())
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "send a JSON array of {\"record_id\", \"score\"}"));
  if (body->size() > kMaxScores)
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "at most " + std::to_string(kMaxScores) +
                                                            " scores per request; send the rest in another"));
  std::vector<UncertaintyScore> scores;
  std::vector<Problem> problems;
  for (std::size_t index = 0; index < body->size(); ++index) {
    const nlohmann::json& item = (*body)[index];
    const std::string where = "[" + std::to_string(index) + "]";
    if (!item.is_object() || !item.contains("record_id") || !item["record_id"].is_number_integer()) {
      problems.push_back({where, "record_id", "expected {\"record_id\": int, \"score\": number or null}"});
      continue;
    }
    const nlohmann::json score = item.value("score", nlohmann::json());
    if (!score.is_null() && !score.is_number()) {
      problems.push_back({where, "score", "expected a number, or null to clear the score"});
      continue;
    }
    scores.push_back({item["record_id"].get<int64_t>(), score.is_null() ? std::nullopt : std::optional<double>(score.get<double>())});
  }
  if (!problems.empty())
    return ErrorResponse(RefusedWhole("no score was set", std::move(problems)));
  Status set = context.store.SetUncertainties(context.project->id, scores);
  if (!set.ok()) {
    Error error = std::move(set).error();
    if (error.code == ErrorCode::kNotFound) error = MakeError(ErrorCode::kInvalid, "no score was set: " + error.message);
    return ErrorResponse(error);
  }
  return JsonResponse(200, {{"updated", scores.size()}});
}

}  // namespace

void AddDistributionRoutes(std::vector<Route>& routes) {
  const Access managers{Scope::kProject, Role::kManager};
  routes.push_back({"GET", "/api/v1/projects/{id}/queue", managers,
                    "queue statistics: records by state, live reservations, per-annotator counts", Queue});
  routes.push_back({"POST", "/api/v1/projects/{id}/pause", managers, "stop handing out records", PauseProject});
  routes.push_back({"POST", "/api/v1/projects/{id}/resume", managers, "hand out records again", ResumeProject});
  routes.push_back({"POST", "/api/v1/projects/{id}/annotators/{user_id}/pause", managers,
                    "stop handing records to one annotator", PauseAnnotator});
  routes.push_back({"POST", "/api/v1/projects/{id}/annotators/{user_id}/resume", managers,
                    "hand records to the annotator again", ResumeAnnotator});
  routes.push_back({"POST", "/api/v1/projects/{id}/annotators/{user_id}/reinstate", managers,
                    "lift a gold suspension: only gold answered from now on counts", Reinstate});
  routes.push_back({"POST", "/api/v1/projects/{id}/uncertainty", managers,
                    "set records' uncertainty scores (all or nothing)", SetUncertainty});
}

}  // namespace quorum
