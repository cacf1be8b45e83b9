#include "core/problem_text.h"

#include <charconv>
#include <cmath>

#include "core/utf8.h"

namespace quorum {
namespace {

constexpr std::size_t kMaxQuotedBytes = 60;

std::string Subject(std::string_view noun, std::string_view name) {
  std::string out(noun);
  out += ' ';
  out += Quoted(name);
  return out;
}

}  // namespace

std::string Quoted(std::string_view text) {
  std::string out = "'";
  if (text.size() > kMaxQuotedBytes) {
    out += Utf8Prefix(text, kMaxQuotedBytes);
    out += "...";
  } else {
    out += text;
  }
  out += '\'';
  return out;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return "?";
  return std::string(buffer, end);
}

std::string JoinNumbers(const std::vector<double>& values) {
  std::string out;
  for (double value : values) {
    if (!out.empty()) out += ", ";
    out += FormatNumber(value);
  }
  return out;
}

std::string DescribeValue(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::string: return Quoted(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::number_integer: return std::to_string(value.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: return std::to_string(value.get<uint64_t>());
    case nlohmann::json::value_t::number_float: return FormatNumber(value.get<double>());
    case nlohmann::json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return value.type_name();
  }
}

std::string ExpectedGot(std::string_view what, const nlohmann::json& value) {
  std::string out = "expected ";
  out += what;
  out += ", got ";
  out += value.type_name();
  return out;
}

std::string FieldSubject(std::string_view name) { return Subject("field", name); }
std::string QuestionSubject(std::string_view name) { return Subject("question", name); }
std::string MetadataSubject(std::string_view name) { return Subject("metadata", name); }

std::string UnnamedSubject(std::string_view list, std::size_t index) {
  std::string out(list);
  out += '[';
  out += std::to_string(index);
  out += ']';
  return out;
}

}  // namespace quorum
