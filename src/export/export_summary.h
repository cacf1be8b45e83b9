// What a training export wrote and what it left out, with the reason for each omission.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace quorum {

// Why a record (or, for rankings, a pair of options) was left out.
enum class LeftOutReason {
  kGold,              // a gold record, and gold is excluded
  kCalibration,       // a calibration record, and calibration is excluded
  kUnanswered,        // no submitted answer to the question
  kTooFewAnnotators,  // fewer answers than min_annotators
  kTie,               // the vote was level (ties dropped), or "tie" won
  kLowAgreement,      // the winner's share is below min_agreement
  kMissingField,      // the prompt or a compared text is empty or missing
  kRejected,          // a reviewer rejected every submitted answer
  kNotAccepted,       // only_accepted, and a reviewer accepted none of its submitted answers
};
inline constexpr int kLeftOutReasonCount = 9;

// "gold", "calibration", "unanswered", "too_few_annotators", "tie", "low_agreement",
// "missing_field", "rejected", "not_accepted".
const char* LeftOutReasonName(LeftOutReason reason);

struct ExportSummary {
  std::string format;
  std::string question;
  int64_t records = 0;     // records visited
  int64_t rows = 0;        // rows written
  int64_t train_rows = 0;
  int64_t test_rows = 0;
  std::array<int64_t, kLeftOutReasonCount> left_out{};  // per LeftOutReason
  // Submitted answers of the records visited that did not count: rejected by a reviewer, and
  // (only_accepted) not reviewed.
  int64_t rejected_answers = 0;
  int64_t unaccepted_answers = 0;
  // Over the rows that carry an agreement (not SFT): its mean and lowest value.
  double agreement_sum = 0;
  int64_t agreement_rows = 0;
  double agreement_min = 1;

  void LeaveOut(LeftOutReason reason) { ++left_out[static_cast<int>(reason)]; }
  int64_t left_out_total() const;
};

// {"format", "question", "records", "rows", "train_rows", "test_rows", "left_out": {reason:
// count, only reasons that occurred}, "answers_left_out": {"rejected", "not_accepted": count,
// only those that occurred}, "agreement": {"mean", "min"} or null}.
nlohmann::json SummaryJson(const ExportSummary& summary);

// The same for people: "Exported 12 rows (train 10, test 2) from 20 records; left out: 3 tie,
// 5 low_agreement", and a line "Answers left out: 4 rejected" when reviews left any out.
std::string SummaryText(const ExportSummary& summary);

}  // namespace quorum
