// The `quorum` command line: global options, dispatch to a command, help and errors.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/clock.h"

namespace quorum {

// Runs `quorum ARGS...` (args excludes the program name). `default_db` is what --db defaults
// to (the QUORUM_DB environment variable, else "quorum.db"). Writes to `out`/`err`; returns the
// exit status: 0 success, 1 the command failed, 2 the command line was wrong.
int RunCli(const std::vector<std::string>& args, const std::string& default_db, std::ostream& out,
           std::ostream& err, const Clock& clock = SystemClock());

}  // namespace quorum
