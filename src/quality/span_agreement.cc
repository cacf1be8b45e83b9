#include "quality/span_agreement.h"

#include <algorithm>

namespace quorum {

int64_t MatchedSpans(std::span<const LabelledSpan> first, std::span<const LabelledSpan> second, SpanMatching matching) {
  int64_t matched = 0;
  if (matching == SpanMatching::kExact) {
    size_t index_a = 0, index_b = 0;
    while (index_a < first.size() && index_b < second.size()) {
      if (first[index_a] < second[index_b]) {
        ++index_a;
      } else if (second[index_b] < first[index_a]) {
        ++index_b;
      } else {
        ++matched;
        ++index_a;
        ++index_b;
      }
    }
    return matched;
  }
  std::vector<bool> taken(second.size(), false);
  for (const LabelledSpan& span : first) {
    for (size_t index = 0; index < second.size(); ++index) {
      const LabelledSpan& other = second[index];
      if (other.start >= span.end) break;  // sorted by start: nothing later overlaps
      if (taken[index] || other.label != span.label || other.end <= span.start) continue;
      taken[index] = true;
      ++matched;
      break;
    }
  }
  return matched;
}

double SpanF1(std::span<const LabelledSpan> first, std::span<const LabelledSpan> second, SpanMatching matching) {
  const size_t total = first.size() + second.size();
  if (total == 0) return 1.0;
  return 2.0 * static_cast<double>(MatchedSpans(first, second, matching)) / static_cast<double>(total);
}

Result<SpanAgreement> SpanAgreementOf(const CodedAnswers& answers,
                                      const std::vector<std::vector<LabelledSpan>>& span_lists) {
  SpanAgreement result;
  int64_t exact = 0, overlap = 0, spans = 0;
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    if (given.size() < 2) continue;
    ++result.items;
    for (size_t first = 0; first < given.size(); ++first) {
      for (size_t second = first + 1; second < given.size(); ++second) {
        const std::vector<LabelledSpan>& spans_a = span_lists[static_cast<size_t>(given[first].code)];
        const std::vector<LabelledSpan>& spans_b = span_lists[static_cast<size_t>(given[second].code)];
        ++result.pairs;
        if (spans_a.empty() && spans_b.empty()) ++result.empty_pairs;
        spans += static_cast<int64_t>(spans_a.size() + spans_b.size());
        exact += MatchedSpans(spans_a, spans_b, SpanMatching::kExact);
        overlap += MatchedSpans(spans_a, spans_b, SpanMatching::kOverlap);
      }
    }
  }
  if (result.items == 0)
    return MakeError(ErrorCode::kInvalid, "span agreement is undefined: no record has answers from two annotators");
  if (spans == 0)
    return MakeError(ErrorCode::kInvalid, "span agreement is undefined: no compared answer marks a span");
  result.exact_f1 = 2.0 * static_cast<double>(exact) / static_cast<double>(spans);
  result.overlap_f1 = 2.0 * static_cast<double>(overlap) / static_cast<double>(spans);
  return result;
}

}  // namespace quorum
