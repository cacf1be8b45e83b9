// Parsing a command's arguments against its declared options.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace quorum {

struct OptionSpec {
  std::string_view name;        // without dashes: "name" for --name
  std::string_view value_name;  // "N"; empty for a flag that takes no value
  std::string_view help;
};

// What the user typed for one command, checked against its OptionSpecs.
class ParsedArgs {
 public:
  // Splits `args` into options and positionals. "--opt value" and "--opt=value" both work;
  // "--" ends options. kInvalid naming the option for an unknown option, a missing value, a
  // value given to a flag, or an option given twice.
  static Result<ParsedArgs> Parse(std::span<const std::string> args, std::span<const OptionSpec> options);

  bool Has(std::string_view name) const { return values_.count(std::string(name)) > 0; }
  // The option's value, or nullopt when it was not given.
  std::optional<std::string> Get(std::string_view name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::string, std::less<>> values_;
  std::vector<std::string> positionals_;
};

}  // namespace quorum
