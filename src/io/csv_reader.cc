#include "io/csv_reader.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <simdjson.h>

#include "io/byte_scan.h"
#include "io/located_error.h"
#include "io/stream_buffer.h"

namespace quorum {

// A state machine over the buffer's pending bytes that appends each field's bytes to its
// string as it goes: a row is never held whole in the buffer, which therefore never grows.
class CsvReader::Impl {
 public:
  Impl(std::unique_ptr<ByteSource> source, std::size_t max_row_bytes)
      : source_(std::move(source)), buffer_(*source_, 0), max_row_bytes_(max_row_bytes) {}

  Result<std::vector<std::string>> ReadHeader() {
    if (failure_) return *failure_;
    if (!header_read_) {
      Status read = ReadHeaderRow();
      if (!read.ok()) return Fail(std::move(read).error());
    }
    return header_;
  }

  Result<bool> Next(CsvRow& row) {
    if (failure_) return *failure_;
    if (!header_read_) {
      Status read = ReadHeaderRow();
      if (!read.ok()) return Fail(std::move(read).error());
    }
    // resize keeps the strings that stay, and with them their capacity.
    row.values.resize(header_.size());
    Result<bool> found = ReadRow(row.values, /*is_header=*/false);
    if (!found.ok()) return Fail(std::move(found).error());
    row.line = row_line_;
    return found;
  }

 private:
  enum class State {
    kFieldStart,
    kUnquoted,
    kQuoted,
    kAfterQuote,    // a quote inside a quoted field: an escaped quote or the closing one
    kAfterQuoteCr,  // a CR after a closing quote, which only LF may follow
  };

  Status ReadHeaderRow();
  Result<bool> ReadRow(std::vector<std::string>& values, bool is_header);
  void StartRow();
  void StartField(std::vector<std::string>& values, bool is_header);
  Status EndField(bool is_header);
  Result<bool> EndRow(std::vector<std::string>& values, bool is_header, int line_break_bytes);

  Error Fail(Error error) {
    failure_ = error;
    return error;
  }
  Error Invalid(int64_t line, std::string reason, std::string subject = {}) const {
    return InvalidAt(source_->name(), line, std::move(reason), std::move(subject));
  }

  std::unique_ptr<ByteSource> source_;
  StreamBuffer buffer_;
  const std::size_t max_row_bytes_;
  std::vector<std::string> header_;
  bool header_read_ = false;
  std::optional<Error> failure_;

  // The row being read.
  State state_ = State::kFieldStart;
  int64_t line_ = 1;        // the line of the next byte
  int64_t row_line_ = 1;
  int64_t row_start_ = 0;   // the stream offset where the row starts
  std::size_t column_ = 0;  // 0-based index of the field being read
  int64_t field_line_ = 1;
  bool field_quoted_ = false;
  std::string* field_ = nullptr;  // where the field's bytes go; null past the header's columns
};

Status CsvReader::Impl::ReadHeaderRow() {
  header_read_ = true;
  QUORUM_RETURN_IF_ERROR(buffer_.SkipByteOrderMark());
  QUORUM_ASSIGN_OR_RETURN(bool found, ReadRow(header_, /*is_header=*/true));
  if (!found) return Invalid(line_, "the input is empty: expected a header row");
  std::unordered_map<std::string_view, std::size_t> columns;
  for (std::size_t index = 0; index < header_.size(); ++index) {
    const std::string& column = header_[index];
    std::string subject = "header column " + std::to_string(index + 1);
    if (column.empty()) return Invalid(row_line_, "the column has no name", subject);
    auto [it, inserted] = columns.emplace(column, index);
    if (!inserted) {
      return Invalid(row_line_,
                     "'" + column + "' is also the name of column " + std::to_string(it->second + 1),
                     subject);
    }
  }
  return OkStatus();
}

Result<bool> CsvReader::Impl::ReadRow(std::vector<std::string>& values, bool is_header) {
  if (is_header) values.clear();
  StartRow();
  StartField(values, is_header);
  for (;;) {
    const char* p = buffer_.begin();
    const char* end = buffer_.end();
    while (p < end) {
      switch (state_) {
        case State::kFieldStart:
          if (*p == '"') {
            state_ = State::kQuoted;
            field_quoted_ = true;
            ++p;
            break;
          }
          state_ = State::kUnquoted;
          [[fallthrough]];
        case State::kUnquoted: {
          const char* stop = scan::FindAny(p, end, ',', '\n', '"');
          if (field_ != nullptr) field_->append(p, stop);
          p = stop;
          if (p == end) break;
          if (*p == '"') {
            return Invalid(line_, "a quote inside an unquoted field (quote the whole field and "
                                  "double the quotes inside it)");
          }
          if (*p++ == ',') {
            QUORUM_RETURN_IF_ERROR(EndField(is_header));
            ++column_;
            StartField(values, is_header);
            break;
          }
          // A CR right before the LF is the CRLF line end, not data.
          int line_break_bytes = 1;
          if (field_ != nullptr && !field_->empty() && field_->back() == '\r') {
            field_->pop_back();
            line_break_bytes = 2;
          }
          buffer_.Consume(p);
          ++line_;
          QUORUM_ASSIGN_OR_RETURN(bool is_row, EndRow(values, is_header, line_break_bytes));
          if (is_row) return true;
          break;
        }
        case State::kQuoted: {
          const char* stop = scan::FindAny(p, end, '"', '\n');
          bool newline = stop < end && *stop == '\n';
          if (field_ != nullptr) field_->append(p, stop + (newline ? 1 : 0));
          p = stop;
          if (p == end) break;
          ++p;
          if (newline) {
            ++line_;
          } else {
            state_ = State::kAfterQuote;
          }
          break;
        }
        case State::kAfterQuote:
        case State::kAfterQuoteCr: {
          char c = *p++;
          if (state_ == State::kAfterQuote && c == '"') {
            if (field_ != nullptr) field_->push_back('"');
            state_ = State::kQuoted;
          } else if (state_ == State::kAfterQuote && c == ',') {
            QUORUM_RETURN_IF_ERROR(EndField(is_header));
            ++column_;
            StartField(values, is_header);
          } else if (state_ == State::kAfterQuote && c == '\r') {
            state_ = State::kAfterQuoteCr;
          } else if (c == '\n') {
            int line_break_bytes = state_ == State::kAfterQuoteCr ? 2 : 1;
            buffer_.Consume(p);
            ++line_;
            QUORUM_ASSIGN_OR_RETURN(bool is_row, EndRow(values, is_header, line_break_bytes));
            if (is_row) return true;
          } else {
            return Invalid(line_, "text after the closing quote of a field");
          }
          break;
        }
      }
    }
    buffer_.Consume(end);
    // Bounds memory while the row is incomplete; EndRow checks the exact size. The + 1 lets a
    // row of exactly the limit wait here with the CR of its CRLF.
    if (buffer_.StreamOffset(end) - row_start_ > static_cast<int64_t>(max_row_bytes_) + 1) {
      return Invalid(row_line_, "row is larger than the limit of " +
                                    std::to_string(max_row_bytes_) + " bytes");
    }
    QUORUM_ASSIGN_OR_RETURN(bool more, buffer_.Fill());
    if (more) continue;
    switch (state_) {
      case State::kFieldStart:
        if (column_ == 0) return false;  // nothing after the last line break
        break;
      case State::kQuoted:
        return Invalid(field_line_, "unterminated quoted field (the quote opens on this line)");
      case State::kUnquoted:
      case State::kAfterQuote:
      case State::kAfterQuoteCr:
        break;
    }
    // A final CR is taken for a CRLF cut short rather than data, as it is after a quote.
    int line_break_bytes = state_ == State::kAfterQuoteCr ? 1 : 0;
    if (state_ == State::kUnquoted && field_ != nullptr && !field_->empty() &&
        field_->back() == '\r') {
      field_->pop_back();
      line_break_bytes = 1;
    }
    QUORUM_ASSIGN_OR_RETURN(bool is_row, EndRow(values, is_header, line_break_bytes));
    return is_row;
  }
}

void CsvReader::Impl::StartRow() {
  row_line_ = line_;
  row_start_ = buffer_.StreamOffset(buffer_.begin());
  column_ = 0;
}

void CsvReader::Impl::StartField(std::vector<std::string>& values, bool is_header) {
  state_ = State::kFieldStart;
  field_quoted_ = false;
  field_line_ = line_;
  if (is_header && column_ == values.size()) values.emplace_back();
  field_ = column_ < values.size() ? &values[column_] : nullptr;
  if (field_ != nullptr) field_->clear();
}

Status CsvReader::Impl::EndField(bool is_header) {
  if (field_ == nullptr || simdjson::validate_utf8(*field_)) return OkStatus();
  std::string subject = is_header ? "header column " + std::to_string(column_ + 1)
                                  : "column '" + header_[column_] + "'";
  return Invalid(field_line_, "invalid UTF-8", std::move(subject));
}

// Ends the row whose line break, of `line_break_bytes` (0 at the end of the input), the buffer
// has just consumed. False for a blank line, which is skipped: the reader is then ready for the
// next row.
Result<bool> CsvReader::Impl::EndRow(std::vector<std::string>& values, bool is_header,
                                     int line_break_bytes) {
  if (column_ == 0 && !field_quoted_ && field_ != nullptr && field_->empty()) {
    StartRow();
    StartField(values, is_header);
    return false;
  }
  QUORUM_RETURN_IF_ERROR(EndField(is_header));
  int64_t row_bytes = buffer_.StreamOffset(buffer_.begin()) - row_start_ - line_break_bytes;
  if (row_bytes > static_cast<int64_t>(max_row_bytes_)) {
    return Invalid(row_line_, "row is larger than the limit of " +
                                  std::to_string(max_row_bytes_) + " bytes");
  }
  std::size_t columns = column_ + 1;
  if (!is_header && columns != header_.size()) {
    return Invalid(row_line_, "the row has " + std::to_string(columns) +
                                  (columns == 1 ? " column" : " columns") + ", the header " +
                                  std::to_string(header_.size()));
  }
  return true;
}

CsvReader::CsvReader(std::unique_ptr<ByteSource> source, std::size_t max_row_bytes)
    : impl_(std::make_unique<Impl>(std::move(source), max_row_bytes)) {}

CsvReader::~CsvReader() = default;

Result<std::vector<std::string>> CsvReader::ReadHeader() { return impl_->ReadHeader(); }

Result<bool> CsvReader::Next(CsvRow& row) { return impl_->Next(row); }

}  // namespace quorum
