// An RFC 4180 CSV reader that streams: quoted fields with commas, doubled quotes and line
// breaks inside them; LF or CRLF line ends; the first row is the header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "io/byte_source.h"

namespace quorum {

struct CsvRow {
  std::vector<std::string> values;  // one per header column
  int64_t line = 0;                 // 1-based line where the row starts
};

// Not thread-safe. Memory is bounded by the largest row (at most max_row_bytes).
class CsvReader {
 public:
  static constexpr std::size_t kDefaultMaxRowBytes = 64u << 20;

  CsvReader(std::unique_ptr<ByteSource> source, std::size_t max_row_bytes = kDefaultMaxRowBytes);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the header row. kInvalid when the stream is empty, a column name is empty or repeated.
  Result<std::vector<std::string>> ReadHeader();

  // Reads the next row into `row`; returns false at the end (a final line break is not a row;
  // blank lines are skipped). Fails with kInvalid, located "NAME:LINE", on: an unterminated
  // quoted field (the line where it opened), a quote inside an unquoted field, text after a
  // closing quote, a row whose column count differs from the header's, invalid UTF-8, a row
  // over max_row_bytes. After a failure the reader is spent.
  Result<bool> Next(CsvRow& row);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace quorum
