// Where import bytes come from: a file now, an HTTP request body later.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/result.h"

namespace quorum {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes into `buffer`; returns how many, 0 at the end. kIo on failure.
  virtual Result<std::size_t> Read(char* buffer, std::size_t size) = 0;
  // A name for messages ("data.jsonl", "<request body>").
  virtual const std::string& name() const = 0;
};

// Opens a file for reading; kIo naming the file and the OS reason when it cannot. Messages call
// the source `name` (the path when empty), e.g. "body" for an upload spooled to a file.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path, const std::string& name = "");

// A source over an in-memory string (tests, small request bodies). Copies `data`.
std::unique_ptr<ByteSource> StringSource(std::string data, std::string name);

}  // namespace quorum
