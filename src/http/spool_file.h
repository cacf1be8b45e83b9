// A temporary file holding a request body as it arrives (see Route::spools_body) or a response
// body too large for memory (HttpResponse::body_file). The file is removed when the last owner
// lets go, whatever happened to the request.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"

namespace quorum {

class SpoolFile {
 public:
  // Creates an empty file, readable only by this user, in `dir` (the system's temporary
  // directory when empty), its name starting with `prefix`. kIo when it cannot be created.
  static Result<std::shared_ptr<SpoolFile>> Create(const std::string& dir, const std::string& prefix = "quorum-upload");
  ~SpoolFile();
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  explicit SpoolFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace quorum
