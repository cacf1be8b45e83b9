#include "http/visibility.h"

namespace quorum {

int OverlapOf(const Project& project) {
  auto overlap = project.settings.find("overlap");
  if (overlap != project.settings.end() && overlap->is_number_integer()) {
    const int64_t value = overlap->get<int64_t>();
    if (value >= 1 && value <= 10) return static_cast<int>(value);
  }
  return 1;
}

bool ShowsSuggestions(const Project& project) {
  auto show = project.settings.find("show_suggestions");
  return show == project.settings.end() || !show->is_boolean() || show->get<bool>();
}

Status CheckNotFull(Store& store, const Project& project, const Response& response) {
  if (response.status != ResponseStatus::kSubmitted) return OkStatus();
  QUORUM_ASSIGN_OR_RETURN(std::vector<Response> existing, store.ListResponses(response.record_id));
  int submitted_by_others = 0;
  for (const Response& other : existing)
    if (other.user_id != response.user_id && other.status == ResponseStatus::kSubmitted) ++submitted_by_others;
  if (submitted_by_others >= OverlapOf(project))
    return MakeError(ErrorCode::kConflict, "this record already has all the responses it needs (" +
                                               std::to_string(submitted_by_others) + ")");
  return OkStatus();
}

bool AllowsEditSubmitted(const Project& project) {
  auto allow = project.settings.find("allow_edit_submitted");
  return allow == project.settings.end() || !allow->is_boolean() || allow->get<bool>();
}

Result<bool> MaySeeRecord(RequestContext& context, const Record& record) {
  if (RoleAtLeast(*context.role, Role::kReviewer)) return true;
  QUORUM_ASSIGN_OR_RETURN(std::optional<Response> own, context.store.FindResponse(record.id, context.caller->user.id));
  if (own) return true;
  QUORUM_ASSIGN_OR_RETURN(std::optional<Record> next,
                          context.store.NextRecordFor(record.project_id, context.caller->user.id, OverlapOf(*context.project)));
  return next && next->id == record.id;
}

}  // namespace quorum
