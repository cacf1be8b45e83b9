// GET /api/v1/projects/{id}/export: the native JSON Lines and CSV, and the training formats (format=dpo,
// kto, sft-*, ...). Both are written to a file in the server's spool directory first and sent
// from it a piece at a time (HttpResponse::body_file), so memory does not grow with the project.
#pragma once

#include <string>

#include "http/route.h"

namespace quorum {

// The export as JSON Lines (application/x-ndjson) with the policy read from the query
// (min_agreement, method, ties, ... as export_policy.h names them; provenance=true), and the
// summary (rows written, left out per reason) as compact JSON in the X-Quorum-Export-Summary
// header. With summary=only the body is that summary ({"summary", "policy"}) and no rows.
// 400 for a malformed option or a format that does not fit the project.
HttpResponse ExportTrainingFormat(RequestContext& context, const std::string& format);

// The native JSON Lines export (io/export_jsonl.h), which `quorum import` reads back.
HttpResponse ExportNativeJsonl(RequestContext& context);

// The native CSV (export/csv_export.h): a row per record, its fields and majority answers.
HttpResponse ExportNativeCsv(RequestContext& context);

}  // namespace quorum
