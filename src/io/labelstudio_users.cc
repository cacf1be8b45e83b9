#include "io/labelstudio_users.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace quorum {
namespace {

constexpr std::string_view kPrefix = "labelstudio-user-";
constexpr std::string_view kSuffix = "@import.local";

}  // namespace

std::string LabelStudioUserEmail(int64_t id) {
  return std::string(kPrefix) + std::to_string(id) + std::string(kSuffix);
}

std::optional<int64_t> LabelStudioUserId(std::string_view email) {
  std::string lower(email);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.size() <= kPrefix.size() + kSuffix.size() || !lower.starts_with(kPrefix) || !lower.ends_with(kSuffix))
    return std::nullopt;
  std::string_view digits = std::string_view(lower).substr(kPrefix.size(), lower.size() - kPrefix.size() - kSuffix.size());
  int64_t id = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (error != std::errc() || end != digits.data() + digits.size() || digits.front() == '-') return std::nullopt;
  return id;
}

}  // namespace quorum
