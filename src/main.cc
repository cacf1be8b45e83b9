// The quorum executable: hands the command line to the CLI.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  const char* env_db = std::getenv("QUORUM_DB");
  const std::string default_db = env_db != nullptr && *env_db != '\0' ? env_db : "quorum.db";
  return quorum::RunCli(args, default_db, std::cout, std::cerr);
}
