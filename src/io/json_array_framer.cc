#include "io/json_array_framer.h"

#include <string_view>

#include "io/byte_scan.h"
#include "io/located_error.h"

namespace quorum {
namespace {

bool IsJsonWhitespace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Bytes that end a number, true, false or null. Anything else is left to the parser.
bool EndsScalar(char c) {
  switch (c) {
    case ' ': case '\n': case '\t': case '\r':
    case ',': case ']': case '}': case '[': case '{': case '"': case ':':
      return true;
    default:
      return false;
  }
}

}  // namespace

JsonArrayFramer::JsonArrayFramer(StreamBuffer& buffer, const std::string& name,
                                 std::size_t max_item_bytes)
    : buffer_(buffer), name_(name), max_item_bytes_(max_item_bytes) {}

Result<std::optional<JsonItem>> JsonArrayFramer::Next() {
  for (;;) {
    if (state_ == State::kInValue || state_ == State::kInScalar) {
      bool complete = false;
      if (state_ == State::kInValue) {
        QUORUM_ASSIGN_OR_RETURN(complete, ScanValue());
      } else {
        complete = ScanScalar();
      }
      if (scanned_ > max_item_bytes_) {
        return Invalid(item_line_, "record is larger than the limit of " +
                                       std::to_string(max_item_bytes_) + " bytes");
      }
      if (!complete) {
        QUORUM_ASSIGN_OR_RETURN(bool more, buffer_.Fill());
        if (!more) return EndOfInput();
        continue;
      }
      std::string_view text(buffer_.begin(), scanned_);
      buffer_.Consume(buffer_.begin() + scanned_);
      scanned_ = 0;
      last_token_line_ = line_;
      state_ = top_is_object_ ? State::kAfterClose : State::kAfterValue;
      return std::optional<JsonItem>(JsonItem{text, item_line_});
    }

    const char* p = buffer_.begin();
    const char* end = buffer_.end();
    for (; p < end && IsJsonWhitespace(*p); ++p) {
      if (*p == '\n') ++line_;
    }
    buffer_.Consume(p);
    if (p == end) {
      QUORUM_ASSIGN_OR_RETURN(bool more, buffer_.Fill());
      if (!more) return EndOfInput();
      continue;
    }
    QUORUM_RETURN_IF_ERROR(Punctuation(*p));
  }
}

// Handles the byte `c` at buffer_.begin(), between elements: consumes punctuation, or starts
// an element there.
Status JsonArrayFramer::Punctuation(char c) {
  bool starts_value = c != ',' && c != ':' && c != ']' && c != '}';
  switch (state_) {
    case State::kStart:
      if (c == '{') {
        top_is_object_ = true;
        StartValue(c);
        return OkStatus();
      }
      if (c != '[') return Invalid(line_, "expected '[' or '{' at the start");
      state_ = State::kAfterOpen;
      break;
    case State::kAfterOpen:
      if (starts_value) {
        StartValue(c);
        return OkStatus();
      }
      if (c != ']') return Invalid(line_, "expected a value or ']' after '['");
      state_ = State::kAfterClose;
      break;
    case State::kAfterComma:
      if (!starts_value) return Invalid(line_, "expected a value after ','");
      StartValue(c);
      return OkStatus();
    case State::kAfterValue:
      if (c == ',') {
        state_ = State::kAfterComma;
      } else if (c == ']') {
        state_ = State::kAfterClose;
      } else {
        return Invalid(line_, "expected ',' or ']' after element");
      }
      break;
    case State::kAfterClose:
      return Invalid(line_, top_is_object_ ? "unexpected text after the top-level object"
                                           : "unexpected text after the closing ']'");
    case State::kInValue:
    case State::kInScalar:
      return MakeError(ErrorCode::kInternal, "JsonArrayFramer: punctuation inside a value");
  }
  last_token_line_ = line_;
  buffer_.Consume(buffer_.begin() + 1);
  return OkStatus();
}

void JsonArrayFramer::StartValue(char c) {
  item_line_ = line_;
  scanned_ = 0;
  closers_.clear();
  in_string_ = false;
  escape_pending_ = false;
  state_ = (c == '{' || c == '[' || c == '"') ? State::kInValue : State::kInScalar;
}

// Scans the pending bytes of an object, array or string element; true once it is complete.
// This is the hot loop: it jumps from one significant byte to the next 16 bytes at a time.
Result<bool> JsonArrayFramer::ScanValue() {
  const char* begin = buffer_.begin();
  const char* end = buffer_.end();
  const char* p = begin + scanned_;
  int64_t line = line_;
  bool in_string = in_string_;
  bool complete = false;
  if (escape_pending_ && p < end) {
    if (*p++ == '\n') ++line;
    escape_pending_ = false;
  }
  while (p < end) {
    if (in_string) {
      p = scan::FindAny(p, end, '"', '\\', '\n');
      if (p == end) break;
      char c = *p++;
      if (c == '"') {
        in_string = false;
        if (closers_.empty()) {
          complete = true;
          break;
        }
      } else if (c == '\\') {
        if (p == end) {
          escape_pending_ = true;
          break;
        }
        if (*p++ == '\n') ++line;
      } else {
        ++line;  // invalid in JSON, but keeps the line numbers true for the parser's errors
      }
      continue;
    }
    p = scan::FindJsonStructure(p, end);
    if (p == end) break;
    char c = *p++;
    if (c == '"') {
      in_string = true;
      string_line_ = line;
    } else if (c == '{') {
      closers_.push_back('}');
    } else if (c == '[') {
      closers_.push_back(']');
    } else if (c == '}' || c == ']') {
      if (closers_.empty() || closers_.back() != c) {
        line_ = line;
        std::string reason = std::string("mismatched '") + c + "'";
        if (!closers_.empty()) reason += std::string(" (expected '") + closers_.back() + "')";
        return Invalid(line, std::move(reason));
      }
      closers_.pop_back();
      if (closers_.empty()) {
        complete = true;
        break;
      }
    } else if (c == '\n') {
      ++line;
    }  // else 'Y', '_', 'y' or DEL, which FindJsonStructure also stops at
  }
  line_ = line;
  in_string_ = in_string;
  scanned_ = static_cast<std::size_t>(p - begin);
  return complete;
}

// Scans the pending bytes of a number, true, false or null; true once a byte ends it (that
// byte is not part of the element).
bool JsonArrayFramer::ScanScalar() {
  const char* begin = buffer_.begin();
  const char* end = buffer_.end();
  const char* p = begin + scanned_;
  while (p < end && !EndsScalar(*p)) ++p;
  scanned_ = static_cast<std::size_t>(p - begin);
  return p < end;
}

Result<std::optional<JsonItem>> JsonArrayFramer::EndOfInput() const {
  switch (state_) {
    case State::kStart:
      return Invalid(line_, "expected '[' or '{' at the start");
    case State::kAfterClose:
      return std::optional<JsonItem>();
    case State::kInValue:
      if (in_string_ || closers_.empty()) return Invalid(string_line_, "unterminated string");
      return Invalid(item_line_, std::string("unexpected end of file inside a value (missing '") +
                                     closers_.back() + "')");
    case State::kInScalar:
      return Invalid(item_line_, "unexpected end of file inside the array (missing ']')");
    case State::kAfterOpen:
    case State::kAfterComma:
    case State::kAfterValue:
      return Invalid(last_token_line_, "unexpected end of file inside the array (missing ']')");
  }
  return MakeError(ErrorCode::kInternal, "JsonArrayFramer: unknown state");
}

Error JsonArrayFramer::Invalid(int64_t line, std::string reason) const {
  return InvalidAt(name_, line, std::move(reason));
}

}  // namespace quorum
