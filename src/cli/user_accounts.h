// Creating accounts with a role, shared by `init`, `user add` and `demo`.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "core/user.h"
#include "core/workspace.h"
#include "store/store.h"

namespace quorum {

struct NewAccount {
  std::string email;
  std::string name;
  Role role = Role::kAnnotator;
  std::optional<std::string> password;  // generated when absent
  int tier = 0;
  std::vector<std::string> specializations;
};

struct CreatedAccount {
  User user;
  std::string password;  // the plain password, to show once
  bool generated = false;
};

// Creates the user with a hashed password and gives them `role` in the workspace.
// kInvalid for an email without '@'; kConflict when the email exists.
Result<CreatedAccount> CreateAccount(Store& store, const Workspace& workspace, const NewAccount& account);

}  // namespace quorum
