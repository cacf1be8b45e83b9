#include "http/spool_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace quorum {

Result<std::shared_ptr<SpoolFile>> SpoolFile::Create(const std::string& dir, const std::string& prefix) {
  std::error_code ignored;
  const std::string base = dir.empty() ? std::filesystem::temp_directory_path(ignored).string() : dir;
  std::string pattern = base + "/" + prefix + "-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());  // 0600, a name nobody else can take
  if (fd < 0)
    return MakeError(ErrorCode::kIo, "cannot create a temporary file in " + base + ": " + std::strerror(errno));
  close(fd);
  return std::shared_ptr<SpoolFile>(new SpoolFile(name.data()));
}

SpoolFile::~SpoolFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace quorum
