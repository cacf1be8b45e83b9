#include "store/sqlite/sqlite_wal_sync.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace quorum::sqlite {
namespace {

Error SyncError(const std::string& what, const std::string& path, int error_number) {
  return MakeError(ErrorCode::kIo, what + " '" + path + "': " + std::strerror(error_number));
}

}  // namespace

WalSync::WalSync(std::string wal_path) : wal_path_(std::move(wal_path)) {}

WalSync::~WalSync() {
  if (fd_ >= 0) ::close(fd_);
}

uint64_t WalSync::Committed() {
  std::lock_guard<std::mutex> lock(mutex_);
  return ++committed_;
}

uint64_t WalSync::syncs() {
  std::lock_guard<std::mutex> lock(mutex_);
  return syncs_;
}

Status WalSync::SyncThrough(uint64_t ticket) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (failed_) return *failed_;
    if (synced_ >= ticket) return OkStatus();
    if (syncing_) {
      synced_cv_.wait(lock);
      continue;
    }
    // Everything committed before this point is in the file; one fdatasync covers it all.
    syncing_ = true;
    const uint64_t target = committed_;
    lock.unlock();
    Status synced = SyncFile();
    lock.lock();
    syncing_ = false;
    ++syncs_;
    if (synced.ok()) synced_ = target;
    else failed_ = synced.error();
    synced_cv_.notify_all();
  }
}

Status WalSync::SyncFile() {
  if (fd_ < 0) {
    int fd = ::open(wal_path_.c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return SyncError("opening the WAL", wal_path_, errno);
    const std::string directory = std::filesystem::path(wal_path_).parent_path().string();
    int directory_fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory_fd < 0 || ::fsync(directory_fd) != 0) {
      const int error_number = errno;
      if (directory_fd >= 0) ::close(directory_fd);
      ::close(fd);
      return SyncError("syncing the directory of", wal_path_, error_number);
    }
    ::close(directory_fd);
    fd_ = fd;
  }
  if (::fdatasync(fd_) != 0) return SyncError("syncing the WAL", wal_path_, errno);
  return OkStatus();
}

}  // namespace quorum::sqlite
