#include "quality/dawid_skene.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

namespace quorum {
namespace {

struct Patterns {
  std::vector<CodedAnswer> answers;  // each pattern's answers, sorted by annotator
  std::vector<uint32_t> begin;       // size patterns + 1
  std::vector<double> counts;        // items per pattern

  size_t size() const { return counts.size(); }
};

Patterns GroupItems(const CodedAnswers& answers, std::vector<int32_t>& item_pattern) {
  Patterns patterns;
  patterns.begin.push_back(0);
  item_pattern.assign(static_cast<size_t>(answers.item_count()), -1);
  std::unordered_map<std::string, int32_t> index_of;
  std::vector<CodedAnswer> sorted;
  std::string key;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.empty()) continue;
    sorted.assign(given.begin(), given.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const CodedAnswer& a, const CodedAnswer& b) { return a.annotator < b.annotator; });
    key.assign(reinterpret_cast<const char*>(sorted.data()), sorted.size() * sizeof(CodedAnswer));
    auto [it, inserted] = index_of.try_emplace(key, static_cast<int32_t>(patterns.size()));
    if (inserted) {
      patterns.answers.insert(patterns.answers.end(), sorted.begin(), sorted.end());
      patterns.begin.push_back(static_cast<uint32_t>(patterns.answers.size()));
      patterns.counts.push_back(0);
    }
    patterns.counts[static_cast<size_t>(it->second)] += 1;
    item_pattern[static_cast<size_t>(item)] = it->second;
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

  std::vector<double>& confusion = result.confusion;
  std::vector<double> log_confusion(static_cast<size_t>(annotators) * k * k);
  std::vector<double> log_priors(k), scores(k);
  double previous = -std::numeric_limits<double>::infinity();
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    // M step: priors and confusion matrices from the posteriors.
    result.priors.assign(k, options.smoothing);
    confusion.assign(static_cast<size_t>(annotators) * k * k, options.smoothing);
    for (size_t pattern = 0; pattern < pattern_count; ++pattern) {
      const double count = patterns.counts[pattern];
      const double* posterior = &posteriors[pattern * k];
      for (size_t truth = 0; truth < k; ++truth) result.priors[truth] += count * posterior[truth];
      for (uint32_t index = patterns.begin[pattern]; index < patterns.begin[pattern + 1]; ++index) {
        const CodedAnswer& answer = patterns.answers[index];
        double* rows = &confusion[static_cast<size_t>(answer.annotator) * k * k + static_cast<size_t>(answer.code)];
        for (size_t truth = 0; truth < k; ++truth) rows[truth * k] += count * posterior[truth];
      }
    }
    double prior_total = 0;
    for (double prior : result.priors) prior_total += prior;
    for (size_t truth = 0; truth < k; ++truth) {
      result.priors[truth] /= prior_total;
      log_priors[truth] = std::log(result.priors[truth]);
    }
    for (size_t row = 0; row < static_cast<size_t>(annotators) * k; ++row) {
      double total = 0;
      for (size_t answer = 0; answer < k; ++answer) total += confusion[row * k + answer];
      for (size_t answer = 0; answer < k; ++answer) {
        confusion[row * k + answer] /= total;
        log_confusion[row * k + answer] = std::log(confusion[row * k + answer]);
      }
    }
    // E step: posteriors from priors and confusion matrices; the log-likelihood on the way.
    double log_likelihood = 0;
    for (size_t pattern = 0; pattern < pattern_count; ++pattern) {
      for (size_t truth = 0; truth < k; ++truth) scores[truth] = log_priors[truth];
      for (uint32_t index = patterns.begin[pattern]; index < patterns.begin[pattern + 1]; ++index) {
        const CodedAnswer& answer = patterns.answers[index];
        const double* logs = &log_confusion[static_cast<size_t>(answer.annotator) * k * k + static_cast<size_t>(answer.code)];
        for (size_t truth = 0; truth < k; ++truth) scores[truth] += logs[truth * k];
      }
      const double top = *std::max_element(scores.begin(), scores.end());
      double sum = 0;
      for (size_t truth = 0; truth < k; ++truth) sum += std::exp(scores[truth] - top);
      const double log_sum = top + std::log(sum);
      for (size_t truth = 0; truth < k; ++truth) posteriors[pattern * k + truth] = std::exp(scores[truth] - log_sum);
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
