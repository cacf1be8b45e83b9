// `quorum export` in the training formats (dpo, kto, sft-*, ...): the policy options, read the
// same way as the API's query parameters, and the run.
#pragma once

#include <vector>

#include "cli/command.h"
#include "export/training_format.h"

namespace quorum {

// The options only training formats take (--min-agreement, --hf-dir, ...).
std::vector<OptionSpec> TrainingExportOptions();

// Exports to --out FILE, --hf-dir DIR or standard output; prints what was written and what was
// left out (counts per reason) on standard error. kInvalid for a malformed option or a format
// that does not fit the project; the export's errors otherwise.
Status RunTrainingExport(CommandContext& context, const ParsedArgs& args, int64_t project_id);

}  // namespace quorum
