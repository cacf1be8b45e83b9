// PgStore: projects. The schema is stored as its native JSON text (schema/schema_json.h), parsed
// once per change (ProjectTextCache).
#include <string>

#include "schema/schema_json.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"
#include "store/project_text_cache.h"
#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

Error ProjectNotFound(int64_t id) {
  return MakeError(ErrorCode::kNotFound, "project " + std::to_string(id) + " not found");
}

Error WorkspaceNotFound(int64_t id) {
  return MakeError(ErrorCode::kNotFound, "workspace " + std::to_string(id) + " not found");
}

Result<Project> ReadProject(const PgResult& result, int row, ProjectTextCache& texts) {
  Project project;
  project.id = result.Int(row, 0);
  project.workspace_id = result.Int(row, 1);
  project.name = result.Text(row, 2);
  QUORUM_RETURN_IF_ERROR(texts.Fill(project, result.Text(row, 3), result.Text(row, 6)));
  project.guidelines = result.Text(row, 4);
  project.guideline_version = static_cast<int>(result.Int(row, 5));
  project.created_at_ms = result.Int(row, 7);
  return project;
}

}  // namespace

Result<Project> PgStore::CreateProject(const Project& project) {
  Project created = project;
  created.created_at_ms = clock_.NowMs();
  Params params;
  params.Int(created.workspace_id).Text(created.name).Text(SchemaToJson(project.schema).dump()).Text(created.guidelines);
  params.Int(created.guideline_version).Text(project.settings.dump()).Int(created.created_at_ms);
  Result<PgResult> inserted = Exec(kInsertProject, params);
  if (!inserted.ok())
    return inserted.error().code == ErrorCode::kNotFound ? WorkspaceNotFound(created.workspace_id)
                                                         : std::move(inserted).error();
  created.id = inserted->Int(0, 0);
  return created;
}

Result<Project> PgStore::GetProject(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectProject, Params().Int(id)));
  if (result.empty()) return ProjectNotFound(id);
  return ReadProject(result, 0, project_texts_);
}

Result<std::vector<Project>> PgStore::ListProjects() {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectProjects));
  return ReadAll<Project>(result,
                          [this](const PgResult& rows, int row) { return ReadProject(rows, row, project_texts_); });
}

namespace {

Params UpdateParams(const Project& project) {
  Params params;
  params.Int(project.workspace_id).Text(project.name).Text(SchemaToJson(project.schema).dump()).Text(project.guidelines);
  params.Int(project.guideline_version).Text(project.settings.dump()).Int(project.id);
  return params;
}

// What the UPDATE of UpdateProject and ChangeProject answered, as a Status.
Status Updated(const Project& project, Result<PgResult> updated) {
  if (!updated.ok())
    return updated.error().code == ErrorCode::kNotFound ? WorkspaceNotFound(project.workspace_id)
                                                        : std::move(updated).error();
  if (updated->affected() == 0) return ProjectNotFound(project.id);
  return OkStatus();
}

}  // namespace

Status PgStore::UpdateProject(const Project& project) { return Updated(project, Exec(kUpdateProject, UpdateParams(project))); }

// The read takes the row's lock (FOR UPDATE): another server's change of the project waits for
// this one to commit and then reads what it wrote.
Result<Project> PgStore::ChangeProject(int64_t id, const ProjectChange& change) {
  Project changed;
  QUORUM_RETURN_IF_ERROR(InTransaction([&](PgConnection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(PgResult current, connection.Exec(kSelectProjectForUpdate, Params().Int(id)));
    if (current.empty()) return ProjectNotFound(id);
    QUORUM_ASSIGN_OR_RETURN(changed, ReadProject(current, 0, project_texts_));
    QUORUM_RETURN_IF_ERROR(change(changed));
    changed.id = id;
    return Updated(changed, connection.Exec(kUpdateProject, UpdateParams(changed)));
  }));
  return changed;
}

Status PgStore::DeleteProject(int64_t id) {
  // One statement: the cascade (records, suggestions, responses, revisions, queue) is atomic.
  QUORUM_ASSIGN_OR_RETURN(PgResult deleted, Exec(kDeleteProject, Params().Int(id)));
  if (deleted.affected() == 0) return ProjectNotFound(id);
  return OkStatus();
}

}  // namespace quorum::postgres
