#include "http/static_assets.h"

#include <array>
#include <string>
#include <utility>

namespace quorum {

std::string_view ContentTypeFor(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  }};
  for (const auto& [extension, type] : kTypes)
    if (path.ends_with(extension)) return type;
  return "application/octet-stream";
}

std::optional<HttpResponse> StaticAssets::Serve(std::string_view path) const {
  if (path == "/") path = "/index.html";
  for (const StaticFile& file : files_) {
    if (file.path != path) continue;
    HttpResponse response;
    response.body = std::string(file.bytes);
    response.content_type = std::string(ContentTypeFor(path));
    // Hashed names change with their content, so they never need revalidating; index.html
    // must be fetched anew so that a new binary's UI is picked up at once.
    const bool hashed = path.starts_with("/assets/");
    response.AddHeader("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    response.AddHeader("Content-Security-Policy", kContentSecurityPolicy);
    response.AddHeader("X-Frame-Options", "DENY");
    response.AddHeader("Referrer-Policy", "no-referrer");
    return response;
  }
  return std::nullopt;
}

}  // namespace quorum
