#include "store/open_store.h"

#include <string_view>

#include "store/postgres/open_postgres_store.h"
#include "store/postgres/pg_url.h"
#include "store/sqlite/open_sqlite_store.h"

namespace quorum {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const Clock& clock) {
  std::string_view view(url);
  if (view.starts_with("postgres://") || view.starts_with("postgresql://")) {
    // The password must never reach a message: only the redacted URL is ever quoted.
    if (view.substr(view.find("://") + 3).empty())
      return MakeError(ErrorCode::kInvalid, "database URL '" + postgres::RedactPassword(url) +
                                                "' names no server (expected postgres://user:password@host:port/dbname)");
    return OpenPostgresStore(url, clock);
  }
  std::string path;
  if (view.starts_with("sqlite://")) {
    path = view.substr(9);  // "sqlite:///abs/path" and "sqlite://rel/path", as URLs are written
  } else if (view.starts_with("sqlite:")) {
    path = view.substr(7);
  } else if (size_t scheme_end = view.find("://"); scheme_end != std::string_view::npos) {
    return MakeError(ErrorCode::kInvalid, "unknown database URL scheme '" + std::string(view.substr(0, scheme_end)) +
                                              "' (expected a file path, sqlite:PATH or postgres://...)");
  } else {
    path = url;
  }
  if (path.empty()) return MakeError(ErrorCode::kInvalid, "database URL '" + url + "' names no file");
  return OpenSqliteStore(path, clock);
}

}  // namespace quorum
