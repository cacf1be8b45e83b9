#include "quality/annotator_scores.h"

#include "quality/consensus_agreement.h"

namespace quorum {

std::vector<AnnotatorScore> ScoreAnnotators(std::span<const QuestionAnswers> questions,
                                            std::span<std::vector<int64_t>> times_ms, int32_t annotator_count,
                                            const QualitySettings& settings) {
  const size_t count = static_cast<size_t>(annotator_count);
  std::vector<GoldAccuracy> gold(count);
  std::vector<OverrideRate> overrides(count);
  std::vector<AnnotatorScore> scores(count);
  for (size_t annotator = 0; annotator < count; ++annotator) {
    scores[annotator].annotator = gold[annotator].annotator = overrides[annotator].annotator =
        static_cast<int32_t>(annotator);
  }
  for (const QuestionAnswers& question : questions) {
    AddGoldAccuracy(gold, GoldAccuracyOf(question.answers, question.gold));
    AddOverrideRates(overrides, OverrideRatesOf(question.answers, question.suggestions));
    if (question.question.kind == QuestionKind::kText) continue;
    for (const ConsensusAgreement& entry : LeaveOneOutAgreement(question.answers, std::nullopt)) {
      if (static_cast<size_t>(entry.annotator) >= count) continue;
      scores[static_cast<size_t>(entry.annotator)].peer_items += entry.items;
      scores[static_cast<size_t>(entry.annotator)].peer_agreed += entry.agreed;
    }
  }
  for (size_t annotator = 0; annotator < count; ++annotator) {
    AnnotatorScore& score = scores[annotator];
    score.gold = gold[annotator];
    score.overrides = overrides[annotator];
    score.override_reading = OverrideReading(score.overrides, settings);
    if (score.peer_items > 0) score.peer_agreement = static_cast<double>(score.peer_agreed) / static_cast<double>(score.peer_items);
    if (annotator < times_ms.size()) {
      score.responses = static_cast<int64_t>(times_ms[annotator].size());
      score.time = SummarizeTimes(times_ms[annotator], settings);
    }
    score.suspension = DecideSuspension(score.gold.correct, score.gold.total, settings);
    if (score.time.too_fast) score.flags.push_back("too_fast");
    if (score.time.too_slow) score.flags.push_back("too_slow");
    if (score.suspension.suspend) score.flags.push_back("failing_gold");
    const std::optional<double> rate = score.overrides.rate();
    if (rate && *rate <= settings.override_rate_low) score.flags.push_back("rubber_stamping");
    if (rate && *rate > settings.override_rate_high) score.flags.push_back("noisy_suggestions");
  }
  return scores;
}

}  // namespace quorum
