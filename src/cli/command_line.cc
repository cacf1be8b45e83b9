#include "cli/command_line.h"

#include <algorithm>

namespace quorum {

Result<ParsedArgs> ParsedArgs::Parse(std::span<const std::string> args, std::span<const OptionSpec> options) {
  ParsedArgs parsed;
  bool options_ended = false;
  for (std::size_t index = 0; index < args.size(); ++index) {
    const std::string& arg = args[index];
    if (options_ended || arg.size() < 3 || arg.rfind("--", 0) != 0) {
      if (arg == "--") {
        options_ended = true;
        continue;
      }
      parsed.positionals_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (std::size_t equals = name.find('='); equals != std::string::npos) {
      inline_value = name.substr(equals + 1);
      name.resize(equals);
    }
    auto spec = std::find_if(options.begin(), options.end(), [&](const OptionSpec& o) { return o.name == name; });
    if (spec == options.end()) return MakeError(ErrorCode::kInvalid, "unknown option --" + name);
    if (parsed.Has(name)) return MakeError(ErrorCode::kInvalid, "option --" + name + " is given twice");
    if (spec->value_name.empty()) {
      if (inline_value) return MakeError(ErrorCode::kInvalid, "option --" + name + " takes no value");
      parsed.values_.emplace(name, "");
      continue;
    }
    if (!inline_value) {
      if (index + 1 >= args.size())
        return MakeError(ErrorCode::kInvalid,
                         "option --" + name + " needs a value (" + std::string(spec->value_name) + ")");
      inline_value = args[++index];
    }
    parsed.values_.emplace(name, *inline_value);
  }
  return parsed;
}

std::optional<std::string> ParsedArgs::Get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

}  // namespace quorum
