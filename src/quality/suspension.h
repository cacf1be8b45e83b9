// The gold suspension rule: an annotator whose gold accuracy falls below a threshold, once
// they have answered enough gold records for that accuracy to mean something, is suspended.
// The distribution engine calls this before serving a record; reports show its verdict.
#pragma once

#include <cstdint>
#include <string>

#include "quality/quality_settings.h"

namespace quorum {

struct SuspensionDecision {
  bool suspend = false;
  std::string reason;  // why, or why not (e.g. "3 of 10 gold answers needed so far")
};

// Suspend when the rule is on (gold_suspend_below and gold_suspend_after set),
// gold_total >= gold_suspend_after, and gold_correct / gold_total < gold_suspend_below.
// Pure and thread-safe.
SuspensionDecision DecideSuspension(int64_t gold_correct, int64_t gold_total, const QualitySettings& settings);

}  // namespace quorum
