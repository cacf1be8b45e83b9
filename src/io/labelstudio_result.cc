#include "io/labelstudio_result.h"

#include <algorithm>
#include <cctype>

#include "core/problem_text.h"
#include "core/validation.h"

namespace quorum {
namespace {

using nlohmann::json;

// The code points [start, end) of `text`; empty when the range is not inside it.
std::string CodePointSlice(const std::string& text, int64_t start, int64_t end) {
  std::size_t byte = 0;
  int64_t index = 0;
  std::size_t begin_byte = std::string::npos;
  while (true) {
    if (index == start) begin_byte = byte;
    if (index == end) return begin_byte == std::string::npos ? "" : text.substr(begin_byte, byte - begin_byte);
    if (byte >= text.size()) return "";
    ++byte;
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
    ++index;
  }
}

json Item(const ControlBinding& control, std::string id, json value, std::string_view origin) {
  json item{{"id", std::move(id)},
            {"type", LabelStudioResultType(control.tag)},
            {"from_name", control.name},
            {"to_name", control.target},
            {"value", std::move(value)}};
  if (!origin.empty()) item["origin"] = origin;
  return item;
}

// The regions of a span answer: one per span, or, when the Labels allow several labels per
// region, one per distinct [start, end) holding all its labels.
void AppendSpans(const ControlBinding& control, const QuestionSpec& question, const json& spans,
                 const json& record_fields, std::string_view origin, json& result) {
  std::string text;
  if (auto it = record_fields.find(question.field); it != record_fields.end() && it->is_string()) text = *it;
  std::vector<json> regions;
  for (const json& span : spans) {
    if (!span.is_object() || !span.contains("label") || !span.value("start", json()).is_number_integer() ||
        !span.value("end", json()).is_number_integer())
      continue;
    const int64_t start = span["start"].get<int64_t>();
    const int64_t end = span["end"].get<int64_t>();
    if (control.multiple) {
      auto same = std::find_if(regions.begin(), regions.end(), [&](const json& region) {
        return region["start"] == start && region["end"] == end;
      });
      if (same != regions.end()) {
        (*same)["labels"].push_back(span["label"]);
        continue;
      }
    }
    regions.push_back(json{{"start", start}, {"end", end}, {"text", CodePointSlice(text, start, end)},
                           {"labels", json::array({span["label"]})}});
  }
  for (std::size_t index = 0; index < regions.size(); ++index)
    result.push_back(Item(control, control.name + "_" + std::to_string(index + 1), std::move(regions[index]), origin));
}

// The Label Studio value for one (non-span) answer, or null when the answer does not fit.
json ExportValue(const ControlBinding& control, const QuestionSpec& question, const json& answer) {
  switch (control.tag) {
    case LabelStudioControl::kChoices:
      if (!control.choice_answers.empty()) {
        for (const auto& [choice, stands_for] : control.choice_answers)
          if (stands_for == answer) return json{{"choices", json::array({choice})}};
        return nullptr;
      }
      return json{{"choices", control.multiple ? answer : json::array({answer})}};
    case LabelStudioControl::kRating: return json{{"rating", answer}};
    case LabelStudioControl::kNumber: return json{{"number", answer}};
    case LabelStudioControl::kTextArea: return json{{"text", json::array({answer})}};
    case LabelStudioControl::kPairwise:
      if (question.options.size() == 2 && answer == question.options[0]) return json{{"selected", "left"}};
      if (question.options.size() == 2 && answer == question.options[1]) return json{{"selected", "right"}};
      return nullptr;
    case LabelStudioControl::kRanker: return json{{"ranker", json{{control.name, answer}}}};
    case LabelStudioControl::kLabels: return nullptr;
  }
  return nullptr;
}

}  // namespace

json ValuesToResult(const LabelConfig& config, const json& values, const json& record_fields, std::string_view origin) {
  json result = json::array();
  if (!values.is_object()) return result;
  for (const QuestionSpec& question : config.schema.questions) {
    const ControlBinding* found = config.FindControl(question.name);
    if (found == nullptr) continue;
    const ControlBinding& control = *found;
    auto answer = values.find(question.name);
    if (answer == values.end() || IsEmptyAnswer(question, *answer)) continue;
    if (control.tag == LabelStudioControl::kLabels) {
      if (answer->is_array()) AppendSpans(control, question, *answer, record_fields, origin, result);
      continue;
    }
    json value = ExportValue(control, question, *answer);
    if (!value.is_null()) result.push_back(Item(control, control.name, std::move(value), origin));
  }
  return result;
}

}  // namespace quorum
