#include "http/api_export.h"

#include "export/csv_export.h"
#include "export/training_export.h"
#include "http/api_error.h"
#include "http/spool_file.h"
#include "io/byte_sink.h"
#include "io/export_jsonl.h"

namespace quorum {
namespace {

// Counts rows without keeping them, for summary=only.
class DiscardSink final : public ByteSink {
 public:
  Status Write(std::string_view) override { return OkStatus(); }
  Status Flush() override { return OkStatus(); }
};

// A response body written to a file in the server's spool directory and sent from there a piece
// at a time (HttpResponse::body_file): an export of any size holds one buffer in memory, not
// the file, and what is known only at the end (the summary) still goes in a header.
struct SpooledBody {
  std::shared_ptr<SpoolFile> file;
  std::unique_ptr<ByteSink> sink;
};

Result<SpooledBody> OpenSpooledBody(const HttpRequest& request) {
  QUORUM_ASSIGN_OR_RETURN(std::shared_ptr<SpoolFile> file, SpoolFile::Create(request.spool_dir, "quorum-export"));
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<ByteSink> sink, OpenFileSink(file->path()));
  return SpooledBody{std::move(file), std::move(sink)};
}

// `name_end`: what follows "project-ID" in the file name ("-dpo.jsonl").
void SetAttachment(HttpResponse& response, const RequestContext& context, const std::string& content_type,
                   const std::string& name_end) {
  response.content_type = content_type;
  response.AddHeader("Content-Disposition", "attachment; filename=\"project-" + std::to_string(context.project->id) +
                                                name_end + "\"");
}

}  // namespace

HttpResponse ExportTrainingFormat(RequestContext& context, const std::string& format) {
  const std::optional<std::string> summary_only = context.request.Query("summary");
  if (summary_only && *summary_only != "only")
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "summary: expected only, got '" + *summary_only + "'"));
  Result<ExportPolicy> policy =
      ExportPolicyFrom([&](std::string_view name) { return context.request.Query(name); });
  if (!policy.ok()) return ErrorResponse(policy.error());
  if (summary_only) {
    DiscardSink discard;
    Result<ExportSummary> summary = ExportTraining(context.store, *context.project, *policy, discard);
    if (!summary.ok()) return ErrorResponse(summary.error());
    return JsonResponse(200, {{"summary", SummaryJson(*summary)}, {"policy", PolicyJson(*policy)}});
  }
  Result<SpooledBody> body = OpenSpooledBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  Result<ExportSummary> summary = ExportTraining(context.store, *context.project, *policy, *body->sink);
  if (!summary.ok()) return ErrorResponse(summary.error());
  HttpResponse response;
  response.body_file = std::move(body->file);
  SetAttachment(response, context, "application/x-ndjson", "-" + format + ".jsonl");
  response.AddHeader("X-Quorum-Export-Summary", SummaryJson(*summary).dump());
  return response;
}

HttpResponse ExportNativeJsonl(RequestContext& context) {
  Result<SpooledBody> body = OpenSpooledBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  Result<ExportReport> report = ExportJsonl(context.store, context.project->id, *body->sink);
  if (!report.ok()) return ErrorResponse(report.error());
  HttpResponse response;
  response.body_file = std::move(body->file);
  SetAttachment(response, context, "application/x-ndjson", ".jsonl");
  return response;
}

HttpResponse ExportNativeCsv(RequestContext& context) {
  Result<SpooledBody> body = OpenSpooledBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  Result<CsvExportReport> report = ExportCsv(context.store, *context.project, *body->sink);
  if (!report.ok()) return ErrorResponse(report.error());
  HttpResponse response;
  response.body_file = std::move(body->file);
  SetAttachment(response, context, "text/csv; charset=utf-8", ".csv");
  return response;
}

}  // namespace quorum
