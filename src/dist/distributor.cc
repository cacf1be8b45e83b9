#include "dist/distributor.h"

#include <algorithm>

#include "dist/stream_mix.h"
#include "io/answer_table.h"
#include "quality/suspension.h"

namespace quorum {
namespace {

constexpr int64_t kMinuteMs = 60 * 1000;

bool Contains(const std::vector<int64_t>& ids, int64_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

ReserveRequest RequestFor(const Project& project, const User& user, const DistributionSettings& settings,
                          int64_t now_ms) {
  ReserveRequest request;
  request.project_id = project.id;
  request.user_id = user.id;
  request.user_tier = user.tier;
  request.user_specializations = user.specializations;
  request.overlap = settings.overlap;
  request.order = settings.ordering;
  request.random_start = RandomStart(settings.seed, user.id);
  request.finish_started_first = settings.finish_started_first;
  request.discards_count = settings.discards_count_toward_overlap;
  request.calibration = settings.calibration_records;
  request.calibration_first = settings.calibration_first;
  if (settings.gold_ratio > 0) {
    const double ratio = settings.gold_ratio;
    request.gold_due = [ratio](int64_t served, int64_t gold_served) { return GoldIsDue(served, gold_served, ratio); };
  }
  request.now_ms = now_ms;
  request.lease_ms = settings.lease_minutes * kMinuteMs;
  return request;
}

}  // namespace

Result<NextOutcome> Distributor::Next(const Project& project, const User& user) {
  QUORUM_ASSIGN_OR_RETURN(DistributionSettings settings, ParseDistributionSettings(project.settings));
  NextOutcome outcome;
  if (settings.paused) {
    outcome.reason = NoRecordReason::kProjectPaused;
    return outcome;
  }
  if (Contains(settings.paused_annotators, user.id)) {
    outcome.reason = NoRecordReason::kAnnotatorPaused;
    return outcome;
  }
  QUORUM_ASSIGN_OR_RETURN(outcome.suspension, SuspensionOf(project, user.id));
  if (outcome.suspension) {
    outcome.reason = NoRecordReason::kSuspended;
    return outcome;
  }
  QUORUM_ASSIGN_OR_RETURN(std::optional<Reservation> reservation,
                          store_.Reserve(RequestFor(project, user, settings, clock_.NowMs())));
  if (!reservation) return outcome;
  QUORUM_ASSIGN_OR_RETURN(Record record, store_.GetRecord(reservation->record_id));
  outcome.assignment = Assignment{std::move(record), reservation->expires_at_ms};
  outcome.selection_ns = reservation->selection_ns;
  return outcome;
}

Result<std::optional<Suspension>> Distributor::SuspensionOf(const Project& project, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(QualitySettings quality, QualitySettingsFrom(project.settings));
  if (!quality.gold_suspend_below || !quality.gold_suspend_after) return std::optional<Suspension>();
  QUORUM_ASSIGN_OR_RETURN(GoldTally tally, store_.GoldTallyOf(project.id, user_id));
  return Judge(tally, quality);
}

std::optional<Suspension> Distributor::Judge(const GoldTally& tally, const QualitySettings& quality) {
  SuspensionDecision decision = DecideSuspension(tally.correct, tally.answered, quality);
  if (!decision.suspend) return std::nullopt;
  return Suspension{tally, *quality.gold_suspend_below, *quality.gold_suspend_after, std::move(decision.reason)};
}

Status Distributor::Reinstate(const Project& project, int64_t user_id) {
  return store_.ReinstateAnnotator(project.id, user_id, clock_.NowMs());
}

Result<bool> Distributor::IsCalibration(const DistributionSettings& settings, const Record& record) {
  if (Contains(settings.calibration_records, record.id)) return true;
  if (settings.calibration_first <= 0) return false;
  QUORUM_ASSIGN_OR_RETURN(std::vector<Record> first, store_.ListRecords(record.project_id, 0, settings.calibration_first));
  return std::any_of(first.begin(), first.end(), [&](const Record& each) { return each.id == record.id; });
}

Result<Response> Distributor::Save(const Project& project, const Record& record, const Response& response,
                                   int64_t actor_user_id, bool handed_out_only) {
  QUORUM_ASSIGN_OR_RETURN(DistributionSettings settings, ParseDistributionSettings(project.settings));
  const int64_t now_ms = clock_.NowMs();
  ResponseLimits limits;
  limits.overlap = settings.overlap;
  limits.discards_count = settings.discards_count_toward_overlap;
  limits.now_ms = now_ms;
  limits.lease_until_ms = now_ms + settings.lease_minutes * kMinuteMs;
  limits.handed_out_only = handed_out_only;
  if (!record.gold.empty()) limits.overlap = 0;  // gold answers do not fill a record
  if (limits.overlap > 0) {
    QUORUM_ASSIGN_OR_RETURN(bool calibration, IsCalibration(settings, record));
    if (calibration) limits.overlap = 0;  // everyone answers calibration records
  }
  if (!record.gold.empty()) {
    // Graded only when it counts (the store counts a submitted response's grade only), and
    // the record's gold as stored, so the tally is what `quorum annotators` would say.
    limits.gold_grade = response.status == ResponseStatus::kSubmitted
                            ? GradeAgainstGold(project, record.gold.dump(), response.values.dump())
                            : GoldTally{};
  }
  return store_.SaveResponseWithin(response, actor_user_id, limits);
}

Result<ProgressFigures> Distributor::Progress(const Project& project, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(DistributionSettings settings, ParseDistributionSettings(project.settings));
  QUORUM_ASSIGN_OR_RETURN(DistributionProgress counts,
                          store_.ProgressOf(project.id, user_id, settings.overlap));
  ProgressFigures figures;
  figures.project_total = counts.records;
  figures.project_done = counts.complete;
  figures.complete = counts.records > 0 && counts.complete == counts.records;
  figures.mine_done = counts.mine_submitted + counts.mine_discarded;
  figures.mine_total = std::max(figures.mine_done,
                                std::min(counts.records, figures.mine_done + counts.records - counts.complete));
  return figures;
}

Result<QueueStats> Distributor::Queue(const Project& project, int reservation_limit) {
  QueueStats stats;
  QUORUM_ASSIGN_OR_RETURN(stats.settings, ParseDistributionSettings(project.settings));
  const int64_t now_ms = clock_.NowMs();
  QUORUM_ASSIGN_OR_RETURN(stats.counts, store_.ProgressOf(project.id, 0, stats.settings.overlap));
  QUORUM_ASSIGN_OR_RETURN(stats.live_reservations, store_.CountLiveReservations(project.id, now_ms));
  QUORUM_ASSIGN_OR_RETURN(stats.reservations, store_.ListReservations(project.id, now_ms, reservation_limit));
  QUORUM_ASSIGN_OR_RETURN(stats.annotators, store_.ListAnnotatorCounts(project.id, now_ms));
  QUORUM_ASSIGN_OR_RETURN(QualitySettings quality, QualitySettingsFrom(project.settings));
  for (const AnnotatorQueueCounts& annotator : stats.annotators) stats.suspensions.push_back(Judge(annotator.gold, quality));
  return stats;
}

}  // namespace quorum
