#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json_file.h"
#include "dist/distribution_settings.h"
#include "http/api_json.h"
#include "schema/label_config.h"
#include "schema/schema_json.h"
#include "schema/templates.h"

namespace quorum {
namespace {

// The project as the REST API shows it, with its record count.
nlohmann::json ProjectWithCount(const Project& project, int64_t record_count) {
  nlohmann::json json = ProjectJson(project);
  json["records"] = record_count;
  return json;
}

// A Label Studio XML config read into a definition with no guidelines and no settings.
Result<ProjectDefinition> LoadLabelConfig(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno));
  std::stringstream xml;
  xml << file.rdbuf();
  QUORUM_ASSIGN_OR_RETURN(LabelConfig config, ParseLabelConfig(xml.str(), path));
  ProjectDefinition definition;
  definition.schema = std::move(config.schema);
  return definition;
}

Result<ProjectDefinition> LoadDefinition(const ParsedArgs& args) {
  const bool has_template = args.Has("template");
  const bool has_schema = args.Has("schema");
  const bool has_label_config = args.Has("label-config");
  if (int{has_template} + int{has_schema} + int{has_label_config} != 1)
    return MakeError(ErrorCode::kInvalid, "give exactly one of --template T or --schema FILE (see 'quorum project "
                                          "templates'), or --label-config FILE.xml for a Label Studio config");
  if (has_template) return LoadTemplate(*args.Get("template"));
  if (has_label_config) return LoadLabelConfig(*args.Get("label-config"));
  const std::string path = *args.Get("schema");
  QUORUM_ASSIGN_OR_RETURN(nlohmann::json document, ReadJsonFile(path));
  return ProjectDefinitionFromJson(document, path);
}

Status RunCreate(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(std::string name, RequireOption(args, "name", "N"));
  QUORUM_ASSIGN_OR_RETURN(ProjectDefinition definition, LoadDefinition(args));
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Workspace workspace, ResolveWorkspace(*store, args));
  Project project;
  project.workspace_id = workspace.id;
  project.name = name;
  project.schema = std::move(definition.schema);
  project.guidelines = std::move(definition.guidelines);
  project.settings = std::move(definition.settings);
  QUORUM_ASSIGN_OR_RETURN(Project created, store->CreateProject(project));
  if (args.Has("json")) {
    PrintJson(context.out(), ProjectWithCount(created, 0));
  } else {
    context.out() << "Created project " << created.id << " '" << created.name << "' in workspace "
                  << workspace.name << " (" << created.schema.fields.size() << " fields, "
                  << created.schema.questions.size() << " questions)\n";
  }
  return OkStatus();
}

Status RunList(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(std::vector<Project> projects, store->ListProjects());
  nlohmann::json list = nlohmann::json::array();
  for (const Project& project : projects) {
    QUORUM_ASSIGN_OR_RETURN(int64_t records, store->CountRecords(project.id));
    list.push_back({{"id", project.id},
                    {"workspace_id", project.workspace_id},
                    {"name", project.name},
                    {"records", records},
                    {"questions", project.schema.questions.size()}});
  }
  if (args.Has("json")) {
    PrintJson(context.out(), list);
    return OkStatus();
  }
  if (list.empty()) {
    context.out() << "No projects yet: 'quorum project create --name N --template T' or 'quorum demo'.\n";
    return OkStatus();
  }
  context.out() << std::left << std::setw(6) << "ID" << std::setw(10) << "RECORDS" << "NAME\n";
  for (const nlohmann::json& project : list)
    context.out() << std::left << std::setw(6) << project["id"].get<int64_t>() << std::setw(10)
                  << project["records"].get<int64_t>() << project["name"].get<std::string>() << "\n";
  return OkStatus();
}

Result<Project> ProjectFromPositional(const ParsedArgs& args, Store& store) {
  if (args.positionals().size() != 1) return MakeError(ErrorCode::kInvalid, "give one project ID");
  QUORUM_ASSIGN_OR_RETURN(int64_t id, ParseId(args.positionals()[0], "project id"));
  return LoadProject(store, id);
}

void PrintSchemaSummary(std::ostream& out, const Schema& schema) {
  out << "Fields:\n";
  for (const FieldSpec& field : schema.fields)
    out << "  " << field.name << " (" << FieldKindName(field.kind) << (field.required ? "" : ", optional") << ")\n";
  out << "Questions:\n";
  for (const QuestionSpec& question : schema.questions) {
    out << "  " << question.name << " (" << QuestionKindName(question.kind);
    if (question.kind == QuestionKind::kPreference) out << ", " << PreferenceScaleName(question.scale);
    out << (question.required ? ", required" : "") << ")\n";
  }
  if (!schema.metadata.empty()) {
    out << "Metadata:\n";
    for (const MetadataProperty& property : schema.metadata)
      out << "  " << property.name << " (" << MetadataKindName(property.kind) << ")\n";
  }
}

Status RunShow(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Project project, ProjectFromPositional(args, *store));
  if (args.Has("label-config")) {
    // The config the project was made from, verbatim; for a native schema, the one Quorum writes.
    const std::string xml =
        project.schema.label_config.empty() ? WriteLabelConfig(project.schema).schema.label_config : project.schema.label_config;
    context.out() << xml << (xml.empty() || xml.back() == '\n' ? "" : "\n");
    return OkStatus();
  }
  QUORUM_ASSIGN_OR_RETURN(int64_t records, store->CountRecords(project.id));
  if (args.Has("json")) {
    PrintJson(context.out(), ProjectWithCount(project, records));
    return OkStatus();
  }
  context.out() << "Project " << project.id << ": " << project.name << "\n"
                << "Records: " << records << "\n"
                << "Guidelines: version " << project.guideline_version << "\n"
                << "Settings: " << project.settings.dump() << "\n";
  PrintSchemaSummary(context.out(), project.schema);
  return OkStatus();
}

// The distribution flags of `project settings` and the settings key each one sets.
constexpr std::pair<const char*, const char*> kDistributionFlags[] = {
    {"overlap", "overlap"},
    {"lease-minutes", "lease_minutes"},
    {"ordering", "ordering"},
    {"seed", "seed"},
    {"finish-started-first", "finish_started_first"},
    {"calibration", "calibration"},
    {"gold-ratio", "gold_ratio"},
    {"discards-count", "discards_count_toward_overlap"},
    {"paused", "paused"},
    {"paused-annotators", "paused_annotators"},
};

// A flag's value as a settings value: JSON when it reads as JSON (3, 0.05, true), a list for
// comma-separated numbers ("4,9"), a string otherwise ("random").
nlohmann::json FlagValue(const std::string& text) {
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_discarded()) return parsed;
  if (text.find(',') != std::string::npos) {
    nlohmann::json list = nlohmann::json::array();
    size_t start = 0;
    while (start <= text.size()) {
      const size_t comma = std::min(text.find(',', start), text.size());
      nlohmann::json item = nlohmann::json::parse(text.substr(start, comma - start), nullptr, false);
      list.push_back(item.is_discarded() ? nlohmann::json(text.substr(start, comma - start)) : item);
      start = comma + 1;
    }
    return list;
  }
  return text;
}

Status RunSettings(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Project project, ProjectFromPositional(args, *store));
  nlohmann::json patch = nlohmann::json::object();
  if (auto patch_text = args.Get("set")) {
    QUORUM_ASSIGN_OR_RETURN(patch, ParseJsonArgument(*patch_text, "--set"));
    if (!patch.is_object())
      return MakeError(ErrorCode::kInvalid, "--set takes a JSON object such as '{\"overlap\": 3}'");
  }
  for (const auto& [flag, key] : kDistributionFlags)
    if (auto value = args.Get(flag)) {
      patch[key] = FlagValue(std::string(*value));
      // One id is a list of one.
      if (std::string_view(key) == "paused_annotators" && patch[key].is_number()) patch[key] = {patch[key]};
    }
  if (!patch.empty()) {
    // Applied to the settings as stored at that moment (a server may be changing them too).
    QUORUM_ASSIGN_OR_RETURN(project, store->ChangeProject(project.id, [&](Project& stored) -> Status {
      stored.settings.merge_patch(patch);  // RFC 7396 merge patch: null removes a key
      QUORUM_RETURN_IF_ERROR(ParseDistributionSettings(stored.settings));
      return OkStatus();
    }));
  }
  PrintJson(context.out(), project.settings);
  return OkStatus();
}

Status RunTemplates(CommandContext& context, const ParsedArgs& args) {
  if (args.Has("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const TemplateInfo& info : ListTemplates())
      list.push_back({{"name", info.name}, {"description", info.description}});
    PrintJson(context.out(), list);
    return OkStatus();
  }
  for (const TemplateInfo& info : ListTemplates())
    context.out() << std::left << std::setw(28) << info.name << info.description << "\n";
  return OkStatus();
}

}  // namespace

CommandSpec ProjectCreateCommand() {
  return {"project create",
          "create a project from a template, a schema file or a Label Studio config",
          "--name N (--template T | --schema FILE | --label-config FILE.xml) [--json]",
          "Templates: see 'quorum project templates'. The schema file format is in docs/schema.md;\n"
          "Label Studio configs and what they map to are in docs/labelstudio.md.",
          {{"name", "N", "the project's name"},
           {"template", "T", "a built-in template"},
           {"schema", "FILE", "a native JSON schema document"},
           {"label-config", "FILE", "a Label Studio XML label config"},
           {"workspace", "ID", "the workspace (default: the first one)"},
           {"json", "", "print the created project as JSON"}},
          RunCreate};
}

CommandSpec ProjectListCommand() {
  return {"project list", "list projects", "[--json]", "", {{"json", "", "print JSON"}}, RunList};
}

CommandSpec ProjectShowCommand() {
  return {"project show",
          "show a project and its schema",
          "ID [--json | --label-config]",
          "--label-config prints the project's Label Studio config: the one it was created from, or one\n"
          "written for its native schema (for Label Studio to show the same interface).",
          {{"json", "", "print JSON"}, {"label-config", "", "print the Label Studio XML config"}},
          RunShow};
}

CommandSpec ProjectSettingsCommand() {
  return {"project settings",
          "show or change a project's settings",
          "ID [--set JSON] [--overlap N] [--lease-minutes M] [--ordering O] [--seed N] [--gold-ratio R]\n"
          "    [--calibration K|ID,ID...] [--finish-started-first B] [--discards-count B] [--paused B]\n"
          "    [--paused-annotators ID,ID...]",
          "--set merges a JSON object into the settings (RFC 7396: null removes a key), e.g.\n"
          "  quorum project settings 1 --set '{\"overlap\": 3}'\n"
          "The distribution flags set one key each (docs/distribution.md), e.g.\n"
          "  quorum project settings 1 --overlap 3 --lease-minutes 30 --ordering random --gold-ratio 0.05\n"
          "Distribution settings are checked before anything is saved.",
          {{"set", "JSON", "a JSON object to merge into the settings"},
           {"overlap", "N", "responses per record, 1 to 10"},
           {"lease-minutes", "M", "how long a handed-out record is held (default 15)"},
           {"ordering", "O", "fifo, random, priority or uncertainty"},
           {"seed", "N", "seed of the random order"},
           {"gold-ratio", "R", "share of gold records in each stream, 0 to 1"},
           {"calibration", "K|IDS", "the first K records, or these record ids, go to everyone first"},
           {"finish-started-first", "B", "true: records with responses go before untouched ones"},
           {"discards-count", "B", "true: discarded responses count toward the overlap"},
           {"paused", "B", "true: no records are handed out"},
           {"paused-annotators", "IDS", "user ids who get no records ([] for none)"}},
          RunSettings};
}

CommandSpec ProjectTemplatesCommand() {
  return {"project templates", "list the built-in project templates", "[--json]", "", {{"json", "", "print JSON"}},
          RunTemplates};
}

}  // namespace quorum
