// JSON array framing for JsonStream. Private to src/io.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "io/json_stream.h"
#include "io/stream_buffer.h"

namespace quorum {

// Walks one top-level JSON array and yields its elements; a top-level object is yielded as
// the only element. Tracks strings, escapes and bracket nesting to find where an element
// ends, and checks the array's own syntax (brackets, commas, what follows it). It does not
// check the elements' contents: the caller parses them.
// Errors are kInvalid, located "NAME:LINE":
//   "expected '[' or '{' at the start" (also for an input of only whitespace),
//   "expected a value or ']' after '['", "expected a value after ','",
//   "expected ',' or ']' after element", "unexpected text after the closing ']'",
//   "unexpected text after the top-level object", "mismatched '}' (expected ']')",
//   "unterminated string" (at the line where the string opens),
//   "unexpected end of file inside a value (missing '}')" (at the line where the element
//   starts), "unexpected end of file inside the array (missing ']')" (at the line of the last
//   element or punctuation), "record is larger than the limit of N bytes" (at the element).
// Not thread-safe; `buffer` and `name` must outlive the framer.
class JsonArrayFramer {
 public:
  JsonArrayFramer(StreamBuffer& buffer, const std::string& name, std::size_t max_item_bytes);

  // As JsonStream::Next.
  Result<std::optional<JsonItem>> Next();

 private:
  enum class State {
    kStart,       // before the '[' or '{'
    kAfterOpen,   // after '['
    kAfterComma,  // after a ',' between elements
    kAfterValue,  // after an element
    kAfterClose,  // after the closing ']' (or the top-level object)
    kInValue,     // inside an object, array or string element
    kInScalar,    // inside a number, true, false or null element
  };

  Status Punctuation(char c);
  void StartValue(char c);
  Result<bool> ScanValue();
  bool ScanScalar();
  Result<std::optional<JsonItem>> EndOfInput() const;
  Error Invalid(int64_t line, std::string reason) const;

  StreamBuffer& buffer_;
  const std::string& name_;
  const std::size_t max_item_bytes_;
  State state_ = State::kStart;
  bool top_is_object_ = false;
  int64_t line_ = 1;              // the line at buffer_.begin() + scanned_
  int64_t last_token_line_ = 1;   // the line of the last punctuation or element end
  // Inside a value: its bytes run from buffer_.begin(); scanned_ of them are scanned.
  std::size_t scanned_ = 0;
  int64_t item_line_ = 0;
  int64_t string_line_ = 0;      // where the innermost open string started
  bool in_string_ = false;
  bool escape_pending_ = false;  // the last scanned byte was a backslash inside a string
  std::string closers_;          // the closing bracket each open bracket expects, innermost last
};

}  // namespace quorum
