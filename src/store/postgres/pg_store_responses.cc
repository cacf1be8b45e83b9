// PgStore: responses and their revisions.
#include <optional>
#include <string>

#include "store/postgres/pg_response_write.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"

namespace quorum::postgres {
namespace {

// Why inserting the response of `user_id` to `record_id` collided: names the existing response.
Error DuplicateResponse(PgConnection& connection, int64_t record_id, int64_t user_id) {
  std::string existing;
  Result<PgResult> found = connection.Exec(kSelectResponseId, Params().Int(record_id).Int(user_id));
  if (found.ok() && !found->empty()) existing = " (response " + std::to_string(found->Int(0, 0)) + ")";
  return MakeError(ErrorCode::kConflict, "user " + std::to_string(user_id) + " already has a response" + existing +
                                             " to record " + std::to_string(record_id));
}

Result<Response> InsertedResponse(PgConnection& connection, Result<PgResult> inserted, const Response& response,
                                  int64_t actor_user_id, int64_t now_ms) {
  Response saved = response;
  saved.created_at_ms = now_ms;
  saved.updated_at_ms = now_ms;
  if (!inserted.ok()) {
    if (inserted.error().code == ErrorCode::kNotFound) {
      // Which foreign key failed: the revision's (the actor) or the response's own.
      if (inserted.error().message.find("\"revisions_user_id_fkey\"") != std::string::npos)
        return MakeError(ErrorCode::kNotFound, "user " + std::to_string(actor_user_id) + " not found");
      return MakeError(ErrorCode::kNotFound, "record " + std::to_string(saved.record_id) + " or user " +
                                                 std::to_string(saved.user_id) + " not found");
    }
    return std::move(inserted).error();
  }
  if (inserted->empty()) return DuplicateResponse(connection, saved.record_id, saved.user_id);
  saved.id = inserted->Int(0, 0);
  return saved;
}

Result<Response> UpdatedResponse(Result<PgResult> updated, const Response& response, int64_t actor_user_id,
                                 int64_t now_ms) {
  Response saved = response;
  saved.updated_at_ms = now_ms;
  if (!updated.ok()) {
    if (updated.error().code == ErrorCode::kNotFound)
      return MakeError(ErrorCode::kNotFound, "user " + std::to_string(actor_user_id) + " not found");
    return std::move(updated).error();
  }
  if (updated->empty()) return MakeError(ErrorCode::kNotFound, "response " + std::to_string(saved.id) + " not found");
  // Who answered which record never changes; the stored values win over the caller's.
  saved.record_id = updated->Int(0, 0);
  saved.user_id = updated->Int(0, 1);
  saved.created_at_ms = updated->Int(0, 2);
  return saved;
}

}  // namespace

PgStatement ResponseWrite(const Response& response, const std::string& values_json, int64_t actor_user_id,
                          int64_t now_ms) {
  Params params;
  if (response.id == 0) {
    params.Int(response.record_id).Int(response.user_id).Text(values_json).Text(ResponseStatusName(response.status));
    params.Int(response.time_spent_ms).Int(response.guideline_version).Int(now_ms).Int(actor_user_id);
    return PgStatement{kInsertResponseWithRevision, std::move(params)};
  }
  params.Text(values_json).Text(ResponseStatusName(response.status)).Int(response.time_spent_ms);
  params.Int(response.guideline_version).Int(now_ms).Int(response.id).Int(actor_user_id);
  return PgStatement{kUpdateResponseWithRevision, std::move(params)};
}

Result<Response> WrittenResponse(PgConnection& connection, Result<PgResult> written, const Response& response,
                                 int64_t actor_user_id, int64_t now_ms) {
  return response.id == 0 ? InsertedResponse(connection, std::move(written), response, actor_user_id, now_ms)
                          : UpdatedResponse(std::move(written), response, actor_user_id, now_ms);
}

Result<Response> WriteResponse(PgConnection& connection, const Response& response, const std::string& values_json,
                               int64_t actor_user_id, int64_t now_ms) {
  PgStatement write = ResponseWrite(response, values_json, actor_user_id, now_ms);
  return WrittenResponse(connection, connection.Exec(write.sql, write.params), response, actor_user_id, now_ms);
}

// One autocommitted statement writes the response and its revision together.
Result<Response> PgStore::SaveResponse(const Response& response, int64_t actor_user_id) {
  int64_t now_ms = clock_.NowMs();
  std::string values_json = response.values.dump();
  QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
  return WriteResponse(*connection, response, values_json, actor_user_id, now_ms);
}

Result<Response> PgStore::GetResponse(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectResponse, Params().Int(id)));
  if (result.empty()) return MakeError(ErrorCode::kNotFound, "response " + std::to_string(id) + " not found");
  return ReadResponse(result, 0);
}

Result<std::vector<Response>> PgStore::ListResponses(int64_t record_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectResponsesOfRecord, Params().Int(record_id)));
  return ReadAll<Response>(result, ReadResponse);
}

Result<std::vector<Revision>> PgStore::ListRevisions(int64_t response_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectRevisions, Params().Int(response_id)));
  return ReadAll<Revision>(result, ReadRevision);
}

Result<std::optional<Response>> PgStore::FindResponse(int64_t record_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectResponseOfUser, Params().Int(record_id).Int(user_id)));
  if (result.empty()) return std::optional<Response>();
  QUORUM_ASSIGN_OR_RETURN(Response response, ReadResponse(result, 0));
  return std::optional<Response>(std::move(response));
}

Status PgStore::DeleteResponse(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult deleted, Exec(kDeleteResponse, Params().Int(id)));
  if (deleted.affected() == 0) return MakeError(ErrorCode::kNotFound, "response " + std::to_string(id) + " not found");
  return OkStatus();
}

}  // namespace quorum::postgres
