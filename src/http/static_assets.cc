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

namespace {

// Whether an Accept-Encoding header takes gzip (and does not refuse it with q=0).
bool AcceptsGzip(std::string_view header) {
  const std::size_t at = header.find("gzip");
  if (at == std::string_view::npos) return false;
  std::string_view rest = header.substr(at + 4);
  rest = rest.substr(0, rest.find(','));
  std::string compact;
  for (char c : rest)
    if (c != ' ') compact += c;
  return !(compact.starts_with(";q=0") && compact.find_first_not_of("0.", 3) == std::string::npos);
}

}  // namespace

const StaticFile* StaticAssets::Find(std::string_view path) const {
  for (const StaticFile& file : files_)
    if (file.path == path) return &file;
  return nullptr;
}

std::optional<HttpResponse> StaticAssets::Serve(std::string_view path, std::string_view accept_encoding) const {
  if (path == "/") path = "/index.html";
  if (const StaticFile* file = Find(path)) {
    const StaticFile* zipped = AcceptsGzip(accept_encoding) ? Find(std::string(path) + ".gz") : nullptr;
    HttpResponse response;
    response.body = std::string(zipped ? zipped->bytes : file->bytes);
    response.content_type = std::string(ContentTypeFor(path));
    if (zipped) response.AddHeader("Content-Encoding", "gzip");
    response.AddHeader("Vary", "Accept-Encoding");
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
