// The reused read buffer under JsonStream and CsvReader. Private to src/io.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/result.h"
#include "io/byte_source.h"

namespace quorum {

// Holds the pending bytes of a stream: read but not yet consumed by a reader. It starts at
// kInitialCapacity and doubles only when a Fill finds it full of pending bytes (one item
// bigger than the buffer), up to max_capacity, then keeps its size: memory follows the largest
// item, never the stream. At least kPadding readable bytes always follow end(), so a view
// ending anywhere in the buffer can be handed to simdjson in place or scanned 16 bytes at a
// time past its end.
// Not thread-safe.
class StreamBuffer {
 public:
  static constexpr std::size_t kPadding = 64;  // simdjson::SIMDJSON_PADDING
  static constexpr std::size_t kInitialCapacity = std::size_t{1} << 20;

  // Reads from `source`, which must outlive the buffer. The buffer never holds more than
  // max(kInitialCapacity, max_capacity) bytes, not counting the padding.
  StreamBuffer(ByteSource& source, std::size_t max_capacity);
  StreamBuffer(const StreamBuffer&) = delete;
  StreamBuffer& operator=(const StreamBuffer&) = delete;

  // The pending bytes. Pointers into them stay valid until the next Fill.
  const char* begin() const { return data_.get() + begin_; }
  const char* end() const { return data_.get() + end_; }
  std::size_t size() const { return end_ - begin_; }

  // Consumes the bytes before `position`, which lies in [begin(), end()].
  void Consume(const char* position) { begin_ = static_cast<std::size_t>(position - data_.get()); }
  // Drops the pending bytes from `position` (in [begin(), end()]) on: a reader that knows
  // them to be insignificant (trailing whitespace) frees room without reading further.
  void Truncate(const char* position);

  // Moves the pending bytes to the front, grows if they fill the buffer, and reads once from
  // the source. Returns false when the source has ended (nothing more will come). Pointers
  // into the buffer are invalid afterwards. Fails with the source's error, or kInternal when
  // the buffer is full at its largest (a reader must refuse such an item before asking).
  Result<bool> Fill();

  // Skips a UTF-8 byte order mark at the very start of the stream (editors on Windows write
  // one). Call before consuming anything. Fails with the source's error.
  Status SkipByteOrderMark();

  // True once the source has reported its end.
  bool at_end() const { return at_end_; }
  // The offset in the stream of `position`, a pointer into the pending bytes.
  int64_t StreamOffset(const char* position) const {
    return discarded_ + (position - data_.get());
  }
  // Bytes allocated, padding included (for tests and metrics).
  std::size_t capacity() const { return capacity_ + kPadding; }

 private:
  Status Grow();

  ByteSource& source_;
  const std::size_t max_capacity_;
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;  // usable bytes; kPadding more are allocated
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  int64_t discarded_ = 0;  // stream bytes moved out of the front of the buffer
  bool at_end_ = false;
};

}  // namespace quorum
