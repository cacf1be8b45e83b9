#include "store/project_text_cache.h"

#include "schema/schema_json.h"
#include "store/stored_values.h"

namespace quorum {

Status ProjectTextCache::Fill(Project& project, std::string_view schema_text, std::string_view settings_text) {
  std::shared_ptr<const Parsed> parsed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = entries_.find(project.id);
    if (found != entries_.end() && found->second.schema_text == schema_text &&
        found->second.settings_text == settings_text)
      parsed = found->second.parsed;
  }
  if (parsed == nullptr) {
    // Parsed outside the lock: two threads may both parse a changed project; either result
    // is the same.
    const std::string what = "project " + std::to_string(project.id);
    QUORUM_ASSIGN_OR_RETURN(nlohmann::json schema_json, ParseStoredJson(schema_text, what + " schema"));
    Result<Schema> schema = SchemaFromJson(schema_json, what + " schema");
    // The store wrote this schema itself, so a schema the parser now refuses is our bug (or a
    // parser that grew stricter without a migration), never the caller's input.
    if (!schema.ok())
      return MakeError(ErrorCode::kInternal,
                       "stored schema of " + what + " is unreadable: " + schema.error().ToString());
    QUORUM_ASSIGN_OR_RETURN(nlohmann::json settings, ParseStoredJson(settings_text, what + " settings"));
    parsed = std::make_shared<const Parsed>(Parsed{std::move(schema).value(), std::move(settings)});
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() >= kMaxProjects) entries_.clear();
    entries_[project.id] = Entry{std::string(schema_text), std::string(settings_text), parsed};
  }
  project.schema = parsed->schema;
  project.settings = parsed->settings;
  return OkStatus();
}

}  // namespace quorum
