#include "quality/dawid_skene.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace quorum {
namespace {

// Items with at most this many answers get their posteriors as products (see the E step).
constexpr uint32_t kProductAnswers = 24;

struct Patterns {
  std::vector<CodedAnswer> answers;  // each pattern's answers, sorted by annotator
  std::vector<uint32_t> begin;       // size patterns + 1
  std::vector<double> counts;        // items per pattern

  size_t size() const { return counts.size(); }
};

uint64_t HashAnswers(std::span<const CodedAnswer> answers) {
  uint64_t hash = 0x9e3779b97f4a7c15ULL ^ answers.size();
  for (const CodedAnswer& answer : answers) {
    hash ^= (static_cast<uint64_t>(static_cast<uint32_t>(answer.annotator)) << 32) | static_cast<uint32_t>(answer.code);
    hash *= 0xbf58476d1ce4e5b9ULL;
    hash ^= hash >> 31;
  }
  return hash;
}

// Groups items by their (annotator, code) answers. Patterns are found by a 64-bit hash and
// compared in full, so no key is allocated per item.
Patterns GroupItems(const CodedAnswers& answers, std::vector<int32_t>& item_pattern) {
  Patterns patterns;
  patterns.begin.push_back(0);
  item_pattern.assign(static_cast<size_t>(answers.item_count()), -1);
  std::unordered_map<uint64_t, int32_t> first_with_hash;
  std::vector<int32_t> next_with_hash;  // pattern -> another pattern with the same hash, or -1
  std::vector<CodedAnswer> sorted;
  const auto by_annotator = [](const CodedAnswer& a, const CodedAnswer& b) { return a.annotator < b.annotator; };
  const auto same = [](const CodedAnswer& a, const CodedAnswer& b) { return a.annotator == b.annotator && a.code == b.code; };
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.empty()) continue;
    sorted.assign(given.begin(), given.end());
    std::sort(sorted.begin(), sorted.end(), by_annotator);
    auto [slot, inserted] = first_with_hash.try_emplace(HashAnswers(sorted), static_cast<int32_t>(patterns.size()));
    int32_t pattern = inserted ? -1 : slot->second;
    while (pattern >= 0) {
      const size_t begin = patterns.begin[static_cast<size_t>(pattern)], end = patterns.begin[static_cast<size_t>(pattern) + 1];
      if (end - begin == sorted.size() && std::equal(sorted.begin(), sorted.end(), patterns.answers.begin() + static_cast<std::ptrdiff_t>(begin), same))
        break;
      pattern = next_with_hash[static_cast<size_t>(pattern)];
    }
    if (pattern < 0) {
      pattern = static_cast<int32_t>(patterns.size());
      next_with_hash.push_back(inserted ? -1 : slot->second);
      slot->second = pattern;
      patterns.answers.insert(patterns.answers.end(), sorted.begin(), sorted.end());
      patterns.begin.push_back(static_cast<uint32_t>(patterns.answers.size()));
      patterns.counts.push_back(0);
    }
    patterns.counts[static_cast<size_t>(pattern)] += 1;
    item_pattern[static_cast<size_t>(item)] = pattern;
  }
  return patterns;
}

}  // namespace

std::span<const double> DawidSkeneResult::Posterior(int64_t item) const {
  const int32_t pattern = item_pattern[static_cast<size_t>(item)];
  if (pattern < 0) return {};
  return {pattern_posteriors.data() + static_cast<size_t>(pattern) * class_count, static_cast<size_t>(class_count)};
}

Result<DawidSkeneResult> DawidSkene(const CodedAnswers& answers, const DawidSkeneOptions& options) {
  const int32_t classes = answers.code_count();
  const int32_t annotators = answers.annotator_count();
  if (answers.answer_count() == 0) return MakeError(ErrorCode::kInvalid, "Dawid-Skene needs answers: there are none");
  if (classes < 2) return MakeError(ErrorCode::kInvalid, "Dawid-Skene needs at least two possible answers");
  if (!(options.smoothing > 0)) return MakeError(ErrorCode::kInvalid, "Dawid-Skene needs a positive smoothing");
  DawidSkeneResult result;
  result.class_count = classes;
  result.annotator_count = annotators;
  const Patterns patterns = GroupItems(answers, result.item_pattern);
  const size_t pattern_count = patterns.size();
  const size_t k = static_cast<size_t>(classes);
  result.patterns = static_cast<int64_t>(pattern_count);

  // T[p][class]: posteriors, first the soft majority vote.
  std::vector<double>& posteriors = result.pattern_posteriors;
  posteriors.assign(pattern_count * k, 0.0);
  for (size_t pattern = 0; pattern < pattern_count; ++pattern) {
    const double share = 1.0 / static_cast<double>(patterns.begin[pattern + 1] - patterns.begin[pattern]);
    for (uint32_t index = patterns.begin[pattern]; index < patterns.begin[pattern + 1]; ++index)
      posteriors[pattern * k + static_cast<size_t>(patterns.answers[index].code)] += share;
  }

  bool any_long_pattern = false;
  for (size_t pattern = 0; pattern < pattern_count; ++pattern)
    any_long_pattern = any_long_pattern || patterns.begin[pattern + 1] - patterns.begin[pattern] > kProductAnswers;
  // P(answer | truth) stored as [annotator][answer][truth]: the loops over the true class then
  // run over contiguous memory. result.confusion gets the [annotator][truth][answer] view.
  const size_t cells = static_cast<size_t>(annotators) * k * k;
  std::vector<double> by_answer(cells), log_by_answer(any_long_pattern ? cells : 0);
  std::vector<double> log_priors(k), scores(k);
  double previous = -std::numeric_limits<double>::infinity();
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    // M step: priors and confusion matrices from the posteriors.
    result.priors.assign(k, options.smoothing);
    std::fill(by_answer.begin(), by_answer.end(), options.smoothing);
    for (size_t pattern = 0; pattern < pattern_count; ++pattern) {
      const double count = patterns.counts[pattern];
      const double* posterior = &posteriors[pattern * k];
      for (size_t truth = 0; truth < k; ++truth) result.priors[truth] += count * posterior[truth];
      for (uint32_t index = patterns.begin[pattern]; index < patterns.begin[pattern + 1]; ++index) {
        const CodedAnswer& answer = patterns.answers[index];
        double* row = &by_answer[(static_cast<size_t>(answer.annotator) * k + static_cast<size_t>(answer.code)) * k];
        for (size_t truth = 0; truth < k; ++truth) row[truth] += count * posterior[truth];
      }
    }
    double prior_total = 0;
    for (double prior : result.priors) prior_total += prior;
    for (size_t truth = 0; truth < k; ++truth) {
      result.priors[truth] /= prior_total;
      log_priors[truth] = std::log(result.priors[truth]);
    }
    for (size_t annotator = 0; annotator < static_cast<size_t>(annotators); ++annotator) {
      double* matrix = &by_answer[annotator * k * k];
      for (size_t truth = 0; truth < k; ++truth) {
        double total = 0;
        for (size_t answer = 0; answer < k; ++answer) total += matrix[answer * k + truth];
        for (size_t answer = 0; answer < k; ++answer) matrix[answer * k + truth] /= total;
      }
    }
    if (any_long_pattern)
      for (size_t cell = 0; cell < cells; ++cell) log_by_answer[cell] = std::log(by_answer[cell]);
    // E step: posteriors from priors and confusion matrices; the log-likelihood on the way.
    // Products of probabilities instead of sums of logs: one log per pattern instead of an exp
    // per class. Every factor is at least smoothing / (item count), so up to kProductAnswers
    // answers cannot underflow; patterns with more use logs.
    double log_likelihood = 0;
    for (size_t pattern = 0; pattern < pattern_count; ++pattern) {
      const uint32_t begin = patterns.begin[pattern], end = patterns.begin[pattern + 1];
      double* posterior = &posteriors[pattern * k];
      const bool short_pattern = end - begin <= kProductAnswers;
      const std::vector<double>& table = short_pattern ? by_answer : log_by_answer;
      if (short_pattern) std::copy(result.priors.begin(), result.priors.end(), scores.begin());
      else std::copy(log_priors.begin(), log_priors.end(), scores.begin());
      for (uint32_t index = begin; index < end; ++index) {
        const CodedAnswer& answer = patterns.answers[index];
        const double* column = &table[(static_cast<size_t>(answer.annotator) * k + static_cast<size_t>(answer.code)) * k];
        if (short_pattern) for (size_t truth = 0; truth < k; ++truth) scores[truth] *= column[truth];
        else for (size_t truth = 0; truth < k; ++truth) scores[truth] += column[truth];
      }
      double sum = 0, log_sum = 0;
      if (short_pattern) {
        for (size_t truth = 0; truth < k; ++truth) sum += scores[truth];
        const double scale = 1.0 / sum;
        for (size_t truth = 0; truth < k; ++truth) posterior[truth] = scores[truth] * scale;
        log_sum = std::log(sum);
      } else {
        const double top = *std::max_element(scores.begin(), scores.end());
        for (size_t truth = 0; truth < k; ++truth) sum += std::exp(scores[truth] - top);
        log_sum = top + std::log(sum);
        for (size_t truth = 0; truth < k; ++truth) posterior[truth] = std::exp(scores[truth] - log_sum);
      }
      log_likelihood += patterns.counts[pattern] * log_sum;
    }
    result.iterations = iteration;
    result.log_likelihood = log_likelihood;
    if (std::abs(log_likelihood - previous) <= options.tolerance * std::max(1.0, std::abs(log_likelihood))) {
      result.converged = true;
      break;
    }
    previous = log_likelihood;
  }
  result.confusion.assign(cells, 0.0);
  for (size_t annotator = 0; annotator < static_cast<size_t>(annotators); ++annotator)
    for (size_t truth = 0; truth < k; ++truth)
      for (size_t answer = 0; answer < k; ++answer)
        result.confusion[(annotator * k + truth) * k + answer] = by_answer[(annotator * k + answer) * k + truth];

  result.aggregates.reserve(static_cast<size_t>(answers.item_count()));
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    const int32_t pattern = result.item_pattern[static_cast<size_t>(item)];
    if (pattern < 0) continue;
    const double* posterior = &posteriors[static_cast<size_t>(pattern) * k];
    const size_t best = static_cast<size_t>(std::max_element(posterior, posterior + k) - posterior);
    ItemAggregate aggregate;
    aggregate.item = item;
    aggregate.code = static_cast<int32_t>(best);
    aggregate.confidence = posterior[best];
    aggregate.answers = static_cast<int32_t>(answers.item(item).size());
    aggregate.tied = std::count(posterior, posterior + k, posterior[best]) > 1;
    result.aggregates.push_back(aggregate);
  }
  return result;
}

}  // namespace quorum
