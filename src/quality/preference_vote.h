// Pairwise preference votes per item: the share of votes for each side, how strongly the
// winner was preferred, and whether the share is enough to call a winner.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/schema.h"
#include "quality/coded_answers.h"

namespace quorum {

// What one code of a two-option preference question says: which side, and how strongly.
struct PreferenceVoteMeaning {
  int side = 0;      // -1 A, 0 tie, +1 B
  int strength = 0;  // five_point: 1 slightly, 2 much; 0 on scales without strength
};

// The meaning of each code of ScaleFor(question). kInvalid unless the question is a preference
// over exactly two options.
Result<std::vector<PreferenceVoteMeaning>> PreferenceMeanings(const QuestionSpec& question);

struct PreferenceOptions {
  double winner_share = 0.6;  // a side wins with at least this share of all votes (ties count)
};

struct PreferenceVote {
  int64_t item = 0;
  int32_t votes = 0;
  double share_a = 0, share_b = 0, share_tie = 0;  // of all votes
  int winner = 0;           // -1 A, +1 B, 0 no winner (tie, or no side reached the share)
  std::string strength;     // the winner's votes on five_point: "much" (mean >= 1.5), else "slightly"; "" otherwise
  double mean_score = 0;    // mean vote with A = -1 .. B = +1 (five_point: -2 .. 2)
  // The winner's share; with no winner, 1 - the larger side's share (how far from any win).
  double confidence = 0;
};

// One entry per item with at least one vote, in item order. kInvalid when winner_share is not
// in (0.5, 1] (two winners would be possible) or `meanings` does not cover the codes.
Result<std::vector<PreferenceVote>> PreferenceVoteShare(const CodedAnswers& answers,
                                                        const std::vector<PreferenceVoteMeaning>& meanings,
                                                        const PreferenceOptions& options);

}  // namespace quorum
