#include "cli/json_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace quorum {
namespace {

Result<nlohmann::json> Parse(const std::string& text, const std::string& where) {
  // nlohmann reports the position only through its exception; catch it here, at the edge.
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    std::string reason = error.what();
    if (std::size_t at = reason.find("] "); at != std::string::npos) reason = reason.substr(at + 2);
    return MakeError(ErrorCode::kInvalid, where + " is not valid JSON: " + reason);
  }
}

}  // namespace

Result<nlohmann::json> ReadJsonFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno));
  std::stringstream content;
  content << file.rdbuf();
  return Parse(content.str(), path);
}

Result<nlohmann::json> ParseJsonArgument(const std::string& text, const std::string& what) { return Parse(text, what); }

}  // namespace quorum
