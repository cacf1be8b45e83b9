// The distribution engine's figures as the API shows them.
#pragma once

#include <nlohmann/json.hpp>

#include "dist/distributor.h"

namespace quorum {

// {"mine": {"done", "total"}, "project": {"done", "total", "complete"}}: the shape the web UI
// reads from GET /api/v1/projects/{id}/next.
nlohmann::json ProgressJson(const ProgressFigures& progress);

// {"answered", "correct", "accuracy"} (accuracy null before any gold answer).
nlohmann::json GoldJson(const GoldTally& gold);

// {"gold": GoldJson, "threshold", "after", "reason"}: why the gold rule suspends someone, in
// GET .../next's 403 "suspended" and the queue statistics.
nlohmann::json SuspensionJson(const Suspension& suspension);

// GET /api/v1/projects/{id}/queue: settings in force, records by state, live reservations,
// per-annotator counts.
nlohmann::json QueueJson(const QueueStats& stats);

}  // namespace quorum
