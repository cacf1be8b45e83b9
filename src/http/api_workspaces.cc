// Workspaces and their members.
#include <algorithm>

#include "auth/password.h"
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/api_routes.h"

namespace quorum {
namespace {

HttpResponse ListWorkspaces(RequestContext& context) {
  Result<std::vector<Workspace>> workspaces = context.store.ListWorkspaces();
  if (!workspaces.ok()) return ErrorResponse(workspaces.error());
  nlohmann::json list = nlohmann::json::array();
  for (const Workspace& workspace : *workspaces) {
    Result<std::optional<Role>> role = context.store.GetRole(workspace.id, context.caller->user.id);
    if (!role.ok()) return ErrorResponse(role.error());
    if (!*role) continue;
    nlohmann::json json = WorkspaceJson(workspace);
    json["role"] = RoleName(**role);
    list.push_back(json);
  }
  return JsonResponse(200, {{"workspaces", list}});
}

// Only people who own a workspace may create more of them.
HttpResponse CreateWorkspace(RequestContext& context) {
  Result<std::vector<Workspace>> workspaces = context.store.ListWorkspaces();
  if (!workspaces.ok()) return ErrorResponse(workspaces.error());
  bool is_owner = false;
  for (const Workspace& workspace : *workspaces) {
    Result<std::optional<Role>> role = context.store.GetRole(workspace.id, context.caller->user.id);
    if (role.ok() && *role == Role::kOwner) is_owner = true;
  }
  if (!is_owner) return ErrorResponse(MakeError(ErrorCode::kForbidden, "only workspace owners create workspaces"));
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (!body->is_object() || !(*body)["name"].is_string() || (*body)["name"].get<std::string>().empty())
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "send {\"name\": non-empty string}"));
  Result<Workspace> created = context.store.CreateWorkspace((*body)["name"].get<std::string>());
  if (!created.ok()) return ErrorResponse(created.error());
  Status member = context.store.SetMembership(Membership{created->id, context.caller->user.id, Role::kOwner});
  if (!member.ok()) return ErrorResponse(member.error());
  return JsonResponse(201, WorkspaceJson(*created));
}

HttpResponse ListMembers(RequestContext& context) {
  Result<std::vector<Membership>> members = context.store.ListMemberships(context.workspace->id);
  if (!members.ok()) return ErrorResponse(members.error());
  nlohmann::json list = nlohmann::json::array();
  for (const Membership& membership : *members) {
    Result<User> user = context.store.GetUser(membership.user_id);
    if (!user.ok()) return ErrorResponse(user.error());
    nlohmann::json json = UserJson(*user);
    json["role"] = RoleName(membership.role);
    list.push_back(json);
  }
  return JsonResponse(200, {{"members", list}});
}

// Adds a member (creating the account when asked) or changes a member's role.
HttpResponse PutMember(RequestContext& context) {
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (!body->is_object() || !(*body)["email"].is_string() || !(*body)["role"].is_string())
    return ErrorResponse(MakeError(ErrorCode::kInvalid, "send {\"email\": string, \"role\": string, \"password\"?: string}"));
  std::optional<Role> role = ParseRole((*body)["role"].get<std::string>());
  if (!role) return ErrorResponse(MakeError(ErrorCode::kInvalid, "role must be owner, manager, reviewer or annotator"));
  if (*role == Role::kOwner && *context.role != Role::kOwner)
    return ErrorResponse(MakeError(ErrorCode::kForbidden, "only an owner can make someone an owner"));
  std::string email = (*body)["email"].get<std::string>();
  Result<User> user = context.store.FindUserByEmail(email);
  nlohmann::json answer = nlohmann::json::object();
  int status = 200;
  if (!user.ok()) {
    if (user.error().code != ErrorCode::kNotFound) return ErrorResponse(user.error());
    if (email.find('@') == std::string::npos)
      return ErrorResponse(MakeError(ErrorCode::kInvalid, "'" + email + "' is not an email address"));
    std::string password;
    if ((*body)["password"].is_string()) {
      password = (*body)["password"].get<std::string>();
      if (password.size() < 8) return ErrorResponse(MakeError(ErrorCode::kInvalid, "a password needs at least 8 characters"));
    } else {
      Result<std::string> generated = GeneratePassword();
      if (!generated.ok()) return ErrorResponse(generated.error());
      password = *generated;
      answer["password"] = password;  // shown once
    }
    User account;
    account.email = email;
    account.name = (*body)["name"].is_string() ? (*body)["name"].get<std::string>() : email.substr(0, email.find('@'));
    Result<std::string> hash = HashPassword(password);
    if (!hash.ok()) return ErrorResponse(hash.error());
    account.password_hash = *hash;
    user = context.store.CreateUser(account);
    if (!user.ok()) return ErrorResponse(user.error());
    status = 201;
  }
  Status member = context.store.SetMembership(Membership{context.workspace->id, user->id, *role});
  if (!member.ok()) return ErrorResponse(member.error());
  answer["user"] = UserJson(*user);
  answer["role"] = RoleName(*role);
  return JsonResponse(status, answer);
}

// Changes a member's profile: {"name"?, "tier"?, "specializations"?}. The tier and the
// specializations decide which records the distribution engine gives them.
HttpResponse PatchMember(RequestContext& context) {
  const int64_t user_id = context.IdParam("user_id");
  Result<std::optional<Role>> role = context.store.GetRole(context.workspace->id, user_id);
  if (!role.ok()) return ErrorResponse(role.error());
  if (!*role) return ErrorResponse(MakeError(ErrorCode::kNotFound, "no member " + std::to_string(user_id) + " in this workspace"));
  Result<nlohmann::json> body = ParseJsonBody(context.request);
  if (!body.ok()) return ErrorResponse(body.error());
  if (!body->is_object()) return ErrorResponse(MakeError(ErrorCode::kInvalid, "send a JSON object"));
  Result<User> user = context.store.GetUser(user_id);
  if (!user.ok()) return ErrorResponse(user.error());
  for (const auto& [key, value] : body->items()) {
    if (key == "name" && value.is_string() && !value.get<std::string>().empty()) {
      user->name = value.get<std::string>();
    } else if (key == "tier" && value.is_number_integer() && value.get<int64_t>() >= 0 && value.get<int64_t>() <= 100) {
      user->tier = value.get<int>();
    } else if (key == "specializations" && value.is_array() &&
               std::all_of(value.begin(), value.end(), [](const nlohmann::json& tag) { return tag.is_string() && !tag.get<std::string>().empty(); })) {
      user->specializations = value.get<std::vector<std::string>>();
    } else {
      const std::string rule = key == "name"              ? "name must be a non-empty string"
                               : key == "tier"            ? "tier must be an integer from 0 to 100"
                               : key == "specializations" ? "specializations must be an array of non-empty strings"
                                                          : "unknown key '" + key + "' (send name, tier, specializations)";
      return ErrorResponse(MakeError(ErrorCode::kInvalid, rule));
    }
  }
  Status updated = context.store.UpdateUser(*user);
  if (!updated.ok()) return ErrorResponse(updated.error());
  return JsonResponse(200, {{"user", UserJson(*user)}, {"role", RoleName(**role)}});
}

}  // namespace

void AddWorkspaceRoutes(std::vector<Route>& routes) {
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  const Access managers{Scope::kWorkspace, Role::kManager};
  routes.push_back({"GET", "/api/v1/workspaces", signed_in, "the caller's workspaces with their role", ListWorkspaces});
  routes.push_back({"POST", "/api/v1/workspaces", signed_in, "create a workspace (owners only)", CreateWorkspace});
  routes.push_back({"GET", "/api/v1/workspaces/{id}/members", managers, "members and their roles", ListMembers});
  routes.push_back({"PUT", "/api/v1/workspaces/{id}/members", managers, "add a member or change a role", PutMember});
  routes.push_back({"PATCH", "/api/v1/workspaces/{id}/members/{user_id}", managers,
                    "change a member's name, tier or specializations", PatchMember});
}

}  // namespace quorum
