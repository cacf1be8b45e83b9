// PgStore: users and workspace memberships.
#include <string>

#include <nlohmann/json.hpp>

#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"
#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

std::string SpecializationsJson(const User& user) { return nlohmann::json(user.specializations).dump(); }

Error EmailTaken(const std::string& email) {
  return MakeError(ErrorCode::kConflict, "a user with email '" + email + "' already exists");
}

Result<User> OneUser(const PgResult& result, const std::string& what) {
  if (result.empty()) return MakeError(ErrorCode::kNotFound, what + " not found");
  return ReadUser(result, 0);
}

}  // namespace

Result<User> PgStore::CreateUser(const User& user) {
  User created = user;
  created.email = LowerCaseEmail(user.email);
  created.created_at_ms = clock_.NowMs();
  Params params;
  params.Text(created.email).Text(created.name).Text(created.password_hash).Int(created.tier);
  params.Text(SpecializationsJson(created)).Int(created.created_at_ms);
  Result<PgResult> inserted = Exec(kInsertUser, params);
  if (!inserted.ok())
    return inserted.error().code == ErrorCode::kConflict ? EmailTaken(created.email) : std::move(inserted).error();
  created.id = inserted->Int(0, 0);
  return created;
}

Result<User> PgStore::GetUser(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectUser, Params().Int(id)));
  return OneUser(result, "user " + std::to_string(id));
}

Result<User> PgStore::FindUserByEmail(std::string_view email) {
  std::string lower = LowerCaseEmail(email);
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectUserByEmail, Params().Text(lower)));
  return OneUser(result, "user with email '" + lower + "'");
}

Result<std::vector<User>> PgStore::ListUsers() {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectUsers));
  return ReadAll<User>(result, ReadUser);
}

Status PgStore::UpdateUser(const User& user) {
  std::string email = LowerCaseEmail(user.email);
  Params params;
  params.Text(email).Text(user.name).Text(user.password_hash).Int(user.tier).Text(SpecializationsJson(user)).Int(user.id);
  Result<PgResult> updated = Exec(kUpdateUser, params);
  if (!updated.ok()) return updated.error().code == ErrorCode::kConflict ? EmailTaken(email) : std::move(updated).error();
  if (updated->affected() == 0) return MakeError(ErrorCode::kNotFound, "user " + std::to_string(user.id) + " not found");
  return OkStatus();
}

Status PgStore::SetMembership(const Membership& membership) {
  Result<PgResult> upserted =
      Exec(kUpsertMembership, Params().Int(membership.workspace_id).Int(membership.user_id).Text(RoleName(membership.role)));
  if (!upserted.ok() && upserted.error().code == ErrorCode::kNotFound)
    return MakeError(ErrorCode::kNotFound, "workspace " + std::to_string(membership.workspace_id) + " or user " +
                                               std::to_string(membership.user_id) + " not found");
  if (!upserted.ok()) return std::move(upserted).error();
  return OkStatus();
}

Result<std::vector<Membership>> PgStore::ListMemberships(int64_t workspace_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectMemberships, Params().Int(workspace_id)));
  return ReadAll<Membership>(result, ReadMembership);
}

Result<std::optional<Role>> PgStore::GetRole(int64_t workspace_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(kSelectRole, Params().Int(workspace_id).Int(user_id)));
  if (result.empty()) return std::optional<Role>();
  QUORUM_ASSIGN_OR_RETURN(Role role, ParseStoredRole(result.Text(0, 0), "membership"));
  return std::optional<Role>(role);
}

}  // namespace quorum::postgres
