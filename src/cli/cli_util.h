// Small helpers shared by the command files.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cli/command_line.h"
#include "core/project.h"
#include "core/result.h"
#include "core/workspace.h"
#include "store/store.h"

namespace quorum {

// The value of a required option; kInvalid "missing --NAME VALUE_NAME" otherwise.
Result<std::string> RequireOption(const ParsedArgs& args, std::string_view name, std::string_view value_name);

// Parses a positive integer id; kInvalid naming `what` otherwise ("project id must be ...").
Result<int64_t> ParseId(std::string_view text, std::string_view what);

// The workspace named by --workspace (an id), else the first workspace, creating "default"
// when there is none.
Result<Workspace> ResolveWorkspace(Store& store, const ParsedArgs& args);

// The project with this id; when there is none, an error that says how to find the right id.
Result<Project> LoadProject(Store& store, int64_t id);

// Prints `json` indented by two spaces, followed by a newline.
void PrintJson(std::ostream& out, const nlohmann::json& json);

}  // namespace quorum
