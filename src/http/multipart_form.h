// Reading multipart/form-data request bodies (RFC 7578), as file uploads send them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace quorum {

struct FormPart {
  std::string name;          // the form field's name (Content-Disposition name=)
  std::string filename;      // the uploaded file's name; empty for a plain field
  std::string content_type;  // the part's Content-Type; empty when not given
  std::string body;
};

// Whether a Content-Type header value is multipart/form-data (any case).
bool IsMultipartForm(std::string_view content_type);

// The parts of `body`, split at the boundary named in `content_type`. kInvalid saying what is
// missing: no boundary parameter, no opening or closing boundary, a part without headers or
// without a Content-Disposition name. Parts are copied out; `body` need not outlive them.
Result<std::vector<FormPart>> ParseMultipartForm(std::string_view content_type, std::string_view body);

}  // namespace quorum
