#include <chrono>
#include <iomanip>
#include <ostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/export_training.h"
#include "export/csv_export.h"
#include "io/byte_sink.h"
#include "io/export_jsonl.h"
#include "io/export_labelstudio.h"
#include "io/importer.h"

namespace quorum {
namespace {

Result<ImportOptions> ImportOptionsFrom(const ParsedArgs& args, const std::string& path) {
  ImportOptions options;
  if (auto format = args.Get("format")) {
    std::optional<ImportFormat> parsed = ParseImportFormat(*format);
    if (!parsed)
      return MakeError(ErrorCode::kInvalid, "--format must be jsonl, json, csv or labelstudio, got '" + *format + "'");
    options.format = *parsed;
  } else {
    QUORUM_ASSIGN_OR_RETURN(options.format, DetectImportFormat(path));
  }
  const std::string on_duplicate = args.Get("on-duplicate").value_or("refuse");
  if (on_duplicate == "update")
    options.on_duplicate = OnDuplicate::kUpdate;
  else if (on_duplicate != "refuse")
    return MakeError(ErrorCode::kInvalid, "--on-duplicate must be refuse or update, got '" + on_duplicate + "'");
  options.create_users = args.Has("create-users");
  return options;
}

Status RunImport(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(std::string project_text, RequireOption(args, "project", "ID"));
  QUORUM_ASSIGN_OR_RETURN(int64_t project_id, ParseId(project_text, "--project"));
  if (args.positionals().size() != 1) return MakeError(ErrorCode::kInvalid, "give one FILE to import");
  const std::string& path = args.positionals()[0];
  QUORUM_ASSIGN_OR_RETURN(ImportOptions options, ImportOptionsFrom(args, path));
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Project project, LoadProject(*store, project_id));
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, OpenFileSource(path));
  const auto start = std::chrono::steady_clock::now();
  QUORUM_ASSIGN_OR_RETURN(ImportReport report,
                          ImportRecords(*store, project, std::move(source), options, context.clock()));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (args.Has("json")) {
    PrintJson(context.out(), {{"project", project.id},
                              {"records", report.records},
                              {"suggestions", report.suggestions},
                              {"responses", report.responses},
                              {"users_created", report.users_created},
                              {"seconds", seconds}});
    return OkStatus();
  }
  context.out() << "Imported " << report.records << " records, " << report.suggestions << " suggestions and "
                << report.responses << " responses into project " << project.id << " in " << std::fixed
                << std::setprecision(2) << seconds << " s";
  if (report.users_created > 0) context.out() << " (" << report.users_created << " users created)";
  context.out() << "\n";
  return OkStatus();
}

Status RunExport(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(std::string project_text, RequireOption(args, "project", "ID"));
  QUORUM_ASSIGN_OR_RETURN(int64_t project_id, ParseId(project_text, "--project"));
  const std::string format = args.Get("format").value_or("jsonl");
  if (ParseTrainingFormat(format)) return RunTrainingExport(context, args, project_id);
  for (const OptionSpec& option : TrainingExportOptions())
    if (args.Has(option.name))
      return MakeError(ErrorCode::kInvalid, "--" + std::string(option.name) + " applies to the training formats (" +
                                                TrainingFormatList() + "), not to " + format);
  // Only the "labelstudio-" spellings: JSON and CSV alone would read as native formats.
  const bool label_studio = format.starts_with("labelstudio-") && ParseLabelStudioExportFormat(format).has_value();
  const LabelStudioExportFormat label_studio_format =
      label_studio ? ParseLabelStudioExportFormat(format).value_or(LabelStudioExportFormat::kJson)
                   : LabelStudioExportFormat::kJson;
  if (format != "jsonl" && format != "csv" && !label_studio)
    return MakeError(ErrorCode::kInvalid, "--format must be jsonl, labelstudio-json, labelstudio-min or labelstudio-csv, the native csv, "
                                          "or a training format (" + std::string(TrainingFormatList()) + "), got '" +
                                              format + "'");
  if (args.Has("all-tasks") && (!label_studio || label_studio_format != LabelStudioExportFormat::kJson))
    return MakeError(ErrorCode::kInvalid, "--all-tasks applies to --format labelstudio-json only");
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Project project, LoadProject(*store, project_id));
  std::unique_ptr<ByteSink> sink;
  std::string destination = "standard output";
  if (auto out = args.Get("out")) {
    QUORUM_ASSIGN_OR_RETURN(sink, OpenFileSink(*out));
    destination = *out;
  } else {
    sink = StdoutSink();
  }
  if (label_studio) {
    LabelStudioExportOptions options{label_studio_format, args.Has("all-tasks")};
    QUORUM_ASSIGN_OR_RETURN(ExportReport report, ExportLabelStudio(*store, project, options, *sink));
    const char* unit = label_studio_format == LabelStudioExportFormat::kJson ? " tasks (" : " rows (";
    context.err() << "Exported " << report.records << unit << report.responses << " annotations) of project "
                  << project.id << " to " << destination << "\n";
    return OkStatus();
  }
  if (format == "csv") {
    QUORUM_ASSIGN_OR_RETURN(CsvExportReport report, ExportCsv(*store, project, *sink));
    context.err() << "Exported " << report.records << " records of project " << project.id << " as CSV to "
                  << destination << "\n";
    return OkStatus();
  }
  QUORUM_ASSIGN_OR_RETURN(ExportReport report, ExportJsonl(*store, project.id, *sink));
  context.err() << "Exported " << report.records << " records (" << report.responses << " responses) of project "
                << project.id << " to " << destination << "\n";
  return OkStatus();
}

}  // namespace

CommandSpec ImportCommand() {
  return {"import",
          "import records (with suggestions and responses) into a project, all or nothing",
          "--project ID FILE [--format jsonl|json|csv|labelstudio] [--on-duplicate refuse|update] [--create-users]",
          "Rows are native ({\"fields\": {...}, \"metadata\", \"suggestions\", \"responses\", \"gold\", \"id\"})\n"
          "or flat (keys named after fields, questions (as suggestions) or metadata). When any row is\n"
          "invalid nothing is written and every problem is listed as FILE:LINE: subject: reason.\n"
          "--format labelstudio reads Label Studio task JSON (data, predictions, annotations, drafts) through\n"
          "the project's label config; annotator ids N become users labelstudio-user-N@import.local\n"
          "(created with --create-users). See docs/labelstudio.md.",
          {{"project", "ID", "the project to import into"},
           {"format", "F", "jsonl, json, csv or labelstudio (default: from the file extension)"},
           {"on-duplicate", "P", "refuse (default) or update records whose id already exists"},
           {"create-users", "", "create annotator accounts for unknown response emails"},
           {"json", "", "print the report as JSON"}},
          RunImport};
}

CommandSpec ExportCommand() {
  std::vector<OptionSpec> options = {
      {"project", "ID", "the project to export"},
      {"format", "F", "jsonl (the native format), csv (a row per record: fields, majority answers, agreement), "
                      "labelstudio-json, labelstudio-min, labelstudio-csv, or a training "
                      "format: dpo, dpo-chat, reward, kto, sft-messages, sft-alpaca, sft-prompt-completion, ranking-pairs"},
      {"all-tasks", "", "labelstudio-json: also the tasks nobody has answered"},
      {"out", "FILE", "write to FILE instead of standard output"}};
  for (const OptionSpec& option : TrainingExportOptions()) options.push_back(option);
  return {"export",
          "export a project's records, or training-ready datasets (DPO, reward, KTO, SFT)",
          "--project ID --format F [--out FILE | --hf-dir DIR] [--all-tasks] [policy options]",
          "jsonl is the native format: 'quorum import' reads it back unchanged. csv is one row per record\n"
          "with its fields and, per question, the majority answer, its share and the number of answers.\n"
          "The labelstudio-* formats\n"
          "are Label Studio's JSON, JSON_MIN and CSV exports; labelstudio-json holds the annotated tasks\n"
          "(all of them with --all-tasks) and reads back with 'quorum import --format labelstudio'.\n"
          "The training formats aggregate each record's answers (--method), keep what passes the policy\n"
          "(--min-agreement, --min-annotators, --ties, --gold, --calibration), and print on standard error\n"
          "how many rows were written and how many records were left out, per reason. See docs/exports.md.",
          options,
          RunExport};
}

}  // namespace quorum
