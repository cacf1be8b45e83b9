// A `quorum serve` child process on a free port, for end-to-end tests of the server as a
// process (kill -9, memory while streaming).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <thread>

#include "cli_runner.h"

namespace quorum::testing {

class ServerProcess {
 public:
  // Starts `quorum --db DB serve --port 0`, its standard error to `log_path`, and waits for the
  // address it prints; port() is 0 when it did not come. `log_path` must be new: the port is
  // read from it.
  ServerProcess(const std::string& db, const std::string& log_path) {
    pid_ = ::fork();
    if (pid_ == 0) {
      int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(log, STDERR_FILENO);
      ::execl(QUORUM_BINARY, QUORUM_BINARY, "--db", db.c_str(), "serve", "--port", "0", nullptr);
      ::_exit(127);
    }
    // The server prints its address once it listens (waiting for start-up, not a timed check).
    // "at http://...": the database URL printed before it may hold a host and port too.
    const std::regex address("at http://127\\.0\\.0\\.1:([0-9]+)/");
    for (int attempt = 0; attempt < 400 && port_ == 0; ++attempt) {
      std::string text = ReadFile(log_path);
      std::smatch match;
      if (std::regex_search(text, match, address))
        port_ = static_cast<unsigned short>(std::stoi(match[1]));
      else
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  }
  ~ServerProcess() { Signal(SIGTERM); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Kills the server at once (SIGKILL) and waits for it.
  void Kill() { Signal(SIGKILL); }
  unsigned short port() const { return port_; }

  // A "VmRSS" or "VmHWM" (peak) figure of the server from /proc, in KiB; -1 when unreadable.
  long MemoryKib(const std::string& field) const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    for (std::string line; std::getline(status, line);)
      if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
    return -1;
  }

 private:
  void Signal(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

}  // namespace quorum::testing
