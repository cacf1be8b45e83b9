#include "core/workspace.h"

namespace quorum {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kOwner: return "owner";
    case Role::kManager: return "manager";
    case Role::kReviewer: return "reviewer";
    case Role::kAnnotator: return "annotator";
  }
  return "annotator";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : {Role::kOwner, Role::kManager, Role::kReviewer, Role::kAnnotator})
    if (name == RoleName(role)) return role;
  return std::nullopt;
}

}  // namespace quorum
