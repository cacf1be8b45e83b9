// Agreement on labelled spans (NER-style answers) between annotators: F1 of one annotator's
// spans against another's, with exact matching (same start, end and label) and overlap
// matching (same label, ranges intersect).
#pragma once

#include <compare>
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.h"
#include "quality/coded_answers.h"

namespace quorum {

// A labelled range [start, end) of a text, in code points; label indexes the question's labels.
struct LabelledSpan {
  int64_t start = 0;
  int64_t end = 0;
  int32_t label = 0;
  auto operator<=>(const LabelledSpan&) const = default;
};

enum class SpanMatching { kExact, kOverlap };

// How many spans of `first` pair up one-to-one with spans of `second`. Both lists sorted (by
// start, end, label). Overlap matching pairs greedily in start order, each span at most once.
int64_t MatchedSpans(std::span<const LabelledSpan> first, std::span<const LabelledSpan> second, SpanMatching matching);

// F1 = 2 * matched / (|first| + |second|), summed over every pair of annotators of every item
// (micro-averaged). Pairs where both annotators marked no span agree, but carry no spans and so
// do not move F1; they are counted in `empty_pairs`.
struct SpanAgreement {
  double exact_f1 = 0;
  double overlap_f1 = 0;
  int64_t items = 0;        // items with two or more answers
  int64_t pairs = 0;        // annotator pairs compared
  int64_t empty_pairs = 0;  // pairs where neither marked a span
};

// `span_lists[code]` is the sorted span list an answer code stands for. kInvalid when no item has
// two answers, or when no compared answer holds a span. Thread-safe.
Result<SpanAgreement> SpanAgreementOf(const CodedAnswers& answers,
                                      const std::vector<std::vector<LabelledSpan>>& span_lists);

// The F1 of two span lists with `matching`; 1 when both are empty.
double SpanF1(std::span<const LabelledSpan> first, std::span<const LabelledSpan> second, SpanMatching matching);

}  // namespace quorum
