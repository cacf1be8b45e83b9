// Workspaces (teams) and the role a user holds in one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace quorum {

struct Workspace {
  int64_t id = 0;
  std::string name;
  int64_t created_at_ms = 0;
};

// Roles, from most to least powerful. A role includes what the ones after it may do.
enum class Role { kOwner, kManager, kReviewer, kAnnotator };

// "owner", "manager", "reviewer", "annotator"; ParseRole returns nullopt for anything else.
const char* RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// True when `held` includes everything `needed` may do.
inline bool RoleAtLeast(Role held, Role needed) { return static_cast<int>(held) <= static_cast<int>(needed); }

struct Membership {
  int64_t workspace_id = 0;
  int64_t user_id = 0;
  Role role = Role::kAnnotator;
};

}  // namespace quorum
