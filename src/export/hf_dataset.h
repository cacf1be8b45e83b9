// A Hugging Face dataset folder: data/train.jsonl, data/test.jsonl and a README.md dataset card
// whose YAML header declares the files (configs / data_files) and the columns
// (dataset_info.features), so that datasets.load_dataset(DIR) loads it as it is.
#pragma once

#include <string>
#include <vector>

#include "core/project.h"
#include "core/result.h"
#include "export/dataset_features.h"
#include "export/export_policy.h"
#include "export/export_summary.h"
#include "store/store.h"

namespace quorum {

// Creates `dir` (and dir/data) when missing and writes the three files, replacing them. The
// test file is always written; the card declares the test split only when it has rows (an
// empty split cannot be loaded). The errors of ExportTraining; kIo naming the path when a
// directory or file cannot be made.
Result<ExportSummary> ExportHfDataset(Store& store, const Project& project, const ExportPolicy& policy,
                                      const std::string& dir);

// The README.md text: a YAML header (configs, dataset_info with features and split sizes,
// tags), then the source project, the policy, the counts with what was left out and why, the
// agreement figures, and the columns. Pure.
std::string DatasetCard(const Project& project, const ExportPolicy& policy, const std::vector<DatasetFeature>& features,
                        const ExportSummary& summary);

}  // namespace quorum
