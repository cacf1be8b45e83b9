#include "quality/disagreement.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace quorum {
namespace {

// "Worse" sorts first: higher score, more answers, lower item.
bool Before(const Disagreement& a, const Disagreement& b) {
  return std::make_tuple(-a.score, -a.answers, a.item) < std::make_tuple(-b.score, -b.answers, b.item);
}

}  // namespace

std::vector<Disagreement> MostDisagreed(const CodedAnswers& answers,
                                        const std::function<double(int32_t, int32_t)>& distance, int limit) {
  std::vector<Disagreement> heap;  // the best `limit` so far; heap top is the least disagreeing
  if (limit <= 0) return heap;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.size() < 2) continue;
    double sum = 0;
    for (size_t first = 0; first < given.size(); ++first)
      for (size_t second = first + 1; second < given.size(); ++second)
        if (given[first].code != given[second].code) sum += distance(given[first].code, given[second].code);
    if (sum <= 0) continue;
    const double pairs = static_cast<double>(given.size() * (given.size() - 1) / 2);
    Disagreement entry{item, sum / pairs, static_cast<int32_t>(given.size())};
    if (static_cast<int>(heap.size()) < limit) {
      heap.push_back(entry);
      std::push_heap(heap.begin(), heap.end(), Before);
    } else if (Before(entry, heap.front())) {
      std::pop_heap(heap.begin(), heap.end(), Before);
      heap.back() = entry;
      std::push_heap(heap.begin(), heap.end(), Before);
    }
  }
  std::sort_heap(heap.begin(), heap.end(), Before);
  return heap;
}

std::function<double(int32_t, int32_t)> ScaleDistance(const Scale& scale, Level level) {
  if (level == Level::kNominal || scale.code_count() < 2) return [](int32_t a, int32_t b) { return a == b ? 0.0 : 1.0; };
  if (level == Level::kOrdinal || scale.values.empty()) {
    const double largest = scale.code_count() - 1;
    return [largest](int32_t a, int32_t b) { return std::abs(a - b) / largest; };
  }
  const auto [low, high] = std::minmax_element(scale.values.begin(), scale.values.end());
  const double range = *high - *low;
  std::vector<double> values = scale.values;
  return [values, range](int32_t a, int32_t b) {
    return range <= 0 ? 0.0 : std::abs(values[static_cast<size_t>(a)] - values[static_cast<size_t>(b)]) / range;
  };
}

}  // namespace quorum
