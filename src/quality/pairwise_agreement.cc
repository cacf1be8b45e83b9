#include "quality/pairwise_agreement.h"

#include <algorithm>
#include <unordered_map>

namespace quorum {
namespace {

struct PairSums {
  int32_t first = 0, second = 0;
  int64_t items = 0;
  double agreement = 0;
  ContingencyTable table;
};

// Visits every pair of answers of every item as (lower annotator, higher annotator).
template <class Visit>
std::vector<PairSums> CollectPairs(const CodedAnswers& answers, Visit visit, int32_t table_codes) {
  std::unordered_map<uint64_t, size_t> index_of;
  std::vector<PairSums> pairs;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    for (size_t index_a = 0; index_a < given.size(); ++index_a) {
      for (size_t index_b = index_a + 1; index_b < given.size(); ++index_b) {
        CodedAnswer low = given[index_a], high = given[index_b];
        if (high.annotator < low.annotator) std::swap(low, high);
        const uint64_t key = (static_cast<uint64_t>(low.annotator) << 32) | static_cast<uint32_t>(high.annotator);
        auto [it, inserted] = index_of.try_emplace(key, pairs.size());
        if (inserted) {
          PairSums sums;
          sums.first = low.annotator;
          sums.second = high.annotator;
          if (table_codes > 0) sums.table = EmptyContingencyTable(table_codes);
          pairs.push_back(std::move(sums));
        }
        PairSums& sums = pairs[it->second];
        ++sums.items;
        visit(sums, low.code, high.code);
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const PairSums& a, const PairSums& b) { return std::tie(a.first, a.second) < std::tie(b.first, b.second); });
  return pairs;
}

AnnotatorPair Finish(const PairSums& sums) {
  AnnotatorPair pair;
  pair.first = sums.first;
  pair.second = sums.second;
  pair.items = sums.items;
  pair.agreement = sums.items == 0 ? 0 : sums.agreement / static_cast<double>(sums.items);
  return pair;
}

}  // namespace

std::vector<AnnotatorPair> PairwiseAgreement(const CodedAnswers& answers, std::optional<KappaWeights> weights) {
  const int32_t table_codes = weights ? answers.code_count() : 0;
  std::vector<PairSums> pairs = CollectPairs(
      answers,
      [&](PairSums& sums, int32_t code_a, int32_t code_b) {
        sums.agreement += code_a == code_b;
        if (table_codes > 0) sums.table.Add(code_a, code_b);
      },
      table_codes);
  std::vector<AnnotatorPair> result;
  result.reserve(pairs.size());
  for (const PairSums& sums : pairs) {
    AnnotatorPair pair = Finish(sums);
    if (weights) {
      Result<double> kappa = CohenKappa(sums.table, *weights);
      if (kappa.ok()) pair.kappa = *kappa;
    }
    result.push_back(pair);
  }
  return result;
}

std::vector<AnnotatorPair> PairwiseSimilarity(const CodedAnswers& answers,
                                              const std::function<double(int32_t, int32_t)>& similarity) {
  std::vector<PairSums> pairs = CollectPairs(
      answers, [&](PairSums& sums, int32_t code_a, int32_t code_b) { sums.agreement += similarity(code_a, code_b); }, 0);
  std::vector<AnnotatorPair> result;
  result.reserve(pairs.size());
  for (const PairSums& sums : pairs) result.push_back(Finish(sums));
  return result;
}

}  // namespace quorum
