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
