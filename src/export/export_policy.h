// What a training export keeps and how it decides: the aggregation method, the filters, the
// train/test split and the extra columns. The CLI (--min-agreement) and the API
// (?min_agreement=) read the same options through ExportPolicyFrom.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "export/training_format.h"
#include "quality/aggregation.h"

namespace quorum {

enum class RankingPairs {
  kAll,         // every pair of options, better first
  kBestVsEach,  // the best option against each of the others
};

struct ExportPolicy {
  TrainingFormat format = TrainingFormat::kDpo;
  std::string question;          // empty: the first question the format reads
  std::string prompt_field;      // empty: "prompt", else the first field no question compares
  std::string completion_field;  // kto: empty means "response", else the first other field
  // majority, weighted (gold-accuracy weights) or dawid-skene. Rankings and text: majority only.
  AggregationMethod method = AggregationMethod::kMajority;
  double min_agreement = 0.6;  // the winner's share of the votes (0..1)
  int min_annotators = 1;      // submitted answers to the question
  bool keep_ties = false;      // a level vote between two sides: settled by a seeded coin and kept
  bool include_gold = false;   // records with gold answers (usually an evaluation set)
  bool include_calibration = true;  // records whose metadata has "calibration": true
  double test_ratio = 0;       // share of prompts in the test split (0..1)
  uint64_t seed = 0;           // of the split and of the tie coin
  bool provenance = false;     // record_id, external_id, agreement, n_annotators, annotator_ids, guideline_version
  // Answers a reviewer rejected never count. With only_accepted, only the answers a reviewer
  // accepted do (unreviewed ones are left out too).
  bool only_accepted = false;
  RankingPairs ranking_pairs = RankingPairs::kAll;
  // kto: a rating at or above this is desirable; default: the lowest allowed value above the
  // middle of the scale (4 on 1..5).
  std::optional<double> kto_threshold;
  // kto on a label question: the desirable labels; default: the question's first label.
  std::vector<std::string> kto_desirable;
};

// Reads the policy from named options. `get(name)` returns an option's value or nullopt; names
// are spelled with underscores ("min_agreement"); a flag that is present reads as "true".
// Options: format (required), question, prompt_field, completion_field, method, min_agreement,
// min_annotators, ties (drop|keep), gold (exclude|include), calibration (include|exclude),
// test_ratio, seed, provenance (true|false), ranking_pairs (all|best-vs-each), kto_threshold,
// kto_desirable (comma separated), only_accepted (true|false).
// kInvalid naming the option and the accepted values for anything malformed.
Result<ExportPolicy> ExportPolicyFrom(const std::function<std::optional<std::string>(std::string_view)>& get);

// The policy as JSON, for the summary and the dataset card.
nlohmann::json PolicyJson(const ExportPolicy& policy);

}  // namespace quorum
