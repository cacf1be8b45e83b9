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

std::string JsonList::Where(const std::string& path, size_t index) const {
  if (index < lines.size()) return path + ":" + std::to_string(lines[index]);
  return path + ":[" + std::to_string(index) + "]";
}

Result<JsonList> ReadJsonList(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno));
  std::stringstream content;
  content << file.rdbuf();
  const std::string text = content.str();
  JsonList list;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '[') {
    QUORUM_ASSIGN_OR_RETURN(list.items, Parse(text, path));
    return list;
  }
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    QUORUM_ASSIGN_OR_RETURN(nlohmann::json item, Parse(line, path + ":" + std::to_string(number)));
    list.items.push_back(std::move(item));
    list.lines.push_back(number);
  }
  return list;
}

Result<nlohmann::json> ParseJsonArgument(const std::string& text, const std::string& what) { return Parse(text, what); }

}  // namespace quorum
