#include "cli/user_accounts.h"

#include "auth/password.h"

namespace quorum {

Result<CreatedAccount> CreateAccount(Store& store, const Workspace& workspace, const NewAccount& account) {
  if (account.email.find('@') == std::string::npos || account.email.size() < 3)
    return MakeError(ErrorCode::kInvalid, "'" + account.email + "' is not an email address");
  CreatedAccount created;
  created.generated = !account.password.has_value();
  if (account.password) {
    if (account.password->size() < 8) return MakeError(ErrorCode::kInvalid, "a password needs at least 8 characters");
    created.password = *account.password;
  } else {
    QUORUM_ASSIGN_OR_RETURN(created.password, GeneratePassword());
  }
  User user;
  user.email = account.email;
  user.name = account.name.empty() ? account.email.substr(0, account.email.find('@')) : account.name;
  user.tier = account.tier;
  user.specializations = account.specializations;
  QUORUM_ASSIGN_OR_RETURN(user.password_hash, HashPassword(created.password));
  QUORUM_ASSIGN_OR_RETURN(created.user, store.CreateUser(user));
  QUORUM_RETURN_IF_ERROR(store.SetMembership(Membership{workspace.id, created.user.id, account.role}));
  return created;
}

}  // namespace quorum
