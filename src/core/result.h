// Result<T>: a value or an Error. Expected failures in Quorum are values, never exceptions.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace quorum {

// What kind of failure an Error is; the HTTP layer maps each to one status code.
enum class ErrorCode {
  kInvalid,       // the input breaks a rule (schema, validation, syntax)
  kNotFound,      // the thing named does not exist
  kConflict,      // the write collides with existing state (duplicate, already full)
  kUnauthorized,  // no or bad credentials
  kForbidden,     // credentials fine, role insufficient
  kTooLarge,      // the input is over a size limit
  kRateLimited,   // too many attempts; try again later
  kIo,            // a file or the database could not be read or written
  kInternal,      // a bug; the message is for logs
};

// Returns the stable lower-case name of `code` ("invalid", "not_found", ...).
const char* ErrorCodeName(ErrorCode code);

// One problem found in the input, located as precisely as we can:
// `location` is where in the input ("data.jsonl:12", "record ext-1"), `subject` what part
// ("field 'prompt'", "question 'choice'"), `reason` what is wrong. Either of the first two
// may be empty.
struct Problem {
  std::string location;
  std::string subject;
  std::string reason;

  // "location: subject: reason", leaving out empty parts.
  std::string ToString() const;
  bool operator==(const Problem&) const = default;
};

// A failure: a code, a one-line message, and the individual problems (may be empty).
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<Problem> problems;

  // The message followed by one problem per line (indented), unless the only problem's text is
  // the message itself.
  std::string ToString() const;
};

inline Error MakeError(ErrorCode code, std::string message, std::vector<Problem> problems = {}) {
  return Error{code, std::move(message), std::move(problems)};
}

// kInvalid for input refused whole: "`refusal`: N problems" (or "1 problem"), with them. The
// count is taken before the problems move (an argument's order of evaluation is unspecified).
inline Error RefusedWhole(const std::string& refusal, std::vector<Problem> problems) {
  const size_t count = problems.size();
  return MakeError(ErrorCode::kInvalid,
                   refusal + ": " + std::to_string(count) + (count == 1 ? " problem" : " problems"), std::move(problems));
}

// A value of type T or an Error. Cheap to move; check ok() before value().
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}     // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  // By value, not T&&: `for (auto& x : Make().value())` must not iterate a destroyed temporary.
  T value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& { return std::get<1>(state_); }
  Error error() && { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

struct Ok {};
// Success with no value, or an Error.
using Status = Result<Ok>;
inline Status OkStatus() { return Ok{}; }

}  // namespace quorum

// Evaluates `expr` (a Result or Status); returns its Error from the enclosing function on failure.
#define QUORUM_RETURN_IF_ERROR(expr)                  \
  do {                                                \
    auto quorum_status_ = (expr);                     \
    if (!quorum_status_.ok()) return std::move(quorum_status_).error(); \
  } while (false)

#define QUORUM_CONCAT_INNER_(a, b) a##b
#define QUORUM_CONCAT_(a, b) QUORUM_CONCAT_INNER_(a, b)
// `QUORUM_ASSIGN_OR_RETURN(auto x, Expr())`: declares x from the value, or returns the Error.
#define QUORUM_ASSIGN_OR_RETURN(decl, expr)                                        \
  auto QUORUM_CONCAT_(quorum_result_, __LINE__) = (expr);                          \
  if (!QUORUM_CONCAT_(quorum_result_, __LINE__).ok())                              \
    return std::move(QUORUM_CONCAT_(quorum_result_, __LINE__)).error();            \
  decl = std::move(QUORUM_CONCAT_(quorum_result_, __LINE__)).value()
