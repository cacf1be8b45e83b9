// The first pass that the weighted vote and Dawid-Skene need before rows can be streamed: a
// vote weight per annotator (from gold accuracy), or a posterior per record. Majority needs
// nothing. The pass loads one question's coded answers (io/answer_table.h: about 8 bytes an
// answer) and keeps, after it, a weight per annotator or 16 bytes per answered record.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/project.h"
#include "core/result.h"
#include "export/export_plan.h"
#include "export/side_vote.h"
#include "store/store.h"

namespace quorum {

class VoteModel {
 public:
  // Fits what `policy.method` needs. kInvalid when the weighted vote finds no gold answers to
  // weigh by, or Dawid-Skene has nothing to fit; the store's errors otherwise.
  static Result<VoteModel> Fit(Store& store, const Project& project, const ExportPlan& plan,
                               const ExportPolicy& policy);

  // Whether decisions come from PosteriorOf (Dawid-Skene) rather than from counting votes.
  bool dawid_skene() const { return dawid_skene_; }
  // The weight of an annotator's vote (1 without weights; the median weight for an annotator
  // the first pass did not see).
  double WeightOf(int64_t user_id) const;
  // Dawid-Skene: the record's side posteriors as a vote (first, second, neither sum to 1, with
  // the expected signed strength), or nullptr when the record had no answers. Records must be
  // asked for in increasing id order (the scan's order).
  const SideVote* PosteriorOf(int64_t record_id);

 private:
  bool dawid_skene_ = false;
  std::unordered_map<int64_t, double> weights_;
  double default_weight_ = 1;
  std::vector<int64_t> posterior_records_;  // record ids with a posterior, ascending
  std::vector<SideVote> posteriors_;
  size_t cursor_ = 0;
};

}  // namespace quorum
