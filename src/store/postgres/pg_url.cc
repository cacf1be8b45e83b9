#include "store/postgres/pg_url.h"

#include <charconv>
#include <string_view>

namespace quorum::postgres {
namespace {

constexpr std::string_view kPoolSize = "pool_size=";

}  // namespace

std::string RedactPassword(const std::string& url) {
  std::string redacted = url;
  size_t scheme = redacted.find("://");
  if (scheme != std::string::npos) {
    size_t authority = scheme + 3;
    size_t at = redacted.find('@', authority);
    size_t slash = redacted.find('/', authority);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      size_t colon = redacted.find(':', authority);
      if (colon != std::string::npos && colon < at) redacted.replace(colon + 1, at - colon - 1, "***");
    }
  }
  size_t password = redacted.find("password=");
  if (password != std::string::npos) {
    size_t start = password + 9;
    size_t end = redacted.find_first_of("& ", start);
    redacted.replace(start, (end == std::string::npos ? redacted.size() : end) - start, "***");
  }
  return redacted;
}

Result<PgUrl> ParsePgUrl(const std::string& url) {
  PgUrl parsed;
  size_t query = url.find('?');
  if (query == std::string::npos) {
    parsed.conninfo = url;
    return parsed;
  }
  std::string kept = url.substr(0, query);
  char separator = '?';
  std::string_view rest = std::string_view(url).substr(query + 1);
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view param = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (param.starts_with(kPoolSize)) {
      std::string_view value = param.substr(kPoolSize.size());
      int size = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), size);
      if (error != std::errc() || end != value.data() + value.size() || size < 1 || size > 256)
        return MakeError(ErrorCode::kInvalid, "database URL '" + RedactPassword(url) + "': pool_size must be a number from 1 to 256, not '" +
                                                  std::string(value) + "'");
      parsed.pool_size = size;
      continue;
    }
    if (param.empty()) continue;
    kept += separator;
    kept += param;
    separator = '&';
  }
  parsed.conninfo = std::move(kept);
  return parsed;
}

}  // namespace quorum::postgres
