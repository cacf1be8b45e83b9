#include "quality/suspension.h"

#include <cstdio>

namespace quorum {
namespace {

std::string Percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100);
  return text;
}

}  // namespace

SuspensionDecision DecideSuspension(int64_t gold_correct, int64_t gold_total, const QualitySettings& settings) {
  if (!settings.gold_suspend_below || !settings.gold_suspend_after)
    return {false, "the gold suspension rule is off (set gold_suspend_below and gold_suspend_after)"};
  const double threshold = *settings.gold_suspend_below;
  const int64_t needed = *settings.gold_suspend_after;
  if (gold_total < needed)
    return {false, std::to_string(gold_total) + " of " + std::to_string(needed) + " gold answers needed so far"};
  const double accuracy = static_cast<double>(gold_correct) / static_cast<double>(gold_total);
  const std::string measured = "gold accuracy " + Percent(accuracy) + " (" + std::to_string(gold_correct) + " of " +
                               std::to_string(gold_total) + ")";
  if (accuracy < threshold) return {true, measured + " is below " + Percent(threshold)};
  return {false, measured + " is at or above " + Percent(threshold)};
}

}  // namespace quorum
