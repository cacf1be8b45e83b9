#include "core/item_list.h"

#include <set>

#include "core/problem_text.h"

namespace quorum {

std::optional<std::string> ItemId(const nlohmann::json& item) {
  if (!item.is_object()) return std::nullopt;
  auto id = item.find("id");
  if (id == item.end()) return std::nullopt;
  if (id->is_string() && !id->get_ref<const std::string&>().empty()) return id->get<std::string>();
  if (id->is_number_integer()) return id->dump();
  return std::nullopt;
}

std::vector<std::string> ItemIds(const nlohmann::json& items) {
  std::vector<std::string> ids;
  if (!items.is_array()) return ids;
  for (const nlohmann::json& item : items)
    if (std::optional<std::string> id = ItemId(item)) ids.push_back(std::move(*id));
  return ids;
}

std::vector<std::string> CheckItemList(const nlohmann::json& value) {
  if (!value.is_array()) return {ExpectedGot("an array of items {\"id\", \"title\", \"body\"}", value)};
  if (value.empty()) return {"expected at least one item to rank, got an empty array"};
  std::vector<std::string> reasons;
  std::set<std::string> seen;
  for (std::size_t index = 0; index < value.size(); ++index) {
    const nlohmann::json& item = value[index];
    const std::string prefix = "item " + std::to_string(index) + ": ";
    if (!item.is_object()) {
      reasons.push_back(prefix + ExpectedGot("an object with an id", item));
      continue;
    }
    std::optional<std::string> id = ItemId(item);
    if (!id) {
      auto it = item.find("id");
      reasons.push_back(prefix + (it == item.end() ? std::string("missing \"id\"")
                                                   : "id: " + ExpectedGot("a non-empty string or an integer", *it)));
    } else if (!seen.insert(*id).second) {
      reasons.push_back(prefix + "id " + Quoted(*id) + " is used by an earlier item");
    }
    for (const char* key : {"title", "body", "html"}) {
      auto it = item.find(key);
      if (it != item.end() && !it->is_string()) reasons.push_back(prefix + key + ": " + ExpectedGot("a string", *it));
    }
  }
  return reasons;
}

}  // namespace quorum
