#include "bench_support.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace quorum::bench {

PhaseResult RunPhase(const std::function<PhaseFigures()>& work) {
  std::fflush(stdout);  // or the child would print the parent's buffered lines again
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) std::abort();
  pid_t child = ::fork();
  if (child == 0) {
    ::close(pipe_fds[0]);
    const PhaseFigures figures = work();
    double message[3] = {figures.seconds, static_cast<double>(figures.records), figures.rss_before_mb};
    if (::write(pipe_fds[1], message, sizeof message) != sizeof message) ::_exit(3);
    ::_exit(figures.records >= 0 ? 0 : 1);
  }
  ::close(pipe_fds[1]);
  double message[3] = {0, 0, 0};
  ssize_t got = ::read(pipe_fds[0], message, sizeof message);
  ::close(pipe_fds[0]);
  int status = 0;
  rusage usage{};
  ::wait4(child, &status, 0, &usage);
  PhaseResult result;
  result.ok = got == sizeof message && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  result.seconds = message[0];
  result.records = static_cast<int64_t>(message[1]);
  result.rss_before_mb = message[2];
  result.peak_rss_kib = usage.ru_maxrss;
  result.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return result;
}

double CurrentRssMb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  return 0;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::optional<BenchArgs> ParseBenchArgs(int argc, char** argv, const char* name) {
  BenchArgs args;
  args.dir = std::filesystem::temp_directory_path().string();
  for (int index = 1; index < argc; ++index) {
    if (std::strcmp(argv[index], "--records") == 0 && index + 1 < argc) args.records = std::atoll(argv[++index]);
    else if (std::strcmp(argv[index], "--dir") == 0 && index + 1 < argc) args.dir = argv[++index];
    else if (std::strcmp(argv[index], "--keep") == 0) args.keep = true;
    else {
      std::fprintf(stderr, "usage: %s [--records N] [--dir DIR] [--keep]\n", name);
      return std::nullopt;
    }
  }
  return args;
}

}  // namespace quorum::bench
