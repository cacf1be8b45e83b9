#include "quality/preference_vote.h"

#include <algorithm>

namespace quorum {

Result<std::vector<PreferenceVoteMeaning>> PreferenceMeanings(const QuestionSpec& question) {
  if (question.kind != QuestionKind::kPreference || question.options.size() != 2)
    return MakeError(ErrorCode::kInvalid, "question '" + question.name +
                                              "' is not a preference between two options, so it has no A and B sides");
  switch (question.scale) {
    case PreferenceScale::kBinary: return std::vector<PreferenceVoteMeaning>{{-1, 0}, {1, 0}};
    case PreferenceScale::kThreeWay: return std::vector<PreferenceVoteMeaning>{{-1, 0}, {0, 0}, {1, 0}};
    case PreferenceScale::kFivePoint:
      return std::vector<PreferenceVoteMeaning>{{-1, 2}, {-1, 1}, {0, 0}, {1, 1}, {1, 2}};
  }
  return MakeError(ErrorCode::kInvalid, "unknown preference scale");
}

Result<std::vector<PreferenceVote>> PreferenceVoteShare(const CodedAnswers& answers,
                                                        const std::vector<PreferenceVoteMeaning>& meanings,
                                                        const PreferenceOptions& options) {
  if (!(options.winner_share > 0.5 && options.winner_share <= 1))
    return MakeError(ErrorCode::kInvalid, "the winner share must be above 0.5 and at most 1 (got " +
                                              std::to_string(options.winner_share) + ")");
  if (meanings.size() < static_cast<size_t>(answers.code_count()))
    return MakeError(ErrorCode::kInvalid, "the preference scale does not cover every answer code");
  const bool graded = std::any_of(meanings.begin(), meanings.end(), [](const auto& m) { return m.strength > 0; });
  std::vector<PreferenceVote> result;
  result.reserve(static_cast<size_t>(answers.item_count()));
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.empty()) continue;
    int votes_a = 0, votes_b = 0, ties = 0, strength_a = 0, strength_b = 0;
    double score = 0;
    for (const CodedAnswer& answer : given) {
      const PreferenceVoteMeaning& meaning = meanings[static_cast<size_t>(answer.code)];
      if (meaning.side < 0) {
        ++votes_a;
        strength_a += meaning.strength;
      } else if (meaning.side > 0) {
        ++votes_b;
        strength_b += meaning.strength;
      } else {
        ++ties;
      }
      score += meaning.side * (graded ? meaning.strength : 1);
    }
    PreferenceVote vote;
    vote.item = item;
    vote.votes = static_cast<int32_t>(given.size());
    const double total = vote.votes;
    vote.share_a = votes_a / total;
    vote.share_b = votes_b / total;
    vote.share_tie = ties / total;
    vote.mean_score = score / total;
    // Compared with a small slack so that 3 of 5 is a winner at 0.6.
    constexpr double kSlack = 1e-12;
    if (vote.share_a + kSlack >= options.winner_share) vote.winner = -1;
    else if (vote.share_b + kSlack >= options.winner_share) vote.winner = 1;
    if (vote.winner != 0) {
      vote.confidence = vote.winner < 0 ? vote.share_a : vote.share_b;
      if (graded) {
        const double mean_strength = vote.winner < 0 ? double(strength_a) / votes_a : double(strength_b) / votes_b;
        vote.strength = mean_strength >= 1.5 ? "much" : "slightly";
      }
    } else {
      vote.confidence = 1 - std::max(vote.share_a, vote.share_b);
    }
    result.push_back(vote);
  }
  return result;
}

}  // namespace quorum
