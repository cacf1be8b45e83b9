// Parsed project schemas and settings, reused while their stored texts stay the same. Shared by
// the SQLite and PostgreSQL backends; private to src/store.
//
// Why: every request on a project reads it, and parsing its schema and settings JSON each time
// cost about a twentieth of a GET record. The cache is keyed by the stored texts themselves,
// read in the same query as the rest of the project, so whoever changed them (this server,
// another server on the same database, a migration) the changed text is parsed afresh: never
// a stale schema, with no version column to keep.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/project.h"
#include "core/result.h"

namespace quorum {

class ProjectTextCache {
 public:
  // Sets project.schema and project.settings from their stored texts: copies of what was
  // parsed before when both texts are byte for byte those last seen for project.id, else parsed
  // (and kept for next time). kInternal naming the project when a text does not parse or the
  // schema is unreadable (the store wrote them, so that is corruption or a bug). Thread-safe.
  Status Fill(Project& project, std::string_view schema_text, std::string_view settings_text);

  // Projects kept at most; past it the cache starts over (there are rarely so many).
  static constexpr std::size_t kMaxProjects = 1024;

 private:
  struct Parsed {
    Schema schema;
    nlohmann::json settings;
  };
  struct Entry {
    std::string schema_text;
    std::string settings_text;
    std::shared_ptr<const Parsed> parsed;
  };

  std::mutex mutex_;
  std::unordered_map<int64_t, Entry> entries_;  // GUARDED_BY(mutex_), by project id
};

}  // namespace quorum
