// Annotator scoring, across every question of a project: gold accuracy, agreement with peers,
// time per record, suggestion override rate, flags and the gold suspension verdict. This is what
// `quorum annotators` and GET /api/v1/projects/{id}/annotators show.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "quality/gold_accuracy.h"
#include "quality/override_rate.h"
#include "quality/quality_settings.h"
#include "quality/question_answers.h"
#include "quality/suspension.h"
#include "quality/time_stats.h"

namespace quorum {

struct AnnotatorScore {
  int32_t annotator = 0;
  int64_t responses = 0;  // submitted responses (times given, recorded or not)
  GoldAccuracy gold;      // over every question with gold answers
  // Their answers against the leave-one-out consensus of the other annotators (see
  // consensus_agreement.h), over every question except text.
  int64_t peer_items = 0;
  int64_t peer_agreed = 0;
  std::optional<double> peer_agreement;
  TimeSummary time;
  OverrideRate overrides;
  std::string override_reading;  // see OverrideReading
  SuspensionDecision suspension;
  // "too_fast", "too_slow", "failing_gold" (the suspension rule says suspend), "rubber_stamping",
  // "noisy_suggestions".
  std::vector<std::string> flags;
};

// One entry per annotator 0 .. annotator_count - 1. `times_ms[annotator]` holds the time of each
// of their submitted responses (reordered here); it may be shorter than annotator_count.
// Thread-safe on distinct inputs.
std::vector<AnnotatorScore> ScoreAnnotators(std::span<const QuestionAnswers> questions,
                                            std::span<std::vector<int64_t>> times_ms, int32_t annotator_count,
                                            const QualitySettings& settings);

}  // namespace quorum
