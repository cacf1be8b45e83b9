// Training-ready exports (DPO, reward, KTO, SFT, ranking pairs), streamed: one scan of the
// project (Store::ScanProject), each record aggregated as it is visited and written at once.
// Memory does not grow with the project for the majority vote; the weighted vote and
// Dawid-Skene first fit their model over the question's coded answers (vote_model.h).
#pragma once

#include <vector>

#include "core/project.h"
#include "core/result.h"
#include "export/dataset_features.h"
#include "export/export_policy.h"
#include "export/export_summary.h"
#include "io/byte_sink.h"
#include "store/store.h"

namespace quorum {

// Writes the project's rows as JSON Lines: every row to `train` when `test` is null (each with a
// "split" column when policy.test_ratio > 0), else test-split rows to `test` and the others to
// `train`. Rows come in record id order. Returns what was written and left out (with the reason
// per record; per option pair for ranking-pairs' tie and low_agreement). kInvalid from
// PlanExport or the vote model; the store's and the sinks' errors otherwise (what was written
// before stays written). `project` must be the stored project.
Result<ExportSummary> ExportTraining(Store& store, const Project& project, const ExportPolicy& policy, ByteSink& train,
                                     ByteSink* test = nullptr);

// The columns ExportTraining writes for this project and policy (for a dataset card), with the
// split column when `split_column`. The errors of PlanExport.
Result<std::vector<DatasetFeature>> ExportFeatures(const Project& project, const ExportPolicy& policy, bool split_column);

}  // namespace quorum
