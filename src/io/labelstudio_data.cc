#include "io/labelstudio_data.h"

namespace quorum {
namespace {

using nlohmann::json;

// Renames the keys of each message object: `from_role` -> `to_role`, `from_text` -> `to_text`.
json RenameMessageKeys(json messages, const std::string& from_role, const std::string& from_text,
                       const std::string& to_role, const std::string& to_text) {
  if (!messages.is_array() || (from_role == to_role && from_text == to_text)) return messages;
  for (json& message : messages) {
    if (!message.is_object()) continue;
    json renamed = json::object();
    for (auto& [key, value] : message.items()) {
      if (key == from_role) renamed[to_role] = std::move(value);
      else if (key == from_text) renamed[to_text] = std::move(value);
      else if (!renamed.contains(key)) renamed[key] = std::move(value);
    }
    message = std::move(renamed);
  }
  return messages;
}

bool IsRankingList(const LabelConfig& config, const std::string& key) {
  const ObjectBinding* object = config.FindObject(key);
  return object != nullptr && !object->item_fields.empty();
}

}  // namespace

void SplitTaskData(const LabelConfig& config, json&& data, json& fields, json& metadata) {
  for (auto& [key, value] : data.items()) {
    if (config.schema.FindField(key) != nullptr) {
      const ObjectBinding* object = config.FindObjectForField(key);
      if (object != nullptr && object->tag == LabelStudioObject::kParagraphs)
        fields[key] = RenameMessageKeys(std::move(value), object->name_key, object->text_key, "role", "content");
      else
        fields[key] = std::move(value);
    } else if (!IsRankingList(config, key)) {
      metadata[key] = std::move(value);
    }
  }
}

json JoinTaskData(const LabelConfig& config, const json& fields, const json& metadata) {
  json data = json::object();
  if (metadata.is_object())
    for (const auto& [key, value] : metadata.items())
      if (key != kTaskMetaKey) data[key] = value;
  if (fields.is_object()) {
    for (const auto& [key, value] : fields.items()) {
      const ObjectBinding* object = config.FindObjectForField(key);
      if (object != nullptr && object->tag == LabelStudioObject::kParagraphs)
        data[key] = RenameMessageKeys(value, "role", "content", object->name_key, object->text_key);
      else
        data[key] = value;
    }
  }
  for (const ObjectBinding& object : config.objects) {
    if (object.item_fields.empty()) continue;
    json items = json::array();
    for (const std::string& field : object.item_fields) {
      const FieldSpec* spec = config.schema.FindField(field);
      json body = fields.is_object() && fields.contains(field) ? fields[field] : json("");
      items.push_back(json{{"id", field},
                           {"title", spec == nullptr ? field : spec->title},
                           {"body", body.is_string() ? body : json(body.dump())}});
    }
    data[object.name] = std::move(items);
  }
  return data;
}

}  // namespace quorum
