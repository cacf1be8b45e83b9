// The JSON forms of the quality reports, shared by `quorum ... --json` and the REST API
// (GET /api/v1/projects/{id}/agreement, /aggregates, /annotators), so both say the same thing.
// Building JSON is not I/O: callers print or send it.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "quality/aggregation.h"
#include "quality/annotator_scores.h"
#include "quality/bradley_terry.h"
#include "quality/question_agreement.h"

namespace quorum {

// How reports name annotators and records (reports themselves hold indices).
struct ReportNames {
  std::vector<std::string> annotators;                   // annotator index -> e.g. email
  std::function<nlohmann::json(int64_t item)> record;    // item -> {"record_id": .., "external_id": ..}
};

// {"question", "kind", "answers", "records_answered", "records_compared", "annotators",
//  "headline": {"metric", "value", "reading", "interval": {"low", "high", "confidence"}} | null,
//  "note", "metrics": [{"name", "value", "note"}], "per_label": [...],
//  "pairs": [{"first", "second", "records", "agreement", "kappa"}],
//  "consensus": [{"annotator", "records", "agreement", "kappa", "no_consensus"}],
//  "most_disagreed": [{"record_id", "external_id", "disagreement", "answers"}]}
nlohmann::json AgreementJson(const QuestionAgreement& report, const ReportNames& names);

// One aggregate row: {"record_id", "external_id", "question", "value", "confidence", "method",
// "answers", ...details}.
nlohmann::json AggregateRowJson(const QuestionAggregates& aggregates, const AggregateRow& row, const ReportNames& names);

// [{"rank", "model", "rating", "interval": {"low", "high", "confidence"} | null, "strength",
//   "wins", "games"}]
nlohmann::json LeaderboardJson(const Leaderboard& board, std::span<const std::string> models);

// [{"annotator", "responses", "gold": {"correct", "total", "accuracy"}, "peer_agreement":
//   {"records", "agreed", "share"}, "time": {"median_seconds", "p10", ..., "histogram"},
//   "suggestions": {"shown", "overridden", "rate", "reading"}, "flags", "suspend",
//   "suspension_reason"}]
nlohmann::json AnnotatorScoresJson(std::span<const AnnotatorScore> scores, const ReportNames& names);

}  // namespace quorum
