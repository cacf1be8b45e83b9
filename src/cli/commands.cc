#include "cli/commands.h"

namespace quorum {

const std::vector<CommandSpec>& AllCommands() {
  static const std::vector<CommandSpec> commands = {
      InitCommand(),          DemoCommand(),           UserAddCommand(),         UserListCommand(),
      ProjectCreateCommand(), ProjectListCommand(),    ProjectShowCommand(),     ProjectSettingsCommand(),
      ProjectTemplatesCommand(), ImportCommand(),      ExportCommand(),
      ServeCommand(),         TokenCreateCommand(),
      AgreementCommand(),     AggregateCommand(),      AnnotatorsCommand(),
      MigrateCommand(),
      QueueCommand(),         ReinstateCommand(),      UncertaintyCommand(),
      ReviewCommand(),
  };
  return commands;
}

}  // namespace quorum
