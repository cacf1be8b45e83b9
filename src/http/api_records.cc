// Records: import, listing, suggestions, and the annotator's next record.
#include <charconv>

#include "core/validation.h"
#include "dist/distributor.h"
#include "http/distribution_json.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/api_routes.h"
#include "http/visibility.h"
#include "io/importer.h"

namespace quorum {
namespace {

// The import format of a request: ?format=, else its Content-Type.
Result<ImportFormat> RequestImportFormat(const HttpRequest& request) {
  if (auto format = request.Query("format")) {
    if (auto parsed = ParseImportFormat(*format)) return *parsed;
    return MakeError(ErrorCode::kInvalid, "format must be jsonl, json or csv");
  }
  std::string_view type = request.Header("content-type");
  if (type.find("csv") != std::string_view::npos) return ImportFormat::kCsv;
  if (type.find("ndjson") != std::string_view::npos || type.find("jsonl") != std::string_view::npos)
    return ImportFormat::kJsonl;
  return ImportFormat::kJson;
}

HttpResponse ImportRecordsRoute(RequestContext& context) {
  ImportOptions options;
  Result<ImportFormat> format = RequestImportFormat(context.request);
  if (!format.ok()) return ErrorResponse(format.error());
  options.format = *format;
  options.create_users = context.request.Query("create_users").value_or("false") == "true";
  const std::string on_duplicate = context.request.Query("on_duplicate").value_or("refuse");
  if (on_duplicate == "update") options.on_duplicate = OnDuplicate::kUpdate;
  else if (on_duplicate != "refuse")
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "on_duplicate must be refuse or update"));
  // A large upload arrives spooled to a file (Route::spools_body); small ones may come in memory.
  std::unique_ptr<ByteSource> source;
  if (context.request.body_file.empty()) {
    source = StringSource(context.request.body, "body");
  } else {
    Result<std::unique_ptr<ByteSource>> file = OpenFileSource(context.request.body_file, "body");
    if (!file.ok()) return ErrorResponse(file.error());
    source = std::move(*file);
  }
  Result<ImportReport> report = ImportRecords(context.store, *context.project, std::move(source), options, context.clock);
  if (!report.ok()) return ErrorResponse(report.error());
  return JsonResponse(201, {{"records", report->records},
                            {"suggestions", report->suggestions},
                            {"responses", report->responses},
                            {"users_created", report->users_created}});
}

Result<RecordFilter> FilterFrom(const RequestContext& context) {
  const HttpRequest& request = context.request;
  RecordFilter filter;
  filter.project_id = context.project->id;
  QUORUM_ASSIGN_OR_RETURN(filter.after_id, QueryInteger(request, "after", 0));
  QUORUM_ASSIGN_OR_RETURN(int64_t limit, QueryInteger(request, "limit", 50));
  if (limit < 1 || limit > 1000) return MakeError(ErrorCode::kInvalid, "limit must be between 1 and 1000");
  filter.limit = static_cast<int>(limit);
  if (auto key = request.Query("metadata_key")) {
    auto value = request.Query("metadata_value");
    if (!value) return MakeError(ErrorCode::kInvalid, "metadata_key needs metadata_value (a JSON value, e.g. \"m1\")");
    filter.metadata_key = *key;
    // A bare word is taken as a string so that ?metadata_value=m1 works from a browser bar.
    nlohmann::json parsed = nlohmann::json::parse(*value, nullptr, false);
    filter.metadata_value = parsed.is_discarded() ? nlohmann::json(*value).dump() : parsed.dump();
  }
  if (auto status = request.Query("response_status")) {
    filter.response_status = ParseResponseStatus(*status);
    if (!filter.response_status)
      return MakeError(ErrorCode::kInvalid, "response_status must be draft, submitted or discarded");
  }
  if (request.Query("annotator")) {
    QUORUM_ASSIGN_OR_RETURN(int64_t annotator, QueryInteger(request, "annotator", 0));
    filter.annotator_id = annotator;
  }
  if (auto unanswered = request.Query("unanswered")) filter.unanswered = *unanswered == "true";
  if (auto text = request.Query("q"); text && !text->empty()) filter.text = *text;
  return filter;
}

HttpResponse ListRecords(RequestContext& context) {
  Result<RecordFilter> filter = FilterFrom(context);
  if (!filter.ok()) return ErrorResponse(filter.error());
  Result<std::vector<Record>> records = context.store.FindRecords(*filter);
  if (!records.ok()) return ErrorResponse(records.error());
  nlohmann::json list = nlohmann::json::array();
  for (const Record& record : *records) list.push_back(RecordJson(record, true));
  nlohmann::json next = nullptr;
  if (static_cast<int>(records->size()) == filter->limit) next = records->back().id;
  return JsonResponse(200, {{"records", list}, {"next_cursor", next}});
}

// A record as the caller may see it, with suggestions when the project shows them.
Result<nlohmann::json> RecordForCaller(RequestContext& context, const Record& record) {
  const bool reviewer = RoleAtLeast(*context.role, Role::kReviewer);
  nlohmann::json json = RecordJson(record, reviewer);
  if (reviewer || ShowsSuggestions(*context.project)) {
    QUORUM_ASSIGN_OR_RETURN(std::vector<Suggestion> suggestions, context.store.ListSuggestions(record.id));
    json["suggestions"] = nlohmann::json::array();
    for (const Suggestion& suggestion : suggestions) json["suggestions"].push_back(SuggestionJson(suggestion));
  }
  return json;
}

// {"code", "message"} of a 404 saying why there is no record for the caller now.
HttpResponse NoRecord(NoRecordReason reason) {
  const char* code = "no_more_records";
  const char* message = "there is no record left for you in this project";
  if (reason == NoRecordReason::kProjectPaused) {
    code = "paused";
    message = "a manager paused this project: no records are handed out";
  } else if (reason == NoRecordReason::kAnnotatorPaused) {
    code = "paused";
    message = "a manager paused your annotation in this project";
  }
  return JsonResponse(404, {{"error", {{"code", code}, {"message", message}, {"details", nlohmann::json::array()}}}});
}

// 403 "suspended": the gold rule stopped the caller's stream, with the figures behind it (the
// caller's own accuracy on gold; never which records were gold or their answers).
HttpResponse Suspended(const Suspension& suspension) {
  const std::string message = "you are suspended from this project: your " + suspension.reason +
                              ". A manager can reinstate you; until then no records are handed to you";
  return JsonResponse(403, {{"error",
                             {{"code", "suspended"},
                              {"message", message},
                              {"details", nlohmann::json::array()},
                              {"suspension", SuspensionJson(suspension)}}}});
}

// The record as today, plus "reservation" and "progress" (see README, the next record).
HttpResponse NextRecord(RequestContext& context) {
  Distributor distributor(context.store, context.clock);
  Result<NextOutcome> next = distributor.Next(*context.project, context.caller->user);
  if (!next.ok()) return ErrorResponse(next.error());
  if (next->suspension) return Suspended(*next->suspension);
  if (!next->assignment) return NoRecord(next->reason);
  Result<nlohmann::json> json = RecordForCaller(context, next->assignment->record);
  if (!json.ok()) return ErrorResponse(json.error());
  Result<ProgressFigures> progress = distributor.Progress(*context.project, context.caller->user.id);
  if (!progress.ok()) return ErrorResponse(progress.error());
  (*json)["reservation"] = {{"expires_at", FormatTimestamp(next->assignment->expires_at_ms)}};
  (*json)["progress"] = ProgressJson(*progress);
  return JsonResponse(200, *json);
}

HttpResponse GetRecord(RequestContext& context) {
  Result<bool> visible = MaySeeRecord(context, *context.record);
  if (!visible.ok()) return ErrorResponse(visible.error());
  if (!*visible) return ErrorResponse(MakeError(ErrorCode::kNotFound, "not found"));
  Result<nlohmann::json> json = RecordForCaller(context, *context.record);
  if (!json.ok()) return ErrorResponse(json.error());
  return JsonResponse(200, *json);
}

// Upserts suggestions: [{"record_id", "question", "value", "score"?, "agent"?}, ...].
HttpResponse UpsertSuggestions(RequestContext& context) {
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (!body->is_array()) return ErrorResponse(MakeError(ErrorCode::kInvalid, "send a JSON array of suggestions"));
  std::vector<Problem> problems;
  std::vector<Suggestion> suggestions;
  std::map<int64_t, Record> records;
  for (std::size_t index = 0; index < body->size(); ++index) {
    const nlohmann::json& item = (*body)[index];
    const std::string where = "[" + std::to_string(index) + "]";
    if (!item.is_object() || !item["record_id"].is_number_integer() || !item["question"].is_string() ||
        !item.contains("value")) {
      problems.push_back({where, "", "expected {\"record_id\": int, \"question\": string, \"value\": ...}"});
      continue;
    }
    const int64_t record_id = item["record_id"].get<int64_t>();
    if (!records.count(record_id)) {
      Result<Record> record = context.store.GetRecord(record_id);
      if (!record.ok() || record->project_id != context.project->id) {
        problems.push_back({where, "record_id", "no record " + std::to_string(record_id) + " in this project"});
        continue;
      }
      records.emplace(record_id, std::move(*record));
    }
    const QuestionSpec* question = context.project->schema.FindQuestion(item["question"].get<std::string>());
    if (question == nullptr) {
      problems.push_back({where, "question", "unknown question '" + item["question"].get<std::string>() + "'"});
      continue;
    }
    for (Problem& problem : ValidateAnswer(*question, item["value"], records[record_id].fields, where))
      problems.push_back(std::move(problem));
    Suggestion suggestion;
    suggestion.record_id = record_id;
    suggestion.question = question->name;
    suggestion.value = item["value"];
    if (item.contains("score") && item["score"].is_number()) suggestion.score = item["score"].get<double>();
    suggestion.agent = item.value("agent", "api");
    suggestions.push_back(std::move(suggestion));
  }
  if (!problems.empty())
    return ErrorResponse(RefusedWhole("no suggestion was saved", std::move(problems)));
  Status status = context.store.UpsertSuggestions(suggestions);
  if (!status.ok()) return ErrorResponse(status.error());
  return JsonResponse(200, {{"saved", suggestions.size()}});
}

}  // namespace

void AddRecordRoutes(std::vector<Route>& routes) {
  const Access members{Scope::kProject, Role::kAnnotator};
  const Access reviewers{Scope::kProject, Role::kReviewer};
  const Access managers{Scope::kProject, Role::kManager};
  routes.push_back({"POST", "/api/v1/projects/{id}/records", managers,
                    "import records (JSON array, JSON Lines or CSV body; all or nothing)", ImportRecordsRoute,
                    /*spools_body=*/true});
  routes.push_back({"GET", "/api/v1/projects/{id}/records", reviewers, "list records with filters and a cursor", ListRecords});
  routes.push_back({"POST", "/api/v1/projects/{id}/suggestions", managers, "add or replace suggestions", UpsertSuggestions});
  routes.push_back({"GET", "/api/v1/projects/{id}/next", members, "the caller's next record to annotate", NextRecord});
  routes.push_back(Quick({"GET", "/api/v1/records/{id}", Access{Scope::kRecord, Role::kAnnotator},
                          "a record (annotators: only records given to them)", GetRecord}));
}

}  // namespace quorum
