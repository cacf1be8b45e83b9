// What the benchmarks share: the common command line, and running one phase in a child process
// so that its peak RSS (from wait4) is its own and not the parent's or an earlier phase's.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace quorum::bench {

// What a phase reports from inside the child.
struct PhaseFigures {
  double seconds = 0;
  int64_t records = 0;  // negative: the phase failed
  double rss_before_mb = 0;
};

struct PhaseResult : PhaseFigures {
  long peak_rss_kib = 0;
  double cpu_seconds = 0;  // the child's user + system time (the whole child, setup included)
  bool ok = false;  // the child exited 0 and reported its figures
};

// Forks, runs `work` in the child, and returns its figures with the child's peak RSS.
PhaseResult RunPhase(const std::function<PhaseFigures()>& work);

// The calling process's resident set now, from /proc/self/status (0 when unreadable).
double CurrentRssMb();

double SecondsSince(std::chrono::steady_clock::time_point start);

// [--records N] [--dir DIR] [--keep]
struct BenchArgs {
  int64_t records = 1'000'000;
  std::string dir;  // default: the system's temporary directory
  bool keep = false;  // keep the generated files and databases
};

// nullopt (after printing "usage: NAME [--records N] [--dir DIR] [--keep]") for anything else.
std::optional<BenchArgs> ParseBenchArgs(int argc, char** argv, const char* name);

}  // namespace quorum::bench
