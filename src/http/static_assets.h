// The web UI's files (built by Vite, embedded in the binary) served over HTTP: content types,
// caching and the Content-Security-Policy. Knows nothing of where the bytes come from, so the
// tests give it files of their own.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "http/http_message.h"

namespace quorum {

// One file of the UI: its URL path ("/index.html", "/assets/annotate-3f2a.js") and its bytes.
// Both point into static storage (the embedded arrays) that outlives every server.
struct StaticFile {
  std::string_view path;
  std::string_view bytes;
};

// The policy sent with every file: scripts and styles only from this origin (no inline script,
// no eval), images also from any http(s) URL and data: (records show images from anywhere),
// no plugins, no framing, forms and connections only to this origin.
inline constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' http: https: data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

// The Content-Type for a file name by its extension; application/octet-stream when unknown.
std::string_view ContentTypeFor(std::string_view path);

// Thread-safe (immutable after construction).
class StaticAssets {
 public:
  // `files` must outlive this object.
  explicit StaticAssets(std::span<const StaticFile> files) : files_(files) {}

  // The answer to GET `path`: "/" is /index.html. index.html is sent with no-cache (it names
  // the current hashed assets); files under /assets/ have content hashes in their names and
  // are cached for a year as immutable. When `accept_encoding` (the request's header) takes
  // gzip and the file has a twin PATH.gz, the twin is sent with Content-Encoding: gzip.
  // nullopt when no file has that path.
  std::optional<HttpResponse> Serve(std::string_view path, std::string_view accept_encoding = "") const;

 private:
  const StaticFile* Find(std::string_view path) const;

  std::span<const StaticFile> files_;
};

}  // namespace quorum
