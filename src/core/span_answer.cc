// Span answers: [{"start", "end", "label"}] over a text field. Offsets count Unicode code points
// (what the browser's selection model counts after Array.from), so "café" has length 4.
#include <algorithm>
#include <cstdint>
#include <limits>

#include "core/answer_checks.h"
#include "core/problem_text.h"
#include "core/utf8.h"

namespace quorum {
namespace {

struct Span {
  std::size_t index = 0;  // position in the answer array
  int64_t start = 0;
  int64_t end = 0;
};

std::string SpanName(const Span& span) {
  return "span " + std::to_string(span.index) + " [" + std::to_string(span.start) + ", " + std::to_string(span.end) +
         ")";
}

// A JSON integer as int64; unsigned values past int64's range saturate (they end past any text).
std::optional<int64_t> ReadOffset(const nlohmann::json& value) {
  if (value.is_number_unsigned()) {
    uint64_t offset = value.get<uint64_t>();
    return offset > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ? std::numeric_limits<int64_t>::max()
                                                                                : static_cast<int64_t>(offset);
  }
  if (value.is_number_integer()) return value.get<int64_t>();
  return std::nullopt;
}

// Reads span `index` into `span`, appending the reasons it is malformed; false when it is.
bool ReadSpan(const nlohmann::json& item, const QuestionSpec& question, Span& span,
              std::vector<std::string>& reasons) {
  const std::string prefix = "span " + std::to_string(span.index) + ": ";
  if (!item.is_object()) {
    reasons.push_back(prefix + ExpectedGot("an object with start, end and label", item));
    return false;
  }
  bool ok = true;
  for (const auto& [key, unused] : item.items()) {
    if (key != "start" && key != "end" && key != "label") {
      reasons.push_back(prefix + "unknown key " + Quoted(key));
      ok = false;
    }
  }
  for (std::string_view key : {"start", "end"}) {
    auto it = item.find(key);
    std::optional<int64_t> offset = it == item.end() ? std::nullopt : ReadOffset(*it);
    if (it == item.end()) reasons.push_back(prefix + "missing \"" + std::string(key) + "\"");
    else if (!offset) reasons.push_back(prefix + std::string(key) + ": expected an integer, got " + DescribeValue(*it));
    if (!offset) ok = false;
    else (key == "start" ? span.start : span.end) = *offset;
  }
  auto label = item.find("label");
  if (label == item.end()) {
    reasons.push_back(prefix + "missing \"label\"");
    return false;
  }
  if (!label->is_string()) {
    reasons.push_back(prefix + "label: " + ExpectedGot("a string", *label));
    return false;
  }
  const std::string& name = label->get_ref<const std::string&>();
  if (ok && std::find(question.labels.begin(), question.labels.end(), name) == question.labels.end()) {
    reasons.push_back(SpanName(span) + ": label " + Quoted(name) + " is not one of: " + JoinNames(question.labels));
  }
  return ok;
}

// Appends a reason when `span` is not within [0, length) or is empty; false then.
bool CheckBounds(const Span& span, int64_t length, std::vector<std::string>& reasons) {
  if (span.start < 0) {
    reasons.push_back(SpanName(span) + " starts before the text");
    return false;
  }
  if (span.end <= span.start) {
    reasons.push_back(SpanName(span) + " is empty (end must be greater than start)");
    return false;
  }
  if (span.end > length) {
    reasons.push_back(SpanName(span) + " ends past the text (length " + std::to_string(length) + ")");
    return false;
  }
  return true;
}

// A sweep in start order: each span is compared with the furthest-reaching span before it, so
// the check is O(n log n) even for an adversarially long answer. Each overlap is reported as
// "span <later index> overlaps span <earlier index>".
void CheckOverlaps(std::vector<Span> spans, std::vector<std::string>& reasons) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.start != b.start ? a.start < b.start : a.index < b.index;
  });
  const Span* reach = nullptr;
  for (const Span& span : spans) {
    if (reach != nullptr && span.start < reach->end) {
      const Span& later = span.index > reach->index ? span : *reach;
      const Span& earlier = span.index > reach->index ? *reach : span;
      reasons.push_back(SpanName(later) + " overlaps " + SpanName(earlier));
    }
    if (reach == nullptr || span.end > reach->end) reach = &span;
  }
}

}  // namespace

std::vector<std::string> CheckSpanAnswer(const QuestionSpec& question, const nlohmann::json& value,
                                         const nlohmann::json& record_fields) {
  if (!value.is_array()) return {ExpectedGot("an array of spans", value)};
  if (value.empty()) return {};
  const nlohmann::json* text = nullptr;
  if (record_fields.is_object()) {
    auto it = record_fields.find(question.field);
    if (it != record_fields.end() && it->is_string()) text = &*it;
  }
  if (text == nullptr) return {"the record has no text in field " + Quoted(question.field) + " for the spans to cover"};
  const int64_t length = static_cast<int64_t>(CountCodePoints(text->get_ref<const std::string&>()));

  std::vector<std::string> reasons;
  std::vector<Span> well_formed;
  for (std::size_t index = 0; index < value.size(); ++index) {
    Span span{index, 0, 0};
    if (ReadSpan(value[index], question, span, reasons) && CheckBounds(span, length, reasons))
      well_formed.push_back(span);
  }
  if (!question.allow_overlap) CheckOverlaps(std::move(well_formed), reasons);
  return reasons;
}

}  // namespace quorum
