#include "auth/password.h"

#include <argon2.h>
#include <sys/random.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace quorum {
namespace {

constexpr uint32_t kTimeCost = 3;
constexpr uint32_t kMemoryKib = 64 * 1024;
constexpr uint32_t kParallelism = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

Status FillRandom(unsigned char* out, std::size_t size) {
  while (size > 0) {
    ssize_t got = ::getrandom(out, size, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return MakeError(ErrorCode::kInternal, std::string("getrandom failed: ") + std::strerror(errno));
    }
    out += got;
    size -= static_cast<std::size_t>(got);
  }
  return OkStatus();
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  unsigned char salt[kSaltBytes];
  QUORUM_RETURN_IF_ERROR(FillRandom(salt, sizeof salt));
  const std::size_t encoded_length =
      argon2_encodedlen(kTimeCost, kMemoryKib, kParallelism, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(encoded_length, '\0');
  int rc = argon2id_hash_encoded(kTimeCost, kMemoryKib, kParallelism, password.data(), password.size(), salt,
                                 sizeof salt, kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) return MakeError(ErrorCode::kInternal, std::string("argon2: ") + argon2_error_message(rc));
  encoded.resize(std::strlen(encoded.c_str()));
  return encoded;
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
  if (encoded_hash.empty()) return false;
  return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

Result<std::string> GeneratePassword(int length) {
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  constexpr unsigned kAlphabetSize = sizeof kAlphabet - 1;  // 56
  std::string password;
  while (static_cast<int>(password.size()) < length) {
    unsigned char byte = 0;
    QUORUM_RETURN_IF_ERROR(FillRandom(&byte, 1));
    // Rejection sampling keeps every character equally likely.
    if (byte >= 256 / kAlphabetSize * kAlphabetSize) continue;
    password.push_back(kAlphabet[byte % kAlphabetSize]);
  }
  return password;
}

}  // namespace quorum
