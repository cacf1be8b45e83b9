// The items of an item_list field (Label Studio's <List> data): what a valid list is and the ids
// a ranking of it orders. Label Studio keys its items by id in a JavaScript object, so an
// integer id and its decimal string are one id, and results always carry strings
// (label-studio-frontend 1.13, tags/object/List.js and tags/control/Ranker.js).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace quorum {

// The reasons `value` is not a valid item list; empty when it is. A list is a non-empty array
// of objects, each with an "id" (a non-empty string or an integer) distinct from the others
// and optional string "title", "body" and "html"; other keys are kept and ignored.
std::vector<std::string> CheckItemList(const nlohmann::json& value);

// The id of one item as results carry it (a string; an integer id in decimal), or nullopt
// when the item has no usable id.
std::optional<std::string> ItemId(const nlohmann::json& item);

// The ids of a list's items, in list order; items without a usable id are left out.
std::vector<std::string> ItemIds(const nlohmann::json& items);

}  // namespace quorum
