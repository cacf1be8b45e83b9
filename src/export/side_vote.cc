#include "export/side_vote.h"

namespace quorum {

uint64_t MixBits(uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

SideOutcome DecideSides(const SideVote& vote, bool keep_ties, uint64_t tie_key) {
  SideOutcome outcome;
  const double total = vote.total();
  if (total <= 0) return outcome;
  const double top = vote.first > vote.second ? vote.first : vote.second;
  const double best = top > vote.neither ? top : vote.neither;
  outcome.agreement = best / total;
  if (vote.neither > top) return outcome;  // "tie" is the answer: nothing to choose
  if (vote.first > vote.second && vote.first > vote.neither) {
    outcome.winner = Side::kFirst;
  } else if (vote.second > vote.first && vote.second > vote.neither) {
    outcome.winner = Side::kSecond;
  } else {
    outcome.tied = true;
    if (!keep_ties) return outcome;
    if (vote.first == vote.second)
      outcome.winner = (MixBits(tie_key) & 1) == 0 ? Side::kFirst : Side::kSecond;
    else
      outcome.winner = vote.first > vote.second ? Side::kFirst : Side::kSecond;
  }
  const double signed_mean = vote.strength / total;
  outcome.margin = outcome.winner == Side::kFirst ? signed_mean : -signed_mean;
  return outcome;
}

}  // namespace quorum
