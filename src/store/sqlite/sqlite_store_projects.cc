// SqliteStore: projects. The schema is stored as its native JSON text (schema/schema_json.h),
// parsed once per change (ProjectTextCache).
#include <string>

#include "schema/schema_json.h"
#include "store/project_text_cache.h"
#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

Error ProjectNotFound(int64_t id) {
  return MakeError(ErrorCode::kNotFound, "project " + std::to_string(id) + " not found");
}

Error WorkspaceNotFound(int64_t id) {
  return MakeError(ErrorCode::kNotFound, "workspace " + std::to_string(id) + " not found");
}

Result<Project> ReadProject(const Query& row, ProjectTextCache& texts) {
  Project project;
  project.id = row.Int(0);
  project.workspace_id = row.Int(1);
  project.name = row.Text(2);
  QUORUM_RETURN_IF_ERROR(texts.Fill(project, row.Text(3), row.Text(6)));
  project.guidelines = row.Text(4);
  project.guideline_version = static_cast<int>(row.Int(5));
  project.created_at_ms = row.Int(7);
  return project;
}

}  // namespace

Result<Project> SqliteStore::CreateProject(const Project& project) {
  Project created = project;
  created.created_at_ms = clock_.NowMs();
  std::string schema_json = SchemaToJson(project.schema).dump();
  std::string settings_json = project.settings.dump();
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertProject));
    insert.BindInt(created.workspace_id).BindText(created.name).BindText(schema_json).BindText(created.guidelines);
    insert.BindInt(created.guideline_version).BindText(settings_json).BindInt(created.created_at_ms);
    Status status = insert.Run();
    if (!status.ok())
      return status.error().code == ErrorCode::kNotFound ? WorkspaceNotFound(created.workspace_id) : status.error();
    created.id = connection.LastInsertRowid();
    return OkStatus();
  }));
  return created;
}

Result<Project> SqliteStore::GetProject(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectProject));
  query.BindInt(id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return ProjectNotFound(id);
  return ReadProject(query, project_texts_);
}

Result<std::vector<Project>> SqliteStore::ListProjects() {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectProjects));
  std::vector<Project> projects;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return projects;
    QUORUM_ASSIGN_OR_RETURN(Project project, ReadProject(query, project_texts_));
    projects.push_back(std::move(project));
  }
}

namespace {

// The UPDATE of UpdateProject and ChangeProject, with the project's JSON already serialized.
Status StoreProject(Connection& connection, const Project& project, const std::string& schema_json,
                    const std::string& settings_json) {
  QUORUM_ASSIGN_OR_RETURN(Query update, connection.Use(kUpdateProject));
  update.BindInt(project.workspace_id).BindText(project.name).BindText(schema_json).BindText(project.guidelines);
  update.BindInt(project.guideline_version).BindText(settings_json).BindInt(project.id);
  Status status = update.Run();
  if (!status.ok())
    return status.error().code == ErrorCode::kNotFound ? WorkspaceNotFound(project.workspace_id) : status.error();
  if (connection.Changes() == 0) return ProjectNotFound(project.id);
  return OkStatus();
}

}  // namespace

Status SqliteStore::UpdateProject(const Project& project) {
  std::string schema_json = SchemaToJson(project.schema).dump();
  std::string settings_json = project.settings.dump();
  return Write([&](Connection& connection) -> Status {
    return StoreProject(connection, project, schema_json, settings_json);
  });
}

// The read, the change and the UPDATE run in one write, so the writer's lock keeps any other
// change of the project out between them.
Result<Project> SqliteStore::ChangeProject(int64_t id, const ProjectChange& change) {
  Project changed;
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    {
      QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kSelectProject));
      query.BindInt(id);
      QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
      if (!found) return ProjectNotFound(id);
      QUORUM_ASSIGN_OR_RETURN(changed, ReadProject(query, project_texts_));
    }
    QUORUM_RETURN_IF_ERROR(change(changed));
    changed.id = id;
    std::string schema_json, settings_json;
    try {  // a Write must not throw; JSON parsed by nlohmann always serializes, but be sure
      schema_json = SchemaToJson(changed.schema).dump();
      settings_json = changed.settings.dump();
    } catch (const std::exception& error) {
      return MakeError(ErrorCode::kInvalid, std::string("project ") + std::to_string(id) + ": " + error.what());
    }
    return StoreProject(connection, changed, schema_json, settings_json);
  }));
  return changed;
}

Status SqliteStore::DeleteProject(int64_t id) {
  // The cascade (records, suggestions, responses, revisions) runs inside this one statement,
  // which SQLite makes atomic on its own; alone, so that it journals no pages in memory.
  return WriteAlone([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query remove, connection.Use(kDeleteProject));
    QUORUM_RETURN_IF_ERROR(remove.BindInt(id).Run());
    if (connection.Changes() == 0) return ProjectNotFound(id);
    return OkStatus();
  });
}

}  // namespace quorum::sqlite
