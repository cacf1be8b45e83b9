#include "http/api_export.h"

#include "export/training_export.h"
#include "http/api_error.h"
#include "io/byte_sink.h"

namespace quorum {
namespace {

// Counts rows without keeping them, for summary=only.
class DiscardSink final : public ByteSink {
 public:
  Status Write(std::string_view) override { return OkStatus(); }
  Status Flush() override { return OkStatus(); }
};

}  // namespace

HttpResponse ExportTrainingFormat(RequestContext& context, const std::string& format) {
  const std::optional<std::string> summary_only = context.request.Query("summary");
  if (summary_only && *summary_only != "only")
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "summary: expected only, got '" + *summary_only + "'"));
  Result<ExportPolicy> policy =
      ExportPolicyFrom([&](std::string_view name) { return context.request.Query(name); });
  if (!policy.ok()) return ErrorResponse(policy.error());
  HttpResponse response;
  DiscardSink discard;
  std::unique_ptr<ByteSink> body = StringSink(response.body);
  Result<ExportSummary> summary =
      ExportTraining(context.store, *context.project, *policy, summary_only ? static_cast<ByteSink&>(discard) : *body);
  if (!summary.ok()) return ErrorResponse(summary.error());
  const nlohmann::json summary_json = SummaryJson(*summary);
  if (summary_only) return JsonResponse(200, {{"summary", summary_json}, {"policy", PolicyJson(*policy)}});
  response.content_type = "application/x-ndjson";
  response.AddHeader("X-Quorum-Export-Summary", summary_json.dump());
  response.AddHeader("Content-Disposition", "attachment; filename=\"project-" + std::to_string(context.project->id) +
                                                "-" + format + ".jsonl\"");
  return response;
}

}  // namespace quorum
