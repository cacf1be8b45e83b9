#include "io/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "io/located_error.h"

namespace quorum {
namespace {

class FileSource final : public ByteSource {
 public:
  FileSource(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~FileSource() override { ::close(fd_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    for (;;) {
      ssize_t count = ::read(fd_, buffer, size);
      if (count >= 0) return static_cast<std::size_t>(count);
      // A signal (a profiler, a terminal resize) must not abort an import half-way.
      if (errno == EINTR) continue;
      return IoError(path_, std::string("cannot read: ") + std::strerror(errno));
    }
  }

  const std::string& name() const override { return path_; }

 private:
  const int fd_;
  const std::string path_;
};

class StringByteSource final : public ByteSource {
 public:
  StringByteSource(std::string data, std::string name)
      : data_(std::move(data)), name_(std::move(name)) {}

  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    std::size_t count = std::min(size, data_.size() - position_);
    if (count == 0) return count;  // `buffer` may be null when `size` is 0
    std::memcpy(buffer, data_.data() + position_, count);
    position_ += count;
    return count;
  }

  const std::string& name() const override { return name_; }

 private:
  const std::string data_;
  const std::string name_;
  std::size_t position_ = 0;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path, const std::string& name) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError(path, std::string("cannot open: ") + std::strerror(errno));
  // open() succeeds on a directory and read() fails later with a vaguer EISDIR; say it now.
  struct stat info;
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    ::close(fd);
    return IoError(path, "cannot open: is a directory");
  }
  // Imports read front to back once: let the kernel read ahead aggressively. Advisory only,
  // and it fails harmlessly on pipes, so its result is ignored.
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<ByteSource>(std::make_unique<FileSource>(fd, name.empty() ? path : name));
}

std::unique_ptr<ByteSource> StringSource(std::string data, std::string name) {
  return std::make_unique<StringByteSource>(std::move(data), std::move(name));
}

}  // namespace quorum
