#include "cli/export_training.h"

#include "cli/cli_util.h"
#include "export/hf_dataset.h"
#include "export/training_export.h"
#include "io/byte_sink.h"

namespace quorum {
namespace {

// The policy's option names are the API's (min_agreement); the CLI spells them --min-agreement.
std::string OptionName(std::string_view policy_name) {
  std::string option(policy_name);
  for (char& c : option)
    if (c == '_') c = '-';
  return option;
}

// "min_agreement: expected ..." -> "--min-agreement: expected ...".
Error CliSpelling(Error error) {
  const size_t colon = error.message.find(':');
  if (colon != std::string::npos && error.message.find(' ') > colon)
    error.message = "--" + OptionName(error.message.substr(0, colon)) + error.message.substr(colon);
  return error;
}

}  // namespace

std::vector<OptionSpec> TrainingExportOptions() {
  return {{"hf-dir", "DIR", "training formats: write a Hugging Face dataset folder (data/train.jsonl, data/test.jsonl, README.md)"},
          {"question", "Q", "the question to export (default: the first one the format reads)"},
          {"prompt-field", "F", "the field holding the prompt (default: prompt, else the first field not compared)"},
          {"completion-field", "F", "kto: the field holding the judged response (default: response)"},
          {"method", "M", "majority (default), weighted (gold-accuracy weights) or dawid-skene"},
          {"min-agreement", "R", "leave out records whose winner has a smaller share of the votes (default 0.6)"},
          {"min-annotators", "N", "leave out records with fewer answers (default 1)"},
          {"ties", "P", "drop (default) or keep: a level vote is settled by a seeded coin"},
          {"gold", "P", "exclude (default) or include records with gold answers"},
          {"calibration", "P", "include (default) or exclude records whose metadata has \"calibration\": true"},
          {"test-ratio", "R", "share of prompts in the test split (default 0; 0.1 with --hf-dir)"},
          {"seed", "N", "seed of the split and of the tie coin (default 0)"},
          {"provenance", "", "add record_id, external_id, agreement, n_annotators, annotator_ids, guideline_version"},
          {"ranking-pairs", "P", "ranking-pairs: all (default) or best-vs-each"},
          {"kto-threshold", "X", "kto on a rating: desirable at or above X (default: the first value above the middle)"},
          {"kto-desirable", "L,..", "kto on a label question: the desirable labels (default: the first label)"},
          {"only-accepted", "", "count only the answers a reviewer accepted (rejected answers never count)"}};
}

Status RunTrainingExport(CommandContext& context, const ParsedArgs& args, int64_t project_id) {
  const bool hf_dir = args.Has("hf-dir");
  if (hf_dir && args.Has("out")) return MakeError(ErrorCode::kInvalid, "give --out FILE or --hf-dir DIR, not both");
  auto get = [&](std::string_view name) -> std::optional<std::string> {
    const std::string option = OptionName(name);
    if (!args.Has(option)) return std::nullopt;
    if (option == "provenance" || option == "only-accepted") return "true";  // flags
    return args.Get(option);
  };
  Result<ExportPolicy> parsed = ExportPolicyFrom(get);
  if (!parsed.ok()) return CliSpelling(parsed.error());
  ExportPolicy policy = std::move(*parsed);
  if (hf_dir && !args.Has("test-ratio")) policy.test_ratio = 0.1;
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Project project, LoadProject(*store, project_id));
  ExportSummary summary;
  std::string destination = "standard output";
  if (hf_dir) {
    destination = *args.Get("hf-dir");
    QUORUM_ASSIGN_OR_RETURN(summary, ExportHfDataset(*store, project, policy, destination));
  } else {
    std::unique_ptr<ByteSink> sink;
    if (auto out = args.Get("out")) {
      QUORUM_ASSIGN_OR_RETURN(sink, OpenFileSink(*out));
      destination = *out;
    } else {
      sink = StdoutSink();
    }
    QUORUM_ASSIGN_OR_RETURN(summary, ExportTraining(*store, project, policy, *sink));
  }
  context.err() << SummaryText(summary) << "Project " << project.id << " written to " << destination << "\n";
  return OkStatus();
}

}  // namespace quorum
