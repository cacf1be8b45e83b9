#include "export/export_summary.h"

#include <cstdio>

namespace quorum {

const char* LeftOutReasonName(LeftOutReason reason) {
  switch (reason) {
    case LeftOutReason::kGold: return "gold";
    case LeftOutReason::kCalibration: return "calibration";
    case LeftOutReason::kUnanswered: return "unanswered";
    case LeftOutReason::kTooFewAnnotators: return "too_few_annotators";
    case LeftOutReason::kTie: return "tie";
    case LeftOutReason::kLowAgreement: return "low_agreement";
    case LeftOutReason::kMissingField: return "missing_field";
    case LeftOutReason::kRejected: return "rejected";
    case LeftOutReason::kNotAccepted: return "not_accepted";
  }
  return "unknown";
}

int64_t ExportSummary::left_out_total() const {
  int64_t total = 0;
  for (int64_t count : left_out) total += count;
  return total;
}

nlohmann::json SummaryJson(const ExportSummary& summary) {
  nlohmann::json left_out = nlohmann::json::object();
  for (int index = 0; index < kLeftOutReasonCount; ++index)
    if (summary.left_out[index] > 0) left_out[LeftOutReasonName(static_cast<LeftOutReason>(index))] = summary.left_out[index];
  nlohmann::json answers_left_out = nlohmann::json::object();
  if (summary.rejected_answers > 0) answers_left_out["rejected"] = summary.rejected_answers;
  if (summary.unaccepted_answers > 0) answers_left_out["not_accepted"] = summary.unaccepted_answers;
  nlohmann::json agreement = nullptr;
  if (summary.agreement_rows > 0)
    agreement = {{"mean", summary.agreement_sum / static_cast<double>(summary.agreement_rows)},
                 {"min", summary.agreement_min}};
  return {{"format", summary.format},       {"question", summary.question},     {"records", summary.records},
          {"rows", summary.rows},           {"train_rows", summary.train_rows}, {"test_rows", summary.test_rows},
          {"left_out", left_out},           {"answers_left_out", answers_left_out},
          {"agreement", agreement}};
}

std::string SummaryText(const ExportSummary& summary) {
  std::string text = "Exported " + std::to_string(summary.rows) + " " + summary.format + " rows";
  if (summary.test_rows > 0)
    text += " (train " + std::to_string(summary.train_rows) + ", test " + std::to_string(summary.test_rows) + ")";
  text += " from " + std::to_string(summary.records) + " records of question '" + summary.question + "'";
  if (summary.agreement_rows > 0) {
    char figures[64];
    std::snprintf(figures, sizeof figures, "; agreement mean %.3f, min %.3f",
                  summary.agreement_sum / static_cast<double>(summary.agreement_rows), summary.agreement_min);
    text += figures;
  }
  text += "\nLeft out: ";
  if (summary.left_out_total() == 0) text += "nothing";
  bool first = true;
  for (int index = 0; index < kLeftOutReasonCount; ++index) {
    if (summary.left_out[index] == 0) continue;
    if (!first) text += ", ";
    first = false;
    text += std::to_string(summary.left_out[index]) + " " + LeftOutReasonName(static_cast<LeftOutReason>(index));
  }
  text += "\n";
  if (summary.rejected_answers > 0 || summary.unaccepted_answers > 0) {
    text += "Answers left out: " + std::to_string(summary.rejected_answers) + " rejected by a reviewer";
    if (summary.unaccepted_answers > 0) text += ", " + std::to_string(summary.unaccepted_answers) + " not accepted";
    text += "\n";
  }
  return text;
}

}  // namespace quorum
