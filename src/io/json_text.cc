#include "io/json_text.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace quorum {
namespace {

// Bytes that JSON strings cannot hold as they are: controls, '"' and '\\'.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}();

// Whether any of the 8 bytes in `word` needs escaping: a control (< 0x20), '"' or '\\'. The
// classic "has a byte less than n" and "has a zero byte" tricks, exact for n <= 128.
inline bool WordNeedsEscape(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t control = (word - kOnes * 0x20) & ~word & kHigh;
  const uint64_t quote = word ^ (kOnes * '"'), backslash = word ^ (kOnes * '\\');
  return (control | ((quote - kOnes) & ~quote & kHigh) | ((backslash - kOnes) & ~backslash & kHigh)) != 0;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run_start = 0;
  for (std::size_t index = 0; index < text.size(); ++index) {
    // Long texts are mostly plain: skip 8 clean bytes at a time.
    while (index + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + index, sizeof word);
      if (WordNeedsEscape(word)) break;
      index += 8;
    }
    if (index >= text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[index]);
    if (!kNeedsEscape[c]) continue;
    out.append(text.substr(run_start, index - run_start));
    run_start = index + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xf]);
    }
  }
  out.append(text.substr(run_start));
  out.push_back('"');
}

void AppendJsonNumber(std::string& out, double number) {
  // nlohmann's serializer already picks the shortest round-trip form; reuse it so every writer
  // agrees with documents dumped by nlohmann.
  out += nlohmann::json(number).dump();
}

void AppendJson(std::string& out, const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out.push_back(',');
        first = false;
        AppendJsonString(out, key);
        out.push_back(':');
        AppendJson(out, item);
      }
      out.push_back('}');
      return;
    }
    case nlohmann::json::value_t::array: {
      out.push_back('[');
      bool first = true;
      for (const nlohmann::json& item : value) {
        if (!first) out.push_back(',');
        first = false;
        AppendJson(out, item);
      }
      out.push_back(']');
      return;
    }
    case nlohmann::json::value_t::string:
      AppendJsonString(out, value.get_ref<const std::string&>());
      return;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: {
      char digits[24];
      auto [end, error] = value.is_number_unsigned()
                              ? std::to_chars(digits, digits + sizeof digits, value.get<uint64_t>())
                              : std::to_chars(digits, digits + sizeof digits, value.get<int64_t>());
      (void)error;  // 24 bytes always fit a 64-bit integer
      out.append(digits, end);
      return;
    }
    case nlohmann::json::value_t::number_float:
      AppendJsonNumber(out, value.get<double>());
      return;
    case nlohmann::json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    default:  // null, and the discarded/binary kinds that parsed JSON never holds
      out += "null";
      return;
  }
}

}  // namespace quorum
