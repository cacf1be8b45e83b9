// Dawid-Skene: the true code of each item and each annotator's confusion matrix, estimated
// together by expectation-maximization (A. P. Dawid and A. M. Skene, "Maximum likelihood
// estimation of observer error-rates using the EM algorithm", Applied Statistics 28, 1979).
// Unlike a vote, it learns who is reliable, and that an annotator who always answers B when
// the truth is A is informative rather than noise.
//
// Items with the same answers from the same annotators have the same posterior, so EM runs
// over these patterns, weighted by how many items share each: with a fixed team of annotators a
// million items collapse to a few hundred patterns.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "quality/coded_answers.h"
#include "quality/item_aggregate.h"

namespace quorum {

struct DawidSkeneOptions {
  int max_iterations = 200;
  double tolerance = 1e-8;  // stop when the log-likelihood improves by less than this, relatively
  double smoothing = 0.01;  // pseudo-count added to every confusion cell and class prior; > 0
};

struct DawidSkeneResult {
  int32_t class_count = 0;
  int32_t annotator_count = 0;
  std::vector<double> priors;     // class -> estimated share of items
  std::vector<double> confusion;  // [annotator][truth][answer], rows sum to 1
  // One per item with answers, in item order: the most probable class, and its posterior
  // probability as the confidence. `tied` when two classes share the top posterior (the lower
  // class is chosen).
  std::vector<ItemAggregate> aggregates;
  int iterations = 0;
  bool converged = false;
  double log_likelihood = 0;
  int64_t patterns = 0;  // distinct answer patterns EM ran over

  // P(annotator answers `answer` | truth).
  double Confusion(int32_t annotator, int32_t truth, int32_t answer) const {
    return confusion[(static_cast<size_t>(annotator) * class_count + truth) * class_count + answer];
  }
  // The posterior over classes of `item`; empty when the item has no answers.
  std::span<const double> Posterior(int64_t item) const;

  std::vector<int32_t> item_pattern;         // item -> pattern, -1 without answers
  std::vector<double> pattern_posteriors;    // [pattern][class]
};

// Initialized from the soft majority vote (each item's answer shares), as Dawid and Skene do,
// so the classes keep their meaning (the solution is not relabelled) as long as the annotators
// are better than chance on the whole. kInvalid when there are no answers, fewer than two
// codes, or smoothing is not positive. Thread-safe (reads `answers` only).
Result<DawidSkeneResult> DawidSkene(const CodedAnswers& answers, const DawidSkeneOptions& options = {});

}  // namespace quorum
