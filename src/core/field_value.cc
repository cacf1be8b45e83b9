#include "core/field_value.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "core/item_list.h"
#include "core/problem_text.h"

namespace quorum {
namespace {

// The prefixes an image URL may have. Anything else (javascript:, file:, a relative path) is
// refused: the browser will put the value in an <img src>.
constexpr std::array<std::string_view, 3> kImageUrlPrefixes = {"http://", "https://", "data:image/"};

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

std::vector<std::string> CheckImageUrl(const nlohmann::json& value) {
  if (!value.is_string()) return {ExpectedGot("a string", value)};
  const std::string& url = value.get_ref<const std::string&>();
  for (std::string_view prefix : kImageUrlPrefixes)
    if (StartsWithIgnoringCase(url, prefix) && url.size() > prefix.size()) return {};
  return {"expected an http://, https:// or data:image/ URL, got " + Quoted(url)};
}

// Extra keys in a message (name, tool_calls, ...) are kept and ignored: chat exports from
// other tools carry them, and they do not change what is shown.
void CheckChatMessage(const nlohmann::json& message, std::size_t index, std::vector<std::string>& reasons) {
  const std::string prefix = "message " + std::to_string(index) + ": ";
  if (!message.is_object()) {
    reasons.push_back(prefix + ExpectedGot("an object with role and content", message));
    return;
  }
  for (std::string_view key : {"role", "content"}) {
    auto it = message.find(key);
    if (it == message.end()) reasons.push_back(prefix + "missing \"" + std::string(key) + "\"");
    else if (!it->is_string()) reasons.push_back(prefix + std::string(key) + ": " + ExpectedGot("a string", *it));
    else if (key == "role" && it->get_ref<const std::string&>().empty()) reasons.push_back(prefix + "role is empty");
  }
}

std::vector<std::string> CheckChat(const nlohmann::json& value) {
  if (!value.is_array()) return {ExpectedGot("an array of chat messages", value)};
  std::vector<std::string> reasons;
  for (std::size_t index = 0; index < value.size(); ++index) CheckChatMessage(value[index], index, reasons);
  return reasons;
}

}  // namespace

std::vector<std::string> CheckFieldValue(FieldKind kind, const nlohmann::json& value) {
  switch (kind) {
    case FieldKind::kText:
    case FieldKind::kMarkdown:
      if (!value.is_string()) return {ExpectedGot("a string", value)};
      return {};
    case FieldKind::kChat: return CheckChat(value);
    case FieldKind::kImageUrl: return CheckImageUrl(value);
    case FieldKind::kItemList: return CheckItemList(value);
  }
  return {};
}

}  // namespace quorum
