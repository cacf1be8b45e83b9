#include "export/field_text.h"

#include <cstring>

#include "io/json_text.h"

namespace quorum {

void FieldText::SetText(std::string_view value) {
  chat = false;
  text.assign(value);
  message_count = 0;
}

void FieldText::ClearMessages() {
  chat = true;
  text.clear();
  message_count = 0;
}

void FieldText::AddMessage(std::string_view role, std::string_view content) {
  if (message_count == messages.size()) messages.emplace_back();
  messages[message_count].role.assign(role);
  messages[message_count].content.assign(content);
  ++message_count;
}

Status FieldReader::Read(std::string_view fields_json, std::span<const std::string> names, std::vector<FieldText>& out) {
  out.resize(names.size());
  for (FieldText& value : out) value.SetText("");
  // simdjson reads SIMDJSON_PADDING bytes past the text; the store's views have none.
  if (buffer_.size() < fields_json.size() + simdjson::SIMDJSON_PADDING)
    buffer_.resize(fields_json.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(buffer_.data(), fields_json.data(), fields_json.size());
  simdjson::dom::element root;
  if (parser_.parse(buffer_.data(), fields_json.size(), false).get(root) != simdjson::SUCCESS || !root.is_object())
    return MakeError(ErrorCode::kInvalid, "a record's fields are not a JSON object");
  for (size_t index = 0; index < names.size(); ++index) {
    simdjson::dom::element value;
    if (root[names[index]].get(value) != simdjson::SUCCESS) continue;
    if (value.is_string()) {
      out[index].SetText(value.get_string().value_unsafe());
    } else if (value.is_array()) {
      out[index].ClearMessages();
      const simdjson::dom::array messages = value.get_array().value_unsafe();  // named: the loop must not outlive it
      for (simdjson::dom::element message : messages) {
        std::string_view role, content;
        if (message["role"].get(role) != simdjson::SUCCESS || message["content"].get(content) != simdjson::SUCCESS) continue;
        out[index].AddMessage(role, content);
      }
    }
  }
  return OkStatus();
}

bool SplitLastAssistantTurn(FieldText& prompt, FieldText& completion) {
  if (!prompt.chat || prompt.message_count < 2 || prompt.messages[prompt.message_count - 1].role != "assistant")
    return false;
  const Message& last = prompt.messages[prompt.message_count - 1];
  completion.ClearMessages();
  completion.AddMessage(last.role, last.content);
  --prompt.message_count;
  return true;
}

void AppendAsString(std::string& out, const FieldText& value) {
  if (!value.chat) return AppendJsonString(out, value.text);
  std::string flat;
  for (const Message& message : value.turns()) {
    if (!flat.empty()) flat += "\n\n";
    flat += message.role;
    flat += ": ";
    flat += message.content;
  }
  AppendJsonString(out, flat);
}

void AppendMessage(std::string& out, std::string_view role, std::string_view content) {
  out += "{\"role\":";
  AppendJsonString(out, role);
  out += ",\"content\":";
  AppendJsonString(out, content);
  out += '}';
}

void AppendAsMessages(std::string& out, const FieldText& value, std::string_view role) {
  out += '[';
  if (!value.chat) {
    AppendMessage(out, role, value.text);
  } else {
    bool first = true;
    for (const Message& message : value.turns()) {
      if (!first) out += ',';
      first = false;
      AppendMessage(out, message.role, message.content);
    }
  }
  out += ']';
}

}  // namespace quorum
