// JSON Lines framing for JsonStream. Private to src/io.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "io/json_stream.h"
#include "io/stream_buffer.h"

namespace quorum {

// Splits the stream at newlines: each non-blank line is one item, without its surrounding
// whitespace (spaces, tabs, the CR of CRLF). A raw newline cannot occur inside a valid JSON
// value, so the framer never looks inside the line: a line that is not JSON is the parser's to
// report. Fails with kInvalid "NAME:LINE: record is larger than the limit of N bytes".
// Not thread-safe; `buffer` and `name` must outlive the framer.
class JsonLinesFramer {
 public:
  JsonLinesFramer(StreamBuffer& buffer, const std::string& name, std::size_t max_item_bytes);

  // As JsonStream::Next.
  Result<std::optional<JsonItem>> Next();

 private:
  Status MakeRoom();
  Error TooLarge() const;

  StreamBuffer& buffer_;
  const std::string& name_;
  const std::size_t max_item_bytes_;
  int64_t line_ = 1;         // the line that starts at buffer_.begin()
  std::size_t scanned_ = 0;  // pending bytes known to hold no newline
  // Set when MakeRoom dropped trailing whitespace of a long line: the offset from
  // buffer_.begin() where it was cut. Content after it means the value spans the dropped bytes.
  std::optional<std::size_t> blank_cut_;
};

}  // namespace quorum
