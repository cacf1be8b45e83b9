// Password hashing (Argon2id) and generation.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace quorum {

// Hashes `password` with Argon2id (t=3, m=64 MiB, p=1, 16-byte random salt) and returns the
// encoded form ("$argon2id$v=19$m=65536,t=3,p=1$..."), which carries its own parameters.
// kInternal if the system's random source or libargon2 fails. Thread-safe.
Result<std::string> HashPassword(std::string_view password);

// True when `password` matches `encoded_hash` (as HashPassword made it); false for a wrong
// password or a malformed hash. Thread-safe.
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

// A random password of `length` characters from an alphabet without look-alikes (no 0/O, 1/l/I).
// kInternal if the system's random source fails.
Result<std::string> GeneratePassword(int length = 20);

}  // namespace quorum
