// The command definitions, one function per command file. commands.cc lists them in order.
#pragma once

#include "cli/command.h"

namespace quorum {

CommandSpec InitCommand();
CommandSpec DemoCommand();
CommandSpec UserAddCommand();
CommandSpec UserListCommand();
CommandSpec ProjectCreateCommand();
CommandSpec ProjectListCommand();
CommandSpec ProjectShowCommand();
CommandSpec ProjectSettingsCommand();
CommandSpec ProjectTemplatesCommand();
CommandSpec ImportCommand();
CommandSpec ExportCommand();
CommandSpec ServeCommand();
CommandSpec TokenCreateCommand();
CommandSpec AgreementCommand();
CommandSpec AggregateCommand();
CommandSpec AnnotatorsCommand();
CommandSpec MigrateCommand();
CommandSpec QueueCommand();
CommandSpec ReinstateCommand();
CommandSpec UncertaintyCommand();
CommandSpec ReviewCommand();

}  // namespace quorum
