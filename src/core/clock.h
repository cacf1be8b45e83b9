// The time source. Code that stamps times takes a Clock so tests can inject one.
#pragma once

#include <cstdint>
#include <string>

namespace quorum {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since the Unix epoch. Thread-safe.
  virtual int64_t NowMs() const = 0;
};

// The system's real-time clock. Thread-safe; one shared instance.
const Clock& SystemClock();

// Formats `ms` since the epoch as UTC ISO 8601 with milliseconds: "2026-11-25T08:45:00.123Z".
std::string FormatTimestamp(int64_t ms);

}  // namespace quorum
