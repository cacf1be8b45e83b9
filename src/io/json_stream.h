// Splitting a byte stream into top-level JSON values without loading it whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "core/result.h"
#include "io/byte_source.h"

namespace quorum {

enum class JsonFraming {
  kLines,  // JSON Lines: one value per line; blank lines are skipped
  kArray,  // one JSON array whose elements are the values; a single top-level object is
           // accepted as a one-element array
};

// One value found in the stream.
struct JsonItem {
  std::string_view text;  // the value's bytes, without surrounding whitespace or commas
  int64_t line = 0;       // 1-based line where the value starts
};

// Reads values one at a time through a reused buffer: memory is bounded by the largest value,
// not the stream. Only framing is checked here (strings, escapes and bracket nesting are
// tracked to find where a value ends); the value itself is parsed by the caller.
// Not thread-safe.
class JsonStream {
 public:
  static constexpr std::size_t kDefaultMaxItemBytes = 64u << 20;

  JsonStream(std::unique_ptr<ByteSource> source, JsonFraming framing,
             std::size_t max_item_bytes = kDefaultMaxItemBytes);
  ~JsonStream();
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  // The next value, or nullopt at the end of the stream. The view stays valid until the next
  // call, and at least 64 readable bytes follow it (simdjson's padding), so it can be parsed
  // in place. Fails with kInvalid and a Problem located "NAME:LINE" on broken framing
  // (unterminated string or array, missing comma, text after the array, a value over
  // max_item_bytes), or kIo when the source fails. After a failure the stream is spent.
  Result<std::optional<JsonItem>> Next();

  // The bytes the stream's buffer holds now, padding included: 1 MiB and 64 bytes until an
  // item needs more, never more than about max_item_bytes, whatever the stream's length.
  // For tests and metrics.
  std::size_t buffer_capacity() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quorum
