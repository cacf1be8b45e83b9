// A person who uses Quorum. Roles are per workspace (see workspace.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace quorum {

struct User {
  int64_t id = 0;
  std::string email;  // unique, compared case-insensitively (stored lower-case)
  std::string name;
  std::string password_hash;  // Argon2id encoded hash; empty when the user cannot log in
  int tier = 0;               // qualification level; records may require a minimum tier
  std::vector<std::string> specializations;  // tags such as "medical", "code"
  int64_t created_at_ms = 0;
};

}  // namespace quorum
