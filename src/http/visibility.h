// What an annotator may see: blind annotation rules shared by the record and response routes.
#pragma once

#include "http/route.h"

namespace quorum {

// Reviewers and up see every record of their projects. An annotator sees a record only when it
// is given to them: they have a response to it, the distribution engine handed it to them
// (a reservation, live or run out: a late answer is still judged on the record's room), or it
// is the record the engine hands them now (which reserves it, as GET .../next would).
Result<bool> MaySeeRecord(RequestContext& context, const Record& record);

// The overlap setting of a project (responses wanted per record), 1 when unset or invalid.
int OverlapOf(const Project& project);

// Whether annotators are shown suggestions (project setting "show_suggestions", default true).
bool ShowsSuggestions(const Project& project);

// Whether annotators may change a response after submitting it (project setting
// "allow_edit_submitted", default true). Managers always may.
bool AllowsEditSubmitted(const Project& project);

}  // namespace quorum
