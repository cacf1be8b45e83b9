#include "quality/majority_vote.h"

#include <algorithm>

namespace quorum {
namespace {

// Tallies one item's answers by code (items have few answers: a linear list beats a map).
struct Tally {
  std::vector<int32_t> codes;
  std::vector<double> weights;

  void Clear() {
    codes.clear();
    weights.clear();
  }
  void Add(int32_t code, double weight) {
    for (size_t index = 0; index < codes.size(); ++index) {
      if (codes[index] == code) {
        weights[index] += weight;
        return;
      }
    }
    codes.push_back(code);
    weights.push_back(weight);
  }
};

ItemAggregate Decide(const Tally& tally, int64_t item, int32_t answers, TiePolicy policy, uint64_t seed,
                     std::vector<int32_t>& tied) {
  double best = -1, total = 0;
  for (double weight : tally.weights) {
    best = std::max(best, weight);
    total += weight;
  }
  tied.clear();
  for (size_t index = 0; index < tally.codes.size(); ++index)
    if (tally.weights[index] == best) tied.push_back(tally.codes[index]);
  ItemAggregate result;
  result.item = item;
  result.answers = answers;
  result.confidence = total > 0 ? best / total : 0;
  result.tied = tied.size() > 1;
  result.code = result.tied ? SettleTie(tied.data(), tied.size(), item, policy, seed) : tied.front();
  return result;
}

}  // namespace

std::vector<ItemAggregate> MajorityVote(const CodedAnswers& answers, TiePolicy policy, uint64_t seed) {
  std::vector<double> none;
  return WeightedVote(answers, none, policy, seed);
}

std::vector<ItemAggregate> WeightedVote(const CodedAnswers& answers, std::span<const double> weights, TiePolicy policy,
                                        uint64_t seed) {
  std::vector<ItemAggregate> result;
  result.reserve(static_cast<size_t>(answers.item_count()));
  Tally tally;
  std::vector<int32_t> tied;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.empty()) continue;
    tally.Clear();
    double total = 0;
    for (const CodedAnswer& answer : given) {
      const double weight = weights.empty() ? 1.0 : weights[static_cast<size_t>(answer.annotator)];
      tally.Add(answer.code, weight);
      total += weight;
    }
    if (total <= 0) {  // every answer weighs nothing: count heads instead
      tally.Clear();
      for (const CodedAnswer& answer : given) tally.Add(answer.code, 1.0);
    }
    result.push_back(Decide(tally, item, static_cast<int32_t>(given.size()), policy, seed, tied));
  }
  return result;
}

}  // namespace quorum
