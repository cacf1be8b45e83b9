// Where export bytes go: a file or standard output now, an HTTP response body later.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace quorum {

class ByteSink {
 public:
  virtual ~ByteSink() = default;
  // Appends `bytes`. kIo on failure (disk full, closed pipe).
  virtual Status Write(std::string_view bytes) = 0;
  // Flushes buffered bytes to their destination. kIo on failure.
  virtual Status Flush() = 0;
};

// Writes to a new or truncated file, through a 1 MiB buffer that a thread of the sink's own
// writes while the caller fills the next one (so a write error may be reported by a later
// Write, and always by Flush). kIo naming the path when it cannot be created. One caller
// thread at a time; the destructor flushes and waits for the sink's thread.
Result<std::unique_ptr<ByteSink>> OpenFileSink(const std::string& path);

// Writes to standard output in the same way.
std::unique_ptr<ByteSink> StdoutSink();

// Appends to a string the caller owns (tests, small responses). `out` must outlive the sink.
std::unique_ptr<ByteSink> StringSink(std::string& out);

}  // namespace quorum
