// Errors located in an input stream ("data.jsonl:12"), shared by the io readers.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace quorum {

// "NAME:LINE", the location of a Problem found at `line` (1-based) of the input `name`.
inline std::string LineLocation(const std::string& name, int64_t line) {
  return name + ":" + std::to_string(line);
}

// An Error of `code` with one Problem; its message is the Problem's text, so logs that print
// only the message still say where.
inline Error LocatedError(ErrorCode code, std::string location, std::string reason,
                          std::string subject = {}) {
  Problem problem{std::move(location), std::move(subject), std::move(reason)};
  std::string message = problem.ToString();
  return MakeError(code, std::move(message), {std::move(problem)});
}

// A kInvalid Error at `name`:`line`: the input breaks the format there.
inline Error InvalidAt(const std::string& name, int64_t line, std::string reason,
                       std::string subject = {}) {
  return LocatedError(ErrorCode::kInvalid, LineLocation(name, line), std::move(reason),
                      std::move(subject));
}

// A kIo Error about the source `name` (a path, "<request body>").
inline Error IoError(const std::string& name, std::string reason) {
  return LocatedError(ErrorCode::kIo, name, std::move(reason));
}

}  // namespace quorum
