// The time source. Code that stamps times takes a Clock so tests can inject one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

// Reads what FormatTimestamp writes ("2026-11-25T08:45:00.123Z"; the fraction is optional and
// may have 1 to 9 digits; "+00:00" may replace "Z"). nullopt for anything else.
std::optional<int64_t> ParseTimestamp(std::string_view text);

}  // namespace quorum
