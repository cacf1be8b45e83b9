// GET /api/v1/projects/{id}/export in the training formats (format=dpo, kto, sft-*, ...).
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

}  // namespace quorum
