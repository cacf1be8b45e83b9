#include <ostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/user_accounts.h"

namespace quorum {
namespace {

Status RunInit(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(std::vector<User> users, store->ListUsers());
  if (!users.empty())
    return MakeError(ErrorCode::kConflict, context.db_url() + " is already initialized (it has " +
                                               std::to_string(users.size()) +
                                               " users); add people with 'quorum user add'");
  QUORUM_ASSIGN_OR_RETURN(Workspace workspace, ResolveWorkspace(*store, args));
  NewAccount owner;
  owner.email = args.Get("email").value_or("admin@localhost");
  owner.name = args.Get("name").value_or("Owner");
  owner.role = Role::kOwner;
  owner.password = args.Get("password");
  QUORUM_ASSIGN_OR_RETURN(CreatedAccount created, CreateAccount(*store, workspace, owner));
  context.out() << "Initialized " << context.db_url() << "\n"
                << "Workspace: " << workspace.name << " (id " << workspace.id << ")\n"
                << "Owner:     " << created.user.email << "\n";
  if (created.generated)
    context.out() << "Password:  " << created.password << "   (shown once: keep it now)\n";
  return OkStatus();
}

}  // namespace

CommandSpec InitCommand() {
  return {"init",
          "create the database, a workspace and its owner account",
          "[--email E] [--password P]",
          "Prints a generated password once unless --password is given.",
          {{"email", "E", "the owner's email (default admin@localhost)"},
           {"name", "N", "the owner's display name"},
           {"password", "P", "the owner's password (at least 8 characters; generated when absent)"}},
          RunInit};
}

}  // namespace quorum
