#include <iomanip>
#include <ostream>
#include <sstream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/user_accounts.h"

namespace quorum {
namespace {

Result<int> ParseTier(const ParsedArgs& args) {
  auto text = args.Get("tier");
  if (!text) return 0;
  if (*text == "0") return 0;
  QUORUM_ASSIGN_OR_RETURN(int64_t tier, ParseId(*text, "--tier"));
  if (tier > 100) return MakeError(ErrorCode::kInvalid, "--tier must be between 0 and 100");
  return static_cast<int>(tier);
}

std::vector<std::string> SplitCommaList(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ','))
    if (!item.empty()) items.push_back(item);
  return items;
}

Status RunUserAdd(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(std::string email, RequireOption(args, "email", "E"));
  QUORUM_ASSIGN_OR_RETURN(std::string role_name, RequireOption(args, "role", "R"));
  std::optional<Role> role = ParseRole(role_name);
  if (!role)
    return MakeError(ErrorCode::kInvalid,
                     "--role must be owner, manager, reviewer or annotator, got '" + role_name + "'");
  QUORUM_ASSIGN_OR_RETURN(int tier, ParseTier(args));
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Workspace workspace, ResolveWorkspace(*store, args));
  NewAccount account;
  account.email = email;
  account.name = args.Get("name").value_or("");
  account.role = *role;
  account.password = args.Get("password");
  account.tier = tier;
  account.specializations = SplitCommaList(args.Get("specializations").value_or(""));
  QUORUM_ASSIGN_OR_RETURN(CreatedAccount created, CreateAccount(*store, workspace, account));
  context.out() << "Added " << created.user.email << " (id " << created.user.id << ") as " << RoleName(*role)
                << " of workspace " << workspace.name << "\n";
  if (created.generated) context.out() << "Password: " << created.password << "   (shown once: keep it now)\n";
  return OkStatus();
}

Status RunUserList(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(std::vector<User> users, store->ListUsers());
  QUORUM_ASSIGN_OR_RETURN(std::vector<Workspace> workspaces, store->ListWorkspaces());
  nlohmann::json list = nlohmann::json::array();
  for (const User& user : users) {
    nlohmann::json roles = nlohmann::json::object();
    for (const Workspace& workspace : workspaces) {
      QUORUM_ASSIGN_OR_RETURN(std::optional<Role> role, store->GetRole(workspace.id, user.id));
      if (role) roles[workspace.name] = RoleName(*role);
    }
    list.push_back({{"id", user.id},
                    {"email", user.email},
                    {"name", user.name},
                    {"tier", user.tier},
                    {"specializations", user.specializations},
                    {"roles", roles}});
  }
  if (args.Has("json")) {
    PrintJson(context.out(), list);
    return OkStatus();
  }
  context.out() << std::left << std::setw(6) << "ID" << std::setw(36) << "EMAIL" << std::setw(6) << "TIER"
                << "ROLES\n";
  for (const nlohmann::json& user : list) {
    std::string roles;
    for (auto& [workspace, role] : user["roles"].items())
      roles += (roles.empty() ? "" : ", ") + role.get<std::string>() + "@" + workspace;
    context.out() << std::left << std::setw(6) << user["id"].get<int64_t>() << std::setw(36)
                  << user["email"].get<std::string>() << std::setw(6) << user["tier"].get<int>() << roles << "\n";
  }
  return OkStatus();
}

}  // namespace

CommandSpec UserAddCommand() {
  return {"user add",
          "add a user with a role in a workspace",
          "--email E --role owner|manager|reviewer|annotator [--password P]",
          "Prints a generated password once unless --password is given.",
          {{"email", "E", "the user's email (their login)"},
           {"role", "R", "owner, manager, reviewer or annotator"},
           {"password", "P", "at least 8 characters; generated when absent"},
           {"name", "N", "display name (default: the part of the email before @)"},
           {"tier", "N", "qualification tier, 0-100 (default 0)"},
           {"specializations", "A,B", "comma-separated specialization tags"},
           {"workspace", "ID", "the workspace (default: the first one)"}},
          RunUserAdd};
}

CommandSpec UserListCommand() {
  return {"user list", "list users with their roles", "[--json]", "", {{"json", "", "print JSON"}}, RunUserList};
}

}  // namespace quorum
