#include "http/visibility.h"

#include "dist/distribution_settings.h"
#include "dist/distributor.h"

namespace quorum {

int OverlapOf(const Project& project) {
  Result<DistributionSettings> settings = ParseDistributionSettings(project.settings);
  return settings.ok() ? settings->overlap : 1;
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
  QUORUM_ASSIGN_OR_RETURN(bool handed_out, context.store.WasHandedOut(record.id, context.caller->user.id));
  if (handed_out) return true;
  // Asking for a record before calling /next is asking for the next record: it is handed out
  // (reserved) if it is the one the engine would give, exactly as /next would.
  Distributor distributor(context.store, context.clock);
  QUORUM_ASSIGN_OR_RETURN(NextOutcome next, distributor.Next(*context.project, context.caller->user));
  return next.assignment && next.assignment->record.id == record.id;
}

}  // namespace quorum
