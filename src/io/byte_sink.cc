#include "io/byte_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace quorum {
namespace {

// Buffers writes to a file descriptor; large writes go straight through.
class FdSink final : public ByteSink {
 public:
  FdSink(int fd, std::string name, bool owns) : fd_(fd), name_(std::move(name)), owns_(owns) {
    buffer_.reserve(kBufferBytes);
  }
  ~FdSink() override {
    (void)Flush();
    if (owns_) ::close(fd_);
  }

  Status Write(std::string_view bytes) override {
    if (buffer_.size() + bytes.size() > kBufferBytes) QUORUM_RETURN_IF_ERROR(Flush());
    if (bytes.size() >= kBufferBytes) return WriteAll(bytes);
    buffer_.append(bytes);
    return OkStatus();
  }

  Status Flush() override {
    Status status = WriteAll(buffer_);
    buffer_.clear();
    return status;
  }

 private:
  static constexpr std::size_t kBufferBytes = 1 << 20;

  Status WriteAll(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t written = ::write(fd_, bytes.data(), bytes.size());
      if (written < 0) {
        if (errno == EINTR) continue;
        return MakeError(ErrorCode::kIo, "cannot write " + name_ + ": " + std::strerror(errno));
      }
      bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return OkStatus();
  }

  int fd_;
  std::string name_;
  bool owns_;
  std::string buffer_;
};

class StringSinkImpl final : public ByteSink {
 public:
  explicit StringSinkImpl(std::string& out) : out_(out) {}
  Status Write(std::string_view bytes) override {
    out_.append(bytes);
    return OkStatus();
  }
  Status Flush() override { return OkStatus(); }

 private:
  std::string& out_;
};

}  // namespace

Result<std::unique_ptr<ByteSink>> OpenFileSink(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return MakeError(ErrorCode::kIo, "cannot create " + path + ": " + std::strerror(errno));
  return std::unique_ptr<ByteSink>(std::make_unique<FdSink>(fd, path, true));
}

std::unique_ptr<ByteSink> StdoutSink() { return std::make_unique<FdSink>(STDOUT_FILENO, "standard output", false); }

std::unique_ptr<ByteSink> StringSink(std::string& out) { return std::make_unique<StringSinkImpl>(out); }

}  // namespace quorum
