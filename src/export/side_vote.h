// The one decision every paired or labelled export makes: two sides (response A or B; above or
// below a threshold; option i or j of a ranking), plus votes for neither (a "tie" answer), and
// a winner with its share of the votes. Votes may carry weights (weighted vote) or be posterior
// probabilities (Dawid-Skene); the rule is the same.
#pragma once

#include <cstdint>

namespace quorum {

enum class Side { kNone, kFirst, kSecond };

struct SideVote {
  double first = 0;    // weight of the votes for the first side
  double second = 0;   // for the second
  double neither = 0;  // for neither ("tie" answers)
  // Signed strength: + for first, - for second (five-point preferences count 1 or 2 per vote),
  // times the vote's weight. Its mean over the votes is the reward margin.
  double strength = 0;
  int32_t voters = 0;

  double total() const { return first + second + neither; }
};

struct SideOutcome {
  Side winner = Side::kNone;
  bool tied = false;    // the top was shared (whatever keep_ties then did)
  double agreement = 0; // the winner's share of all votes (the top share when there is no winner)
  double margin = 0;    // the mean signed strength toward the winner; 0 without a winner
};

// The side with strictly the most votes wins. A level top between the two sides, or between a
// side and neither, is a tie: with `keep_ties` it is settled (between the two sides by a coin
// seeded with `tie_key`, between a side and neither for that side), otherwise there is no
// winner. Neither alone on top: no winner. Pure; thread-safe.
SideOutcome DecideSides(const SideVote& vote, bool keep_ties, uint64_t tie_key);

// A well-mixed 64-bit hash of `value` (splitmix64's finalizer): seeds, tie coins, splits.
uint64_t MixBits(uint64_t value);

}  // namespace quorum
