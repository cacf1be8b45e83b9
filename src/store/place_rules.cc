#include "store/place_rules.h"

#include <algorithm>
#include <string>

namespace quorum {

bool TakesPlace(ResponseStatus status, bool discards_count) {
  return status == ResponseStatus::kSubmitted || (discards_count && status == ResponseStatus::kDiscarded);
}

bool ChecksPlaces(const Response& response, const ResponseLimits& limits) {
  return limits.overlap > 0 && TakesPlace(response.status, limits.discards_count);
}

Status CheckPlaces(const RecordPlaces& places, const Response& response, const ResponseLimits& limits) {
  const int64_t taken = places.taken + (limits.discards_count ? places.discarded : 0);
  // The saver's own hold and response are places they may spend again, not others' places.
  int64_t own_places = places.own_hold ? 1 : 0;
  if (places.own_status && TakesPlace(*places.own_status, limits.discards_count)) ++own_places;
  if (taken - own_places < limits.overlap) return OkStatus();
  return MakeError(ErrorCode::kConflict,
                   "record " + std::to_string(response.record_id) + " already has all the responses it needs (" +
                       std::to_string(limits.overlap) +
                       " places, taken by others' responses and reservations); your reservation of it had ended");
}

Error NotHandedOut(const Response& response) {
  return MakeError(ErrorCode::kNotFound, "record " + std::to_string(response.record_id) + " was not handed to user " +
                                             std::to_string(response.user_id));
}

GoldTally ClampedGoldTally(int64_t answered, int64_t correct) {
  GoldTally tally;
  tally.answered = std::max<int64_t>(answered, 0);
  tally.correct = std::clamp<int64_t>(correct, 0, tally.answered);
  return tally;
}

}  // namespace quorum
