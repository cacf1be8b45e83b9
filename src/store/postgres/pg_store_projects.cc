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

Status PgStore::UpdateProject(const Project& project) {
  Params params;
  params.Int(project.workspace_id).Text(project.name).Text(SchemaToJson(project.schema).dump()).Text(project.guidelines);
  params.Int(project.guideline_version).Text(project.settings.dump()).Int(project.id);
  Result<PgResult> updated = Exec(kUpdateProject, params);
  if (!updated.ok())
    return updated.error().code == ErrorCode::kNotFound ? WorkspaceNotFound(project.workspace_id)
                                                        : std::move(updated).error();
  if (updated->affected() == 0) return ProjectNotFound(project.id);
  return OkStatus();
}

Status PgStore::DeleteProject(int64_t id) {
  // One statement: the cascade (records, suggestions, responses, revisions, queue) is atomic.
  QUORUM_ASSIGN_OR_RETURN(PgResult deleted, Exec(kDeleteProject, Params().Int(id)));
  if (deleted.affected() == 0) return ProjectNotFound(id);
  return OkStatus();
}

}  // namespace quorum::postgres
