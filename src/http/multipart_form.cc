#include "http/multipart_form.h"

#include <algorithm>
#include <cctype>

namespace quorum {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The value of `parameter` in a header value such as `form-data; name="file"; filename="a.json"`
// (quoted or not); "" when absent. Parameter names are matched without regard to case.
std::string HeaderParameter(std::string_view value, std::string_view parameter) {
  const std::string lower = Lower(value);
  std::size_t at = 0;
  while ((at = lower.find(parameter, at)) != std::string::npos) {
    const bool starts = at == 0 || lower[at - 1] == ';' || lower[at - 1] == ' ';
    const std::size_t equals = at + parameter.size();
    if (!starts || equals >= value.size() || value[equals] != '=') {
      at = equals;
      continue;
    }
    std::size_t begin = equals + 1;
    if (begin < value.size() && value[begin] == '"') {
      const std::size_t end = value.find('"', begin + 1);
      return std::string(value.substr(begin + 1, end == std::string_view::npos ? std::string_view::npos : end - begin - 1));
    }
    const std::size_t end = value.find(';', begin);
    std::string_view raw = value.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
    while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
    return std::string(raw);
  }
  return "";
}

Result<FormPart> ParsePart(std::string_view headers, std::string_view body, std::size_t index) {
  FormPart part;
  part.body = std::string(body);
  bool disposition = false;
  while (!headers.empty()) {
    const std::size_t end = headers.find("\r\n");
    std::string_view line = headers.substr(0, end);
    headers.remove_prefix(end == std::string_view::npos ? headers.size() : end + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string name = Lower(line.substr(0, colon));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (name == "content-disposition") {
      disposition = true;
      part.name = HeaderParameter(value, "name");
      part.filename = HeaderParameter(value, "filename");
    } else if (name == "content-type") {
      part.content_type = std::string(value);
    }
  }
  if (!disposition || part.name.empty())
    return MakeError(ErrorCode::kInvalid, "multipart part " + std::to_string(index + 1) + " has no Content-Disposition name");
  return part;
}

}  // namespace

bool IsMultipartForm(std::string_view content_type) { return Lower(content_type).rfind("multipart/form-data", 0) == 0; }

Result<std::vector<FormPart>> ParseMultipartForm(std::string_view content_type, std::string_view body) {
  const std::string boundary = HeaderParameter(content_type, "boundary");
  if (boundary.empty()) return MakeError(ErrorCode::kInvalid, "multipart/form-data without a boundary parameter");
  const std::string delimiter = "--" + boundary;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return MakeError(ErrorCode::kInvalid, "multipart body without its opening boundary");
  at += delimiter.size();
  std::vector<FormPart> parts;
  while (true) {
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") return MakeError(ErrorCode::kInvalid, "multipart boundary not followed by a line end");
    at += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string_view::npos)
      return MakeError(ErrorCode::kInvalid, "multipart part " + std::to_string(parts.size() + 1) + " has no blank line after its headers");
    const std::size_t content = headers_end + 4;
    const std::size_t next = body.find("\r\n" + delimiter, content);
    if (next == std::string_view::npos) return MakeError(ErrorCode::kInvalid, "multipart body without its closing boundary");
    QUORUM_ASSIGN_OR_RETURN(FormPart part, ParsePart(body.substr(at, headers_end - at + 2), body.substr(content, next - content),
                                                     parts.size()));
    parts.push_back(std::move(part));
    at = next + 2 + delimiter.size();
  }
}

}  // namespace quorum
