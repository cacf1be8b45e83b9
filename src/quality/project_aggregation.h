// Aggregation over the questions of a project, as `quorum aggregate` and
// GET /api/v1/projects/{id}/aggregates need it: which questions a method fits, gold weights
// taken project-wide when a question has no gold of its own, and the Bradley-Terry leaderboard.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "quality/aggregation.h"
#include "quality/bradley_terry.h"
#include "quality/question_answers.h"

namespace quorum {

struct AggregationRequest {
  std::optional<AggregationMethod> method;  // nullopt: each question's default method
  // True when the caller named the question(s) it wants: a method that does not fit one of them
  // is then an error instead of a reason to skip it (and text questions are refused, not skipped).
  bool questions_named = false;
  AggregationOptions options;  // `gold` is filled in here for the weighted vote
};

// One QuestionAggregates per question aggregated, in the given order. kInvalid when no question
// fits (saying so), a named question does not fit, or a method fails (e.g. weighted without
// any gold in the project). Thread-safe.
Result<std::vector<QuestionAggregates>> AggregateQuestions(std::span<const QuestionAnswers> questions,
                                                           const AggregationRequest& request);

struct ModelLeaderboard {
  std::string question;  // the preference question the votes come from
  int64_t records = 0;   // records that named both models and had votes
  Leaderboard board;
};

// Bradley-Terry over the first two-option preference question of `questions`, with
// model_a[item] / model_b[item] naming each record's models (-1: none). kInvalid when there is
// no such question or no record names its models. Thread-safe.
Result<ModelLeaderboard> PreferenceLeaderboard(std::span<const QuestionAnswers> questions,
                                               std::span<const int32_t> model_a, std::span<const int32_t> model_b,
                                               int32_t model_count, const BradleyTerryOptions& options = {});

}  // namespace quorum
