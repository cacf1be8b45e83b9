// Random secrets (session ids, API keys, CSRF tokens) and the hashes stored in their place.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace quorum {

// `bytes` random bytes from the system's source, as lower-case hex (2 * bytes characters).
// kInternal if the random source fails. Thread-safe.
Result<std::string> RandomHex(int bytes);

// Lower-case hex SHA-256 of `text`. Session ids and API keys are stored only as this hash:
// they are long random strings, so a fast hash is enough (no salt or stretching needed).
std::string Sha256Hex(std::string_view text);

// Compares two strings in time independent of where they differ (for CSRF tokens).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace quorum
