#include "export/answer_reader.h"

#include <algorithm>
#include <cstring>

namespace quorum {
namespace {

bool NumberOf(simdjson::dom::element value, double& number) {
  if (value.is_int64()) number = static_cast<double>(value.get_int64().value_unsafe());
  else if (value.is_uint64()) number = static_cast<double>(value.get_uint64().value_unsafe());
  else if (value.is_double()) number = value.get_double().value_unsafe();
  else return false;
  return true;
}

int32_t IndexOf(const std::vector<std::string>& names, std::string_view name) {
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int32_t>(it - names.begin());
}

}  // namespace

bool AnswerReader::Find(std::string_view values_json, simdjson::dom::element& value) {
  // simdjson reads SIMDJSON_PADDING bytes past the text; the store's views have none.
  if (buffer_.size() < values_json.size() + simdjson::SIMDJSON_PADDING)
    buffer_.resize(values_json.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(buffer_.data(), values_json.data(), values_json.size());
  simdjson::dom::element root;
  if (parser_.parse(buffer_.data(), values_json.size(), false).get(root) != simdjson::SUCCESS) return false;
  return root[question_.name].get(value) == simdjson::SUCCESS;
}

int32_t AnswerReader::Code(std::string_view values_json) {
  // A parse costs more than comparing a response's short text with a few others.
  for (const KnownText& known : known_texts_)
    if (known.values_json == values_json) return known.code;
  const int32_t code = Parse(values_json);
  if (known_texts_.size() < kKnownTexts) known_texts_.push_back(KnownText{std::string(values_json), code});
  return code;
}

int32_t AnswerReader::Parse(std::string_view values_json) {
  simdjson::dom::element value;
  if (!Find(values_json, value)) return -1;
  switch (question_.kind) {
    case QuestionKind::kLabel: {
      std::string_view label;
      return value.get(label) == simdjson::SUCCESS ? IndexOf(scale_.names, label) : -1;
    }
    case QuestionKind::kRating: {
      double number = 0;
      if (!NumberOf(value, number)) return -1;
      auto it = std::lower_bound(scale_.values.begin(), scale_.values.end(), number);
      return it != scale_.values.end() && *it == number ? static_cast<int32_t>(it - scale_.values.begin()) : -1;
    }
    case QuestionKind::kPreference: {
      if (question_.scale == PreferenceScale::kFivePoint) {
        double number = 0;
        if (!NumberOf(value, number) || number < -2 || number > 2 || number != static_cast<int>(number)) return -1;
        return static_cast<int32_t>(number) + 2;
      }
      std::string_view option;
      return value.get(option) == simdjson::SUCCESS ? IndexOf(scale_.names, option) : -1;
    }
    default: return -1;
  }
}

bool AnswerReader::Ranking(std::string_view values_json, std::vector<int32_t>& order) {
  order.clear();
  simdjson::dom::element value;
  if (!Find(values_json, value) || !value.is_array()) return false;
  const simdjson::dom::array items = value.get_array().value_unsafe();  // named: the loop must not outlive it
  for (simdjson::dom::element item : items) {
    std::string_view option;
    if (item.get(option) != simdjson::SUCCESS) return false;
    const int32_t index = IndexOf(question_.options, option);
    if (index < 0 || std::find(order.begin(), order.end(), index) != order.end()) return false;
    order.push_back(index);
  }
  return order.size() == question_.options.size();
}

bool AnswerReader::Text(std::string_view values_json, std::string& text) {
  simdjson::dom::element value;
  std::string_view answer;
  if (!Find(values_json, value) || value.get(answer) != simdjson::SUCCESS) return false;
  if (std::all_of(answer.begin(), answer.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }))
    return false;
  text.assign(answer);
  return true;
}

}  // namespace quorum
