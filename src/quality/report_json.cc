#include "quality/report_json.h"

namespace quorum {
namespace {

nlohmann::json Optional(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json IntervalJson(const std::optional<ConfidenceInterval>& interval) {
  if (!interval) return nullptr;
  return {{"low", interval->low}, {"high", interval->high}, {"confidence", interval->confidence}};
}

std::string AnnotatorName(const ReportNames& names, int32_t annotator) {
  const size_t index = static_cast<size_t>(annotator);
  return index < names.annotators.size() ? names.annotators[index] : "annotator " + std::to_string(annotator);
}

}  // namespace

nlohmann::json AgreementJson(const QuestionAgreement& report, const ReportNames& names) {
  nlohmann::json out = {{"question", report.question},
                        {"kind", QuestionKindName(report.kind)},
                        {"answers", report.answers},
                        {"records_answered", report.items_answered},
                        {"records_compared", report.items_compared},
                        {"annotators", report.annotators}};
  if (report.headline.empty()) {
    out["headline"] = nullptr;
  } else {
    out["headline"] = {{"metric", report.headline},
                       {"value", Optional(report.value)},
                       {"reading", report.reading.empty() ? nlohmann::json(nullptr) : nlohmann::json(report.reading)},
                       {"interval", IntervalJson(report.interval)}};
  }
  out["note"] = report.note;
  nlohmann::json metrics = nlohmann::json::array();
  for (const Metric& metric : report.metrics)
    metrics.push_back({{"name", metric.name}, {"value", Optional(metric.value)}, {"note", metric.note}});
  out["metrics"] = std::move(metrics);
  nlohmann::json per_label = nlohmann::json::array();
  for (const LabelAgreement& label : report.per_label)
    per_label.push_back({{"label", label.label}, {"alpha", Optional(label.alpha)}, {"agreement", Optional(label.percent)}});
  out["per_label"] = std::move(per_label);
  nlohmann::json pairs = nlohmann::json::array();
  for (const AnnotatorPair& pair : report.pairs)
    pairs.push_back({{"first", AnnotatorName(names, pair.first)},
                     {"second", AnnotatorName(names, pair.second)},
                     {"records", pair.items},
                     {"agreement", pair.agreement},
                     {"kappa", Optional(pair.kappa)}});
  out["pairs"] = std::move(pairs);
  nlohmann::json consensus = nlohmann::json::array();
  for (const ConsensusAgreement& entry : report.consensus) {
    if (entry.items == 0 && entry.no_consensus == 0) continue;  // did not answer this question
    consensus.push_back({{"annotator", AnnotatorName(names, entry.annotator)},
                         {"records", entry.items},
                         {"agreement", entry.items > 0 ? nlohmann::json(entry.share) : nlohmann::json(nullptr)},
                         {"kappa", Optional(entry.kappa)},
                         {"no_consensus", entry.no_consensus}});
  }
  out["consensus"] = std::move(consensus);
  nlohmann::json disagreed = nlohmann::json::array();
  for (const Disagreement& entry : report.most_disagreed) {
    nlohmann::json row = names.record ? names.record(entry.item) : nlohmann::json{{"item", entry.item}};
    row["disagreement"] = entry.score;
    row["answers"] = entry.answers;
    disagreed.push_back(std::move(row));
  }
  out["most_disagreed"] = std::move(disagreed);
  return out;
}

nlohmann::json AggregateRowJson(const QuestionAggregates& aggregates, const AggregateRow& row, const ReportNames& names) {
  nlohmann::json out = names.record ? names.record(row.item) : nlohmann::json{{"item", row.item}};
  out["question"] = aggregates.question;
  out["value"] = row.value;
  out["confidence"] = row.confidence;
  out["method"] = aggregates.method;
  out["answers"] = row.answers;
  if (!aggregates.tie_policy.empty()) out["tie_policy"] = aggregates.tie_policy;
  for (const auto& [key, value] : row.details.items()) out[key] = value;
  return out;
}

nlohmann::json LeaderboardJson(const Leaderboard& board, std::span<const std::string> models) {
  nlohmann::json out = nlohmann::json::array();
  int rank = 0;
  for (const ModelStrength& entry : board.models) {
    const size_t index = static_cast<size_t>(entry.model);
    out.push_back({{"rank", ++rank},
                   {"model", index < models.size() ? models[index] : std::to_string(entry.model)},
                   {"rating", entry.rating},
                   {"interval", IntervalJson(entry.rating_interval)},
                   {"strength", entry.strength},
                   {"wins", entry.wins},
                   {"games", entry.games}});
  }
  return out;
}

nlohmann::json AnnotatorScoresJson(std::span<const AnnotatorScore> scores, const ReportNames& names) {
  nlohmann::json out = nlohmann::json::array();
  for (const AnnotatorScore& score : scores) {
    const TimeSummary& time = score.time;
    nlohmann::json histogram = nlohmann::json::object();
    const std::vector<std::string> labels = TimeBucketLabels();
    for (size_t bucket = 0; bucket < labels.size(); ++bucket) histogram[labels[bucket]] = time.histogram[bucket];
    out.push_back(
        {{"annotator", AnnotatorName(names, score.annotator)},
         {"responses", score.responses},
         {"gold", {{"correct", score.gold.correct}, {"total", score.gold.total}, {"accuracy", Optional(score.gold.accuracy())}}},
         {"peer_agreement", {{"records", score.peer_items}, {"agreed", score.peer_agreed}, {"share", Optional(score.peer_agreement)}}},
         {"time",
          {{"records", time.records},
           {"median_seconds", time.median_seconds},
           {"p10_seconds", time.p10_seconds},
           {"p25_seconds", time.p25_seconds},
           {"p75_seconds", time.p75_seconds},
           {"p90_seconds", time.p90_seconds},
           {"under_minimum", time.under_minimum},
           {"histogram", std::move(histogram)}}},
         {"suggestions",
          {{"shown", score.overrides.suggested},
           {"overridden", score.overrides.overridden},
           {"rate", Optional(score.overrides.rate())},
           {"reading", score.override_reading}}},
         {"flags", score.flags},
         {"suspend", score.suspension.suspend},
         {"suspension_reason", score.suspension.reason}});
  }
  return out;
}

}  // namespace quorum
