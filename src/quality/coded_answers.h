// CodedAnswers: one question's answers as small integer codes, grouped by item (record). Every
// metric and aggregation method in src/quality reads this table; what a code means (a label, a
// rating value, a label set, a span list...) is kept beside it (see question_answers.h).
#pragma once

#include <cassert>
#include <cstdint>
#include <span>
#include <vector>

namespace quorum {

// One annotator's answer to one item.
struct CodedAnswer {
  int32_t annotator = 0;  // 0 .. annotator_count - 1
  int32_t code = 0;       // 0 .. code_count - 1
};

// Items are numbered 0, 1, ... in the order they are started; each holds the answers given to
// it (possibly none). Invariants, which callers must keep (checked by assert only): codes and
// annotators are in range, and an annotator answers an item at most once.
// Not thread-safe to build; const methods may be called from any number of threads.
class CodedAnswers {
 public:
  CodedAnswers() = default;
  CodedAnswers(int32_t annotator_count, int32_t code_count)
      : annotator_count_(annotator_count), code_count_(code_count) {}

  // Starts the next item; later Add calls go to it.
  void StartItem() { item_begin_.push_back(static_cast<uint32_t>(answers_.size())); }
  // Adds an answer to the current item (StartItem must have been called).
  void Add(int32_t annotator, int32_t code) {
    assert(!item_begin_.empty() && annotator >= 0 && annotator < annotator_count_ && code >= 0);
    if (code >= code_count_) code_count_ = code + 1;
    answers_.push_back(CodedAnswer{annotator, code});
  }
  void Reserve(int64_t items, int64_t answers) {
    item_begin_.reserve(static_cast<size_t>(items));
    answers_.reserve(static_cast<size_t>(answers));
  }
  // Grows the code or annotator space (codes nobody used still count as categories).
  void set_code_count(int32_t code_count) { code_count_ = code_count; }
  void set_annotator_count(int32_t annotator_count) { annotator_count_ = annotator_count; }

  int64_t item_count() const { return static_cast<int64_t>(item_begin_.size()); }
  int64_t answer_count() const { return static_cast<int64_t>(answers_.size()); }
  int32_t annotator_count() const { return annotator_count_; }
  int32_t code_count() const { return code_count_; }

  // The answers to item `item` (0 <= item < item_count()).
  std::span<const CodedAnswer> item(int64_t item) const {
    const size_t index = static_cast<size_t>(item);
    const size_t end = index + 1 < item_begin_.size() ? item_begin_[index + 1] : answers_.size();
    return {answers_.data() + item_begin_[index], answers_.data() + end};
  }
  std::span<const CodedAnswer> all() const { return answers_; }

 private:
  int32_t annotator_count_ = 0;
  int32_t code_count_ = 0;
  std::vector<uint32_t> item_begin_;  // index of each item's first answer
  std::vector<CodedAnswer> answers_;
};

// Builds a table from rows of codes, one row per item and one column per annotator, with -1 for
// "did not answer". Handy for tests and for callers that hold a dense matrix.
CodedAnswers CodedAnswersFromMatrix(const std::vector<std::vector<int32_t>>& rows, int32_t code_count);

}  // namespace quorum
