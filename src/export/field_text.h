// A record's field value as an export needs it (a text, or a chat's messages), read out of the
// record's fields JSON, and written back as a JSON string or a TRL message list.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "core/result.h"

namespace quorum {

struct Message {
  std::string role;
  std::string content;
};

// A text field's string, or a chat field's messages. Kept between records so the strings keep
// their capacity.
struct FieldText {
  bool chat = false;
  std::string text;               // when !chat
  std::vector<Message> messages;  // when chat (only the first `message_count` are in use)
  size_t message_count = 0;

  bool empty() const { return chat ? message_count == 0 : text.empty(); }
  std::span<const Message> turns() const { return {messages.data(), message_count}; }
  void SetText(std::string_view value);
  void AddMessage(std::string_view role, std::string_view content);
  void ClearMessages();
};

// Reads fields out of a record's "fields" JSON object, reusing its parse buffer.
class FieldReader {
 public:
  // Fills out[i] from the field names[i] (`out` is resized to match); a missing or non-string,
  // non-chat field is left empty. kInvalid when the JSON cannot be parsed.
  Status Read(std::string_view fields_json, std::span<const std::string> names, std::vector<FieldText>& out);

 private:
  simdjson::dom::parser parser_;
  std::string buffer_;
};

// Moves a chat's last message into `completion` when it is the assistant's, so a dialogue
// splits into a prompt and a completion. Returns false (and changes nothing) otherwise.
bool SplitLastAssistantTurn(FieldText& prompt, FieldText& completion);

// Appends the value as one JSON string; a chat is flattened into "role: content" paragraphs.
void AppendAsString(std::string& out, const FieldText& value);

// Appends the value as a JSON list of {"role", "content"} messages; a text becomes one message
// of `role`.
void AppendAsMessages(std::string& out, const FieldText& value, std::string_view role);

// Appends one {"role", "content"} message object.
void AppendMessage(std::string& out, std::string_view role, std::string_view content);

}  // namespace quorum
