// The distribution engine: hands each annotator their next record under the project's
// settings (overlap, leases, ordering, calibration, gold, eligibility, pauses), saves responses
// against the records' places, and reports progress and queue statistics.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/project.h"
#include "core/record.h"
#include "core/response.h"
#include "core/user.h"
#include "dist/distribution_settings.h"
#include "store/store.h"

namespace quorum {

// A record held for an annotator until `expires_at_ms`.
struct Assignment {
  Record record;
  int64_t expires_at_ms = 0;
};

// Why Next handed out nothing.
enum class NoRecordReason { kNothingLeft, kProjectPaused, kAnnotatorPaused };

struct NextOutcome {
  std::optional<Assignment> assignment;  // set, or `reason` says why not
  NoRecordReason reason = NoRecordReason::kNothingLeft;
};

// Progress bars. Project figures count non-gold records; `mine_done` counts the annotator's
// submitted and discarded responses; `mine_total` is mine_done plus the project's records still
// needing responses (an upper bound: with overlap > 1 some of those are already theirs), at
// most the project's records.
struct ProgressFigures {
  int64_t mine_done = 0;
  int64_t mine_total = 0;
  int64_t project_done = 0;
  int64_t project_total = 0;
  bool complete = false;  // every non-gold record has `overlap` submitted responses (and there are some)
};

// For managers: records by state, live reservations, per-annotator counts.
struct QueueStats {
  DistributionSettings settings;
  DistributionProgress counts;
  std::vector<Reservation> reservations;  // the soonest to expire first
  std::vector<AnnotatorQueueCounts> annotators;
};

// Thread-safe (it holds no state of its own); `store` and `clock` must outlive it. Every method
// returns kInvalid when the project's settings are invalid, and the store's errors.
class Distributor {
 public:
  Distributor(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The user's next record: their live reservation in the project if any, else a new one.
  Result<NextOutcome> Next(const Project& project, const User& user);

  // Saves `response` (to `record`, of `project`) as the store's SaveResponseWithin does, with
  // the project's overlap, except for gold and calibration records which have no limit; a draft
  // renews the author's lease. kConflict when a late submission finds the record full.
  Result<Response> Save(const Project& project, const Record& record, const Response& response, int64_t actor_user_id);

  // Progress for `user_id` (0: the project's only).
  Result<ProgressFigures> Progress(const Project& project, int64_t user_id);

  // Queue statistics with at most `reservation_limit` live reservations listed.
  Result<QueueStats> Queue(const Project& project, int reservation_limit);

 private:
  // Whether `record` is one of the project's calibration records.
  Result<bool> IsCalibration(const DistributionSettings& settings, const Record& record);

  Store& store_;
  const Clock& clock_;
};

}  // namespace quorum
