#include "cli/cli.h"

#include <algorithm>
#include <iomanip>
#include <ostream>

#include "cli/command.h"

namespace quorum {
namespace {

constexpr std::string_view kVersion = "0.1.0";

// Options every command accepts besides its own.
const std::vector<OptionSpec>& CommonOptions() {
  static const std::vector<OptionSpec> options = {
      {"db", "URL",
       "the database: a SQLite file path or postgres://user:pass@host:port/dbname (default: $QUORUM_DB, else "
       "./quorum.db)"},
      {"help", "", "show this help"},
  };
  return options;
}

void PrintOverview(std::ostream& out) {
  out << "Quorum " << kVersion << ": annotation server for LLM training data.\n\n"
      << "usage: quorum [--db URL] COMMAND [OPTIONS]\n\ncommands:\n";
  std::size_t width = 0;
  for (const CommandSpec& command : AllCommands()) width = std::max(width, command.name.size());
  for (const CommandSpec& command : AllCommands())
    out << "  " << std::left << std::setw(static_cast<int>(width) + 2) << command.name << command.summary << "\n";
  out << "\nThe database defaults to $QUORUM_DB, else ./quorum.db.\n"
      << "Run 'quorum COMMAND --help' for a command's options.\n";
}

void PrintCommandHelp(const CommandSpec& command, std::ostream& out) {
  out << "usage: quorum [--db URL] " << command.name;
  if (!command.usage.empty()) out << " " << command.usage;
  out << "\n\n" << command.summary << "\n";
  if (!command.details.empty()) out << "\n" << command.details << "\n";
  std::vector<OptionSpec> all = command.options;
  all.insert(all.end(), CommonOptions().begin(), CommonOptions().end());
  std::size_t width = 0;
  auto label = [](const OptionSpec& option) {
    std::string text = "--" + std::string(option.name);
    if (!option.value_name.empty()) text += " " + std::string(option.value_name);
    return text;
  };
  for (const OptionSpec& option : all) width = std::max(width, label(option).size());
  out << "\noptions:\n";
  for (const OptionSpec& option : all)
    out << "  " << std::left << std::setw(static_cast<int>(width) + 2) << label(option) << option.help << "\n";
}

// The command named by the first one or two words of `args`; sets `words` to how many it used.
const CommandSpec* FindCommand(const std::vector<std::string>& args, std::size_t start, std::size_t& words) {
  for (std::size_t count : {std::size_t{2}, std::size_t{1}}) {
    if (start + count > args.size()) continue;
    std::string name = args[start];
    if (count == 2) name += " " + args[start + 1];
    for (const CommandSpec& command : AllCommands()) {
      if (command.name == name) {
        words = count;
        return &command;
      }
    }
  }
  return nullptr;
}

// Names of the commands that start with `word`, for "did you mean" messages.
std::string CommandsStartingWith(const std::string& word) {
  std::string names;
  for (const CommandSpec& command : AllCommands()) {
    if (command.name.rfind(word + " ", 0) != 0) continue;
    if (!names.empty()) names += ", ";
    names += "'" + std::string(command.name) + "'";
  }
  return names;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, const std::string& default_db, std::ostream& out, std::ostream& err,
           const Clock& clock) {
  std::string db = default_db;
  std::size_t index = 0;
  for (; index < args.size() && args[index].rfind("-", 0) == 0; ++index) {
    const std::string& arg = args[index];
    if (arg == "--help" || arg == "-h") {
      PrintOverview(out);
      return 0;
    }
    if (arg == "--version") {
      out << "quorum " << kVersion << "\n";
      return 0;
    }
    if (arg == "--db" && index + 1 < args.size()) {
      db = args[++index];
    } else if (arg.rfind("--db=", 0) == 0) {
      db = arg.substr(5);
    } else {
      err << "quorum: unknown option " << arg << "\nRun 'quorum --help' for the commands.\n";
      return 2;
    }
  }
  if (index == args.size()) {
    PrintOverview(err);
    return 2;
  }
  std::size_t words = 0;
  const CommandSpec* command = FindCommand(args, index, words);
  if (command == nullptr) {
    std::string candidates = CommandsStartingWith(args[index]);
    err << "quorum: unknown command '" << args[index] << "'";
    if (!candidates.empty()) err << "; did you mean " << candidates << "?";
    err << "\nRun 'quorum --help' for the commands.\n";
    return 2;
  }
  std::vector<OptionSpec> options = command->options;
  options.insert(options.end(), CommonOptions().begin(), CommonOptions().end());
  std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(index + words), args.end());
  Result<ParsedArgs> parsed = ParsedArgs::Parse(rest, options);
  if (!parsed.ok()) {
    err << "quorum " << command->name << ": " << parsed.error().message << "\nRun 'quorum " << command->name
        << " --help' for its options.\n";
    return 2;
  }
  if (parsed->Has("help")) {
    PrintCommandHelp(*command, out);
    return 0;
  }
  if (auto db_option = parsed->Get("db")) db = *db_option;
  CommandContext context(db, out, err, clock);
  Status status = command->run(context, *parsed);
  if (!status.ok()) {
    err << "quorum " << command->name << ": " << status.error().ToString() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace quorum
