#include <ostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/demo_data.h"
#include "cli/user_accounts.h"
#include "io/importer.h"
#include "schema/templates.h"

namespace quorum {
namespace {

constexpr std::string_view kDemoProjectName = "Demo: pairwise preference";
constexpr const char* kAnnotatorEmails[3] = {"ana@demo.quorum", "ben@demo.quorum", "chen@demo.quorum"};

// The demo records as native JSON Lines, answered by the three annotators where the data says.
std::string DemoJsonl(int64_t now_ms) {
  std::string jsonl;
  int64_t index = 0;
  for (const DemoRecord& demo : DemoRecords()) {
    nlohmann::json row = {
        {"id", demo.id},
        {"fields", {{"prompt", demo.prompt}, {"response_a", demo.response_a}, {"response_b", demo.response_b}}},
        {"metadata", {{"model_a", demo.model_a}, {"model_b", demo.model_b}, {"category", demo.category}}},
    };
    nlohmann::json responses = nlohmann::json::array();
    for (int annotator = 0; annotator < 3; ++annotator) {
      if (demo.votes[annotator] != 'a' && demo.votes[annotator] != 'b') continue;
      nlohmann::json values = {{"preference", demo.votes[annotator] == 'a' ? "response_a" : "response_b"}};
      if (annotator == 0 && !demo.rationale.empty()) values["rationale"] = demo.rationale;
      // Spread the work over the last days, with plausible times on task (25 s to 2 min).
      const int64_t at = now_ms - (50 - index) * 3'600'000 + annotator * 600'000;
      responses.push_back({{"user", kAnnotatorEmails[annotator]},
                           {"values", values},
                           {"status", "submitted"},
                           {"time_spent_ms", 25'000 + (index * 7919 + annotator * 104'729) % 95'000},
                           {"created_at", FormatTimestamp(at)},
                           {"updated_at", FormatTimestamp(at)}});
    }
    if (!responses.empty()) row["responses"] = responses;
    jsonl += row.dump();
    jsonl += '\n';
    ++index;
  }
  return jsonl;
}

Status RunDemo(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(std::vector<Project> projects, store->ListProjects());
  for (const Project& project : projects) {
    if (project.name == kDemoProjectName) {
      context.out() << "The demo project is already here: project " << project.id << " '" << project.name << "'\n";
      return OkStatus();
    }
  }
  QUORUM_ASSIGN_OR_RETURN(Workspace workspace, ResolveWorkspace(*store, args));
  for (const char* email : kAnnotatorEmails) {
    if (store->FindUserByEmail(email).ok()) continue;
    NewAccount annotator;
    annotator.email = email;
    QUORUM_ASSIGN_OR_RETURN(CreatedAccount created, CreateAccount(*store, workspace, annotator));
    context.out() << "Annotator " << created.user.email << "  password " << created.password << "\n";
  }
  QUORUM_ASSIGN_OR_RETURN(ProjectDefinition definition, LoadTemplate("pairwise-preference"));
  Project project;
  project.workspace_id = workspace.id;
  project.name = std::string(kDemoProjectName);
  project.schema = std::move(definition.schema);
  project.guidelines = std::move(definition.guidelines);
  project.settings = std::move(definition.settings);
  project.settings["overlap"] = 3;
  QUORUM_ASSIGN_OR_RETURN(Project created, store->CreateProject(project));
  ImportOptions options;
  options.format = ImportFormat::kJsonl;
  QUORUM_ASSIGN_OR_RETURN(ImportReport report,
                          ImportRecords(*store, created, StringSource(DemoJsonl(context.clock().NowMs()), "demo"),
                                        options, context.clock()));
  context.out() << "Created project " << created.id << " '" << created.name << "': " << report.records
                << " records, " << report.responses << " responses from 3 annotators\n";
  return OkStatus();
}

}  // namespace

CommandSpec DemoCommand() {
  return {"demo",
          "add a demo workspace: a pairwise preference project with 50 records, 30 answered",
          "",
          "Creates three annotators (their passwords are printed once) and a pairwise preference\n"
          "project whose first 30 records carry their votes, with some disagreement. Running it again\n"
          "does nothing.",
          {{"workspace", "ID", "the workspace (default: the first one)"}},
          RunDemo};
}

}  // namespace quorum
