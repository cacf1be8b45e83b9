// Label Studio's users (the legacy SDK's Client.get_users / get_user) and a project's export
// formats (Project.get_export_formats... in the UI's and SDK's export dialogs), mirroring Label
// Studio 1.13 (users/api.py, data_export/api.py). A Label Studio user is a Quorum user; the
// caller sees themselves and the members of the workspaces they manage, as
// /api/v1/workspaces/{id}/members lets them.
#include <algorithm>
#include <set>

#include "http/api_error.h"
#include "http/ls_api.h"
#include "io/labelstudio_task_writer.h"

namespace quorum {
namespace {

using nlohmann::json;

// The users the caller may see, each with the workspace they are seen through.
Result<std::vector<std::pair<User, int64_t>>> VisibleUsers(RequestContext& context) {
  const User& caller = context.caller->user;
  std::vector<std::pair<User, int64_t>> users;
  std::set<int64_t> seen{caller.id};
  int64_t caller_workspace = 0;
  QUORUM_ASSIGN_OR_RETURN(std::vector<Workspace> workspaces, context.store.ListWorkspaces());
  for (const Workspace& workspace : workspaces) {
    QUORUM_ASSIGN_OR_RETURN(std::optional<Role> role, context.store.GetRole(workspace.id, caller.id));
    if (!role) continue;
    if (caller_workspace == 0) caller_workspace = workspace.id;
    if (!RoleAtLeast(*role, Role::kManager)) continue;
    QUORUM_ASSIGN_OR_RETURN(std::vector<Membership> members, context.store.ListMemberships(workspace.id));
    for (const Membership& member : members) {
      if (!seen.insert(member.user_id).second) continue;
      QUORUM_ASSIGN_OR_RETURN(User user, context.store.GetUser(member.user_id));
      users.emplace_back(std::move(user), workspace.id);
    }
  }
  users.insert(users.begin(), {caller, caller_workspace});
  return users;
}

json Organization(int64_t workspace_id) { return workspace_id == 0 ? json(nullptr) : json(workspace_id); }

// GET /api/users: a plain list, by id (the SDK's get_users reads a list).
HttpResponse ListUsers(RequestContext& context) {
  Result<std::vector<std::pair<User, int64_t>>> users = VisibleUsers(context);
  if (!users.ok()) return LsError(users.error());
  std::sort(users->begin(), users->end(), [](const auto& a, const auto& b) { return a.first.id < b.first.id; });
  json list = json::array();
  for (const auto& [user, workspace_id] : *users) list.push_back(LsUserJson(user, Organization(workspace_id)));
  return JsonResponse(200, list);
}

// GET /api/users/{id}: one of those users; any other id is 404, whether it exists or not.
HttpResponse GetUser(RequestContext& context) {
  Result<std::vector<std::pair<User, int64_t>>> users = VisibleUsers(context);
  if (!users.ok()) return LsError(users.error());
  const int64_t id = context.IdParam();
  for (const auto& [user, workspace_id] : *users)
    if (user.id == id) return JsonResponse(200, LsUserJson(user, Organization(workspace_id)));
  return LsError(MakeError(ErrorCode::kNotFound, "Not found."));
}

// GET /api/projects/{id}/export/formats: the formats GET /api/projects/{id}/export takes, in
// Label Studio's shape ({name, title, description, link, tags, disabled}).
HttpResponse ExportFormats(RequestContext&) {
  auto format = [](const char* name, const char* title, const char* description) {
    return json{{"name", name},
                {"title", title},
                {"description", description},
                {"link", "https://labelstud.io/guide/export.html#" + std::string(name)},
                {"tags", json::array()},
                {"disabled", false}};
  };
  return JsonResponse(200, json::array({format("JSON", "JSON",
                                               "List of items in raw JSON format stored in one JSON file. Use to "
                                               "export both the data and the annotations for a dataset."),
                                        format("JSON_MIN", "JSON-MIN",
                                               "List of items where only \"from_name\", \"to_name\" values from the "
                                               "raw JSON format are exported."),
                                        format("CSV", "CSV",
                                               "Results are stored as comma-separated values with the column names "
                                               "specified by the values of the \"from_name\" and \"to_name\" fields.")}));
}

}  // namespace

json LsUserJson(const User& user, const json& organization) {
  const std::size_t space = user.name.find(' ');
  const std::string first = user.name.substr(0, space);
  const std::string last = space == std::string::npos ? "" : user.name.substr(space + 1);
  std::string initials;
  for (const std::string* part : {&first, &last})
    if (!part->empty()) initials += (*part)[0];
  if (initials.empty() && !user.email.empty()) initials = user.email.substr(0, 2);
  return {{"id", user.id},
          {"first_name", first},
          {"last_name", last},
          {"username", user.email},
          {"email", user.email},
          {"last_activity", LabelStudioTime(user.created_at_ms)},
          {"avatar", nullptr},
          {"initials", initials},
          {"phone", ""},
          {"active_organization", organization},
          {"allow_newsletters", false},
          {"date_joined", LabelStudioTime(user.created_at_ms)}};
}

void AddLabelStudioUserRoutes(std::vector<Route>& routes) {
  const Access signed_in{Scope::kAuthenticated, Role::kAnnotator};
  const Access managers{Scope::kProject, Role::kManager};
  routes.push_back({"GET", "/api/users", signed_in, "Label Studio API: users (the caller, and members of workspaces they manage)", ListUsers});
  routes.push_back({"GET", "/api/users/{id}", signed_in, "Label Studio API: one user the caller may see", GetUser});
  routes.push_back({"GET", "/api/projects/{id}/export/formats", managers, "Label Studio API: the export formats", ExportFormats});
}

}  // namespace quorum
