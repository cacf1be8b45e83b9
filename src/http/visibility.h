// What an annotator may see: blind annotation rules shared by the record and response routes.
#pragma once

#include "http/route.h"

namespace quorum {

// Reviewers and up see every record of their projects. An annotator sees a record only when it
// is given to them: they have a response to it, or it is their next record.
Result<bool> MaySeeRecord(RequestContext& context, const Record& record);

// The overlap setting of a project (responses wanted per record), 1 when unset.
int OverlapOf(const Project& project);

// Whether annotators are shown suggestions (project setting "show_suggestions", default true).
bool ShowsSuggestions(const Project& project);

// A submitted `response` to a record that already has `overlap` submitted responses from others
// would over-fill it: kConflict saying so. OkStatus for drafts and discarded responses.
Status CheckNotFull(Store& store, const Project& project, const Response& response);
// Whether annotators may change a response after submitting it (project setting
// "allow_edit_submitted", default true). Managers always may.
bool AllowsEditSubmitted(const Project& project);

}  // namespace quorum
