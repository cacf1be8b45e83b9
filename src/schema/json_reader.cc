#include "schema/json_reader.h"

#include <algorithm>

#include "core/problem_text.h"

namespace quorum {

void JsonReader::Report(std::string path, std::string reason) {
  problems_.push_back(Problem{source_, std::move(path), std::move(reason)});
}

std::string JsonReader::Index(std::string_view path, std::size_t index) {
  std::string out(path);
  out += '[';
  out += std::to_string(index);
  out += ']';
  return out;
}

std::string JsonReader::Member(std::string_view path, std::string_view key) {
  std::string out(path);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}

const nlohmann::json* JsonReader::Find(const nlohmann::json& object, std::string_view path, std::string_view key,
                                       bool required) {
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) Report(Member(path, key), "missing (required)");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonReader::String(const nlohmann::json& object, std::string_view path,
                                              std::string_view key, bool required) {
  const nlohmann::json* value = Find(object, path, key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    Report(Member(path, key), ExpectedGot("a string", *value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<bool> JsonReader::Bool(const nlohmann::json& object, std::string_view path, std::string_view key) {
  const nlohmann::json* value = Find(object, path, key, false);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    Report(Member(path, key), ExpectedGot("true or false", *value));
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<double> JsonReader::Number(const nlohmann::json& object, std::string_view path, std::string_view key) {
  const nlohmann::json* value = Find(object, path, key, false);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    Report(Member(path, key), ExpectedGot("a number", *value));
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<std::vector<std::string>> JsonReader::StringArray(const nlohmann::json& object, std::string_view path,
                                                                std::string_view key) {
  const nlohmann::json* value = Find(object, path, key, false);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) {
    Report(Member(path, key), ExpectedGot("an array of strings", *value));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t index = 0; index < value->size(); ++index) {
    const nlohmann::json& item = (*value)[index];
    if (!item.is_string()) {
      Report(Member(path, key), "expected an array of strings; item " + std::to_string(index) + " is of type " +
                                    item.type_name());
      return std::nullopt;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<std::vector<double>> JsonReader::NumberArray(const nlohmann::json& object, std::string_view path,
                                                           std::string_view key) {
  const nlohmann::json* value = Find(object, path, key, false);
  if (value == nullptr) return std::nullopt;
  if (!value->is_array()) {
    Report(Member(path, key), ExpectedGot("an array of numbers", *value));
    return std::nullopt;
  }
  std::vector<double> out;
  for (std::size_t index = 0; index < value->size(); ++index) {
    const nlohmann::json& item = (*value)[index];
    if (!item.is_number()) {
      Report(Member(path, key), "expected an array of numbers; item " + std::to_string(index) + " is of type " +
                                    item.type_name());
      return std::nullopt;
    }
    out.push_back(item.get<double>());
  }
  return out;
}

const nlohmann::json* JsonReader::Array(const nlohmann::json& object, std::string_view path, std::string_view key,
                                        bool required) {
  const nlohmann::json* value = Find(object, path, key, required);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    Report(Member(path, key), ExpectedGot("an array", *value));
    return nullptr;
  }
  return value;
}

void JsonReader::CheckKeys(const nlohmann::json& object, std::string_view path,
                           const std::vector<std::string_view>& known, const std::vector<std::string_view>& misplaced,
                           std::string_view misplaced_reason) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (std::find(misplaced.begin(), misplaced.end(), key) != misplaced.end())
      Report(Member(path, key), std::string(misplaced_reason));
    else
      Report(Member(path, key), "unknown key");
  }
}

}  // namespace quorum
