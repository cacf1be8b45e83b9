#include <ostream>

#include "auth/credentials.h"
#include "cli/cli_util.h"
#include "cli/commands.h"

namespace quorum {
namespace {

Status RunTokenCreate(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(std::string email, RequireOption(args, "email", "E"));
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  Result<User> user = store->FindUserByEmail(email);
  if (!user.ok() && user.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound, "there is no user '" + email + "'; add one with 'quorum user add'");
  if (!user.ok()) return std::move(user).error();
  QUORUM_ASSIGN_OR_RETURN(IssuedToken issued, IssueApiToken(*store, user->id, args.Get("name").value_or("cli")));
  context.out() << issued.key << "\n";
  context.err() << "API token " << issued.token.id << " for " << user->email
                << " (shown once; send it as 'Authorization: Token <key>')\n";
  return OkStatus();
}

}  // namespace

CommandSpec TokenCreateCommand() {
  return {"token create",
          "create an API token for a user and print it",
          "--email E [--name N]",
          "Prints only the key on standard output, so scripts can capture it:\n"
          "  TOKEN=$(quorum token create --email me@example.org)",
          {{"email", "E", "the user the token acts as"}, {"name", "N", "a label to tell tokens apart (default cli)"}},
          RunTokenCreate};
}

}  // namespace quorum
