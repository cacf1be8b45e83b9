// The rules of a record's places and of gold tallies that both stores apply: whether a saved
// response may be saved and take a place (SaveResponseWithin) and how a tally is reported
// (GoldTallyOf, ListAnnotatorCounts). Pure functions; the stores read the figures, these decide.
#pragma once

#include <cstdint>
#include <optional>

#include "core/response.h"
#include "core/result.h"
#include "store/store.h"

namespace quorum {

// True when a response of `status` takes one of its record's places.
bool TakesPlace(ResponseStatus status, bool discards_count);

// True when saving `response` under `limits` must check its record's places: it takes a place
// on a record whose places are limited.
bool ChecksPlaces(const Response& response, const ResponseLimits& limits);

// A record's places as a store reads them, under whatever makes the check and the write one
// step (SQLite's single writer, PostgreSQL's lock of the record's queue entry).
struct RecordPlaces {
  int64_t taken = 0;       // submitted responses and live (unexpired) reservations
  int64_t discarded = 0;   // discarded responses
  bool own_hold = false;   // the saver holds one of the live reservations counted in `taken`
  std::optional<ResponseStatus> own_status;  // the saver's stored response, if any
};

// OK when `response` may take a place on the record `places` describes (call it only when
// ChecksPlaces); kConflict naming the record when others' responses and reservations fill
// its `limits.overlap` places already.
Status CheckPlaces(const RecordPlaces& places, const Response& response, const ResponseLimits& limits);

// The kNotFound of a save under handed_out_only by a user the record was never handed to.
Error NotHandedOut(const Response& response);

// A tally as GoldTallyOf promises it: never below zero, never more correct than answered.
GoldTally ClampedGoldTally(int64_t answered, int64_t correct);

}  // namespace quorum
