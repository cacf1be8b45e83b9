// The server's own request and response types. Handlers are pure functions from HttpRequest to
// HttpResponse, testable without a socket; the session converts to and from Beast.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quorum {

class SpoolFile;

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query: "/api/v1/projects/3"
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;     // names lower-case
  std::string body;
  // When the route spools its body (Route::spools_body): the file holding it, deleted after the
  // handler returns; `body` is then empty.
  std::string body_file;
  // Where a handler puts a response body too large for memory (HttpResponse::body_file): the
  // server's spool directory ("" for the system's temporary directory).
  std::string spool_dir;
  std::string remote_address;
  std::string request_id;

  // The header's value, or "" when absent. `name` must be lower-case.
  std::string_view Header(std::string_view name) const;
  // The first value of a query parameter, or nullopt.
  std::optional<std::string> Query(std::string_view name) const;
  // The value of a cookie from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // A body too large for memory (a big export): the file holding it, sent after the headers a
  // piece at a time with its size as Content-Length, and removed once the last owner lets go.
  // `body` is then empty.
  std::shared_ptr<SpoolFile> body_file;
  std::string content_type = "application/json";
  int64_t user_id = 0;  // who called, for the access log (0: nobody signed in); not sent

  void AddHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// Splits "a=1&b=x%20y" into decoded pairs ('+' is a space). Malformed escapes are kept as-is.
std::multimap<std::string, std::string> ParseQueryString(std::string_view query);

// Percent-decodes `text`; nullopt when an escape is malformed.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace quorum
