#include "cli/cli_util.h"

#include <charconv>

namespace quorum {

Result<std::string> RequireOption(const ParsedArgs& args, std::string_view name, std::string_view value_name) {
  if (auto value = args.Get(name); value && !value->empty()) return *value;
  return MakeError(ErrorCode::kInvalid, "missing --" + std::string(name) + " " + std::string(value_name));
}

Result<int64_t> ParseId(std::string_view text, std::string_view what) {
  int64_t id = 0;
  auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || ptr != text.data() + text.size() || id <= 0)
    return MakeError(ErrorCode::kInvalid,
                     std::string(what) + " must be a positive integer, got '" + std::string(text) + "'");
  return id;
}

Result<Workspace> ResolveWorkspace(Store& store, const ParsedArgs& args) {
  if (auto given = args.Get("workspace")) {
    QUORUM_ASSIGN_OR_RETURN(int64_t id, ParseId(*given, "workspace id"));
    return store.GetWorkspace(id);
  }
  QUORUM_ASSIGN_OR_RETURN(std::vector<Workspace> workspaces, store.ListWorkspaces());
  if (!workspaces.empty()) return workspaces.front();
  return store.CreateWorkspace("default");
}

Result<Project> LoadProject(Store& store, int64_t id) {
  Result<Project> project = store.GetProject(id);
  if (!project.ok() && project.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound,
                     "there is no project " + std::to_string(id) + "; 'quorum project list' shows the projects");
  return project;
}

void PrintJson(std::ostream& out, const nlohmann::json& json) {
  out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace quorum
