// UTF-8 helpers for problem text and span offsets. Span offsets are counted in Unicode code
// points (what a browser's Array.from(text).length counts), never in bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace quorum {

// The number of code points in `text`, taken as UTF-8: every byte that is not a continuation
// byte (10xxxxxx) starts one. Input that is not valid UTF-8 is counted the same way and never
// read past its end. nlohmann::json refuses invalid UTF-8 when parsing, so JSON strings are valid.
std::size_t CountCodePoints(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` bytes that does not cut a code point.
std::string_view Utf8Prefix(std::string_view text, std::size_t max_bytes);

}  // namespace quorum
