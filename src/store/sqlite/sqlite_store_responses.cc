// SqliteStore: responses and their revisions.
#include <optional>
#include <string>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_response_write.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

Status InsertRevision(Connection& connection, int64_t response_id, int64_t actor_user_id, int64_t at_ms,
                      std::string_view values_json, ResponseStatus status) {
  QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertRevision));
  insert.BindInt(response_id).BindInt(actor_user_id).BindInt(at_ms).BindText(values_json);
  Status inserted = insert.BindText(ResponseStatusName(status)).Run();
  if (!inserted.ok() && inserted.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound, "user " + std::to_string(actor_user_id) + " not found");
  return inserted;
}

// Why inserting the response of `user_id` to `record_id` collided: names the existing response.
Error DuplicateResponse(Connection& connection, int64_t record_id, int64_t user_id) {
  std::string existing;
  Result<Query> query = connection.Use(kSelectResponseId);
  if (query.ok()) {
    query->BindInt(record_id).BindInt(user_id);
    Result<bool> found = query->Step();
    if (found.ok() && *found) existing = " (response " + std::to_string(query->Int(0)) + ")";
  }
  return MakeError(ErrorCode::kConflict, "user " + std::to_string(user_id) + " already has a response" + existing +
                                             " to record " + std::to_string(record_id));
}

Result<Response> InsertResponse(Connection& connection, const Response& response, const std::string& values_json,
                                int64_t actor_user_id, int64_t now_ms) {
  Response saved = response;
  saved.created_at_ms = now_ms;
  saved.updated_at_ms = now_ms;
  {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertResponse));
    insert.BindInt(saved.record_id).BindInt(saved.user_id).BindText(values_json);
    insert.BindText(ResponseStatusName(saved.status)).BindInt(saved.time_spent_ms).BindInt(saved.guideline_version);
    Status inserted = insert.BindInt(now_ms).BindInt(now_ms).Run();
    if (!inserted.ok()) {
      if (inserted.error().code == ErrorCode::kConflict)
        return DuplicateResponse(connection, saved.record_id, saved.user_id);
      if (inserted.error().code == ErrorCode::kNotFound)
        return MakeError(ErrorCode::kNotFound, "record " + std::to_string(saved.record_id) + " or user " +
                                                   std::to_string(saved.user_id) + " not found");
      return inserted.error();
    }
  }
  saved.id = connection.LastInsertRowid();
  QUORUM_RETURN_IF_ERROR(InsertRevision(connection, saved.id, actor_user_id, now_ms, values_json, saved.status));
  return saved;
}

Result<Response> UpdateResponse(Connection& connection, const Response& response, const std::string& values_json,
                                int64_t actor_user_id, int64_t now_ms) {
  Response saved = response;
  saved.updated_at_ms = now_ms;
  {
    QUORUM_ASSIGN_OR_RETURN(Query update, connection.Use(kUpdateResponse));
    update.BindText(values_json).BindText(ResponseStatusName(saved.status)).BindInt(saved.time_spent_ms);
    update.BindInt(saved.guideline_version).BindInt(now_ms).BindInt(saved.id);
    QUORUM_ASSIGN_OR_RETURN(bool found, update.Step());
    if (!found) return MakeError(ErrorCode::kNotFound, "response " + std::to_string(saved.id) + " not found");
    // Who answered which record never changes; the stored values win over the caller's.
    saved.record_id = update.Int(0);
    saved.user_id = update.Int(1);
    saved.created_at_ms = update.Int(2);
    QUORUM_RETURN_IF_ERROR(update.Run());
  }
  QUORUM_RETURN_IF_ERROR(InsertRevision(connection, saved.id, actor_user_id, now_ms, values_json, saved.status));
  return saved;
}

}  // namespace

Result<Response> WriteResponse(Connection& connection, const Response& response, const std::string& values_json,
                               int64_t actor_user_id, int64_t now_ms) {
  return response.id == 0 ? InsertResponse(connection, response, values_json, actor_user_id, now_ms)
                          : UpdateResponse(connection, response, values_json, actor_user_id, now_ms);
}

// The hot write path: many annotators' saves share a commit (see GroupCommitter). The response
// row and its revision land together or not at all (the write's savepoint).
Result<Response> SqliteStore::SaveResponse(const Response& response, int64_t actor_user_id) {
  int64_t now_ms = clock_.NowMs();
  std::string values_json = response.values.dump();  // may throw: kept out of the shared transaction
  std::optional<Result<Response>> saved;
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    saved = WriteResponse(connection, response, values_json, actor_user_id, now_ms);
    if (!saved->ok()) return saved->error();
    return OkStatus();
  }));
  return std::move(*saved);
}

Result<Response> SqliteStore::GetResponse(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectResponse));
  query.BindInt(id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, "response " + std::to_string(id) + " not found");
  return ReadResponse(query);
}

Result<std::vector<Response>> SqliteStore::ListResponses(int64_t record_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectResponsesOfRecord));
  query.BindInt(record_id);
  std::vector<Response> responses;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return responses;
    QUORUM_ASSIGN_OR_RETURN(Response response, ReadResponse(query));
    responses.push_back(std::move(response));
  }
}

Result<std::vector<Revision>> SqliteStore::ListRevisions(int64_t response_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectRevisions));
  query.BindInt(response_id);
  std::vector<Revision> revisions;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return revisions;
    QUORUM_ASSIGN_OR_RETURN(Revision revision, ReadRevision(query));
    revisions.push_back(std::move(revision));
  }
}

Result<std::optional<Response>> SqliteStore::FindResponse(int64_t record_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectResponseOfUser));
  query.BindInt(record_id).BindInt(user_id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return std::optional<Response>();
  QUORUM_ASSIGN_OR_RETURN(Response response, ReadResponse(query));
  return std::optional<Response>(std::move(response));
}

Status SqliteStore::DeleteResponse(int64_t id) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query remove, connection.Use(kDeleteResponse));
    QUORUM_RETURN_IF_ERROR(remove.BindInt(id).Run());
    if (connection.Changes() == 0) return MakeError(ErrorCode::kNotFound, "response " + std::to_string(id) + " not found");
    return OkStatus();
  });
}

}  // namespace quorum::sqlite
