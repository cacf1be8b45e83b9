#include "io/byte_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

namespace quorum {
namespace {

// Buffers writes to a file descriptor and hands each full buffer to a thread of its own, which
// writes it while the caller fills the next one: the kernel's copy into the page cache (about a
// sixth of a training export's time) overlaps the export instead of following it. Two buffers at
// most, written in order; a write error is reported by the next Write or Flush.
class FdSink final : public ByteSink {
 public:
  FdSink(int fd, std::string name, bool owns) : fd_(fd), name_(std::move(name)), owns_(owns) {
    buffer_.reserve(kBufferBytes);
    writer_ = std::thread([this] { WriterLoop(); });
  }
  ~FdSink() override {
    (void)Flush();
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    writer_.join();
    if (owns_) ::close(fd_);
  }

  Status Write(std::string_view bytes) override {
    if (buffer_.size() + bytes.size() > kBufferBytes) QUORUM_RETURN_IF_ERROR(HandOff());
    if (bytes.size() < kBufferBytes) {
      buffer_.append(bytes);
      return OkStatus();
    }
    // Too large to buffer: written here, once the writer has finished what came before.
    QUORUM_RETURN_IF_ERROR(WaitIdle());
    return WriteAll(bytes);
  }

  Status Flush() override {
    QUORUM_RETURN_IF_ERROR(HandOff());
    return WaitIdle();
  }

 private:
  static constexpr std::size_t kBufferBytes = 1 << 20;

  // Gives the filled buffer to the writer once it is idle, and takes its empty one back.
  Status HandOff() {
    if (buffer_.empty()) return OkStatus();
    QUORUM_RETURN_IF_ERROR(WaitIdle());
    {
      std::lock_guard lock(mutex_);
      in_flight_.swap(buffer_);
    }
    changed_.notify_all();
    return OkStatus();
  }

  // Waits until the writer holds nothing; its first error, if any.
  Status WaitIdle() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return in_flight_.empty(); });
    return error_;
  }

  void WriterLoop() {
    std::unique_lock lock(mutex_);
    while (true) {
      changed_.wait(lock, [this] { return stopping_ || !in_flight_.empty(); });
      if (in_flight_.empty()) return;  // stopping, and nothing left
      const bool failed = !error_.ok();
      lock.unlock();
      // in_flight_ is the writer's alone while it is not empty: HandOff waits for it to empty.
      Status written = failed ? OkStatus() : WriteAll(in_flight_);
      lock.lock();
      if (error_.ok() && !written.ok()) error_ = std::move(written);
      in_flight_.clear();
      changed_.notify_all();
    }
  }

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

  const int fd_;
  const std::string name_;
  const bool owns_;
  std::string buffer_;  // the caller's thread only

  std::mutex mutex_;
  std::condition_variable changed_;  // in_flight_ filled or emptied, or stopping_ set
  std::string in_flight_;            // GUARDED_BY(mutex_) while empty; the writer's while not
  Status error_ = OkStatus();        // GUARDED_BY(mutex_): the first failed write
  bool stopping_ = false;            // GUARDED_BY(mutex_)
  std::thread writer_;
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
