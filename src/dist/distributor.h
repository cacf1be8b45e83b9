// The distribution engine: hands each annotator their next record under the project's
// settings (overlap, leases, ordering, calibration, gold, eligibility, pauses), saves responses
// against the records' places, and reports progress and queue statistics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/project.h"
#include "core/record.h"
#include "core/response.h"
#include "core/user.h"
#include "dist/distribution_settings.h"
#include "quality/quality_settings.h"
#include "store/store.h"

namespace quorum {

// A record held for an annotator until `expires_at_ms`.
struct Assignment {
  Record record;
  int64_t expires_at_ms = 0;
};

// Why Next handed out nothing.
enum class NoRecordReason { kNothingLeft, kProjectPaused, kAnnotatorPaused, kSuspended };

// An annotator the gold rule suspends (quality settings gold_suspend_below and
// gold_suspend_after), with the evidence: their gold tally since their last reinstatement.
struct Suspension {
  GoldTally gold;
  double threshold = 0;      // gold_suspend_below
  int64_t after = 0;         // gold_suspend_after
  std::string reason;        // e.g. "gold accuracy 20% (1 of 5) is below 60%"
};

struct NextOutcome {
  std::optional<Assignment> assignment;  // set, or `reason` says why not
  NoRecordReason reason = NoRecordReason::kNothingLeft;
  std::optional<Suspension> suspension;  // set when reason is kSuspended
  int64_t selection_ns = 0;  // for measurement: Reservation::selection_ns of the hand-out
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
  int64_t live_reservations = 0;
  std::vector<Reservation> reservations;  // the soonest to expire first
  std::vector<AnnotatorQueueCounts> annotators;
  std::vector<std::optional<Suspension>> suspensions;  // per annotators[i]: set when suspended
};

// Thread-safe (it holds no state of its own); `store` and `clock` must outlive it. Every method
// returns kInvalid when the project's settings are invalid, and the store's errors.
class Distributor {
 public:
  Distributor(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The user's next record: their live reservation in the project if any, else a new one.
  // Nothing (with the reason) while the project or the user is paused, or while the gold rule
  // suspends the user; a suspended user's live reservation is not returned either (it runs out).
  Result<NextOutcome> Next(const Project& project, const User& user);

  // Whether the gold rule suspends `user_id` now (nullopt: not suspended, or the rule is off).
  Result<std::optional<Suspension>> SuspensionOf(const Project& project, int64_t user_id);

  // Lifts a suspension: the user's gold tally starts afresh, so only gold answered from now on
  // counts toward the rule (they are suspended again once they have answered
  // gold_suspend_after more gold records below the threshold). kNotFound for an unknown user.
  Status Reinstate(const Project& project, int64_t user_id);

  // Saves `response` (to `record`, of `project`) as the store's SaveResponseWithin does, with
  // the project's overlap, except for gold and calibration records which have no limit; a draft
  // renews the author's lease. kConflict when a late submission finds the record full. A
  // submitted answer to a gold record is graded (GradeAgainstGold) into the author's gold tally
  // in the same write. With `handed_out_only`, the record must have been handed to the
  // response's author (ResponseLimits::handed_out_only): kNotFound otherwise.
  Result<Response> Save(const Project& project, const Record& record, const Response& response, int64_t actor_user_id,
                        bool handed_out_only);

  // Progress for `user_id` (0: the project's only).
  Result<ProgressFigures> Progress(const Project& project, int64_t user_id);

  // Queue statistics with at most `reservation_limit` live reservations listed.
  Result<QueueStats> Queue(const Project& project, int reservation_limit);

 private:
  // The suspension `tally` earns under `quality`, or nullopt.
  static std::optional<Suspension> Judge(const GoldTally& tally, const QualitySettings& quality);
  // Whether `record` is one of the project's calibration records.
  Result<bool> IsCalibration(const DistributionSettings& settings, const Record& record);

  Store& store_;
  const Clock& clock_;
};

}  // namespace quorum
