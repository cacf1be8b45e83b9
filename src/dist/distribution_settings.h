// A project's distribution settings: who gets which record, read from Project::settings.
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "store/store.h"

namespace quorum {

struct DistributionSettings {
  int overlap = 1;          // "overlap": submitted responses wanted per record, 1..10
  int lease_minutes = 15;   // "lease_minutes": how long a handed-out record is held, 1..1440
  QueueOrder ordering = QueueOrder::kFifo;  // "ordering": fifo | random | priority | uncertainty
  int64_t seed = 0;                          // "seed": varies the random order
  bool finish_started_first = false;         // "finish_started_first"
  // "calibration": a number K (the project's first K records by id) or a list of record ids;
  // these go to every annotator before anything else and are not held to the overlap.
  int calibration_first = 0;
  std::vector<int64_t> calibration_records;
  double gold_ratio = 0;                        // "gold_ratio": share of gold records, 0..1
  bool discards_count_toward_overlap = false;  // "discards_count_toward_overlap"
  bool paused = false;                          // "paused": nobody gets new records
  std::vector<int64_t> paused_annotators;       // "paused_annotators": user ids who get none
};

// Reads the distribution keys of `settings` (other keys are left to their owners); a missing
// key keeps its default. kInvalid naming every bad key (location "settings", subject the key).
Result<DistributionSettings> ParseDistributionSettings(const nlohmann::json& settings);

// `settings` with "paused" set to `paused` (other keys untouched).
nlohmann::json WithProjectPaused(nlohmann::json settings, bool paused);
// `settings` with `user_id` added to (or removed from) "paused_annotators", which stays sorted
// and without repeats; the key goes when the list empties. Other keys untouched.
nlohmann::json WithAnnotatorPaused(nlohmann::json settings, int64_t user_id, bool paused);

}  // namespace quorum
