#include "io/json_text.h"

#include <nlohmann/json.hpp>

namespace quorum {

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run_start = 0;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const unsigned char c = static_cast<unsigned char>(text[index]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
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

}  // namespace quorum
