// Percent agreement: how often two answers to the same item are the same code.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "quality/coded_answers.h"

namespace quorum {

struct PercentAgreement {
  double share = 0;   // mean over items of (agreeing answer pairs / answer pairs), 0..1
  int64_t items = 0;  // items with two or more answers
};

// Each item with m >= 2 answers weighs the same, whatever m (Fleiss' P-bar generalized to a
// varying number of answers). kInvalid when no item has two answers. Thread-safe.
Result<PercentAgreement> PercentAgreementOf(const CodedAnswers& answers);

}  // namespace quorum
