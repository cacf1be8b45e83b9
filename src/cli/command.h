// A CLI command: its name, its options, and the function that runs it. Commands are listed
// explicitly in commands.cc; adding one means adding its file and one line there.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_line.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace quorum {

// What a running command may use. The store is opened on first use, so commands such as
// --help never touch the database. Not thread-safe.
class CommandContext {
 public:
  CommandContext(std::string db_url, std::ostream& out, std::ostream& err, const Clock& clock)
      : db_url_(std::move(db_url)), out_(out), err_(err), clock_(clock) {}

  // The store at the --db URL, opened (and migrated) on first call. kIo/kInvalid from OpenStore.
  Result<Store*> store();
  const std::string& db_url() const { return db_url_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  const Clock& clock() const { return clock_; }

 private:
  std::string db_url_;
  std::ostream& out_;
  std::ostream& err_;
  const Clock& clock_;
  std::unique_ptr<Store> store_;
};

struct CommandSpec {
  std::string_view name;        // one or two words: "init", "project create"
  std::string_view summary;     // one line for the command list
  std::string_view usage;       // the arguments after the name: "--name N (--template T | --schema FILE)"
  std::string_view details;     // paragraphs shown by --help; may be empty
  std::vector<OptionSpec> options;
  // Runs the command; a returned Error is printed by the dispatcher and exits with status 1.
  Status (*run)(CommandContext& context, const ParsedArgs& args);
};

// Every command, in the order `quorum --help` lists them.
const std::vector<CommandSpec>& AllCommands();

}  // namespace quorum
