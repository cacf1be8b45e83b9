// SqliteStore: users and workspace memberships.
#include <string>

#include <nlohmann/json.hpp>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

std::string SpecializationsJson(const User& user) { return nlohmann::json(user.specializations).dump(); }

Error EmailTaken(const std::string& email) {
  return MakeError(ErrorCode::kConflict, "a user with email '" + email + "' already exists");
}

// Reads at most one user from a query already bound.
Result<User> OneUser(Query& query, const std::string& what) {
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return MakeError(ErrorCode::kNotFound, what + " not found");
  return ReadUser(query);
}

}  // namespace

Result<User> SqliteStore::CreateUser(const User& user) {
  User created = user;
  created.email = LowerCaseEmail(user.email);
  created.created_at_ms = clock_.NowMs();
  std::string specializations = SpecializationsJson(created);
  QUORUM_RETURN_IF_ERROR(Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query insert, connection.Use(kInsertUser));
    insert.BindText(created.email).BindText(created.name).BindText(created.password_hash).BindInt(created.tier);
    insert.BindText(specializations).BindInt(created.created_at_ms);
    Status status = insert.Run();
    if (!status.ok()) return status.error().code == ErrorCode::kConflict ? EmailTaken(created.email) : status.error();
    created.id = connection.LastInsertRowid();
    return OkStatus();
  }));
  return created;
}

Result<User> SqliteStore::GetUser(int64_t id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectUser));
  query.BindInt(id);
  return OneUser(query, "user " + std::to_string(id));
}

Result<User> SqliteStore::FindUserByEmail(std::string_view email) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  std::string lower = LowerCaseEmail(email);
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectUserByEmail));
  query.BindText(lower);
  return OneUser(query, "user with email '" + lower + "'");
}

Result<std::vector<User>> SqliteStore::ListUsers() {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectUsers));
  std::vector<User> users;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return users;
    QUORUM_ASSIGN_OR_RETURN(User user, ReadUser(query));
    users.push_back(std::move(user));
  }
}

Status SqliteStore::UpdateUser(const User& user) {
  std::string email = LowerCaseEmail(user.email);
  std::string specializations = SpecializationsJson(user);
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query update, connection.Use(kUpdateUser));
    update.BindText(email).BindText(user.name).BindText(user.password_hash).BindInt(user.tier);
    update.BindText(specializations).BindInt(user.id);
    Status status = update.Run();
    if (!status.ok()) return status.error().code == ErrorCode::kConflict ? EmailTaken(email) : status.error();
    if (connection.Changes() == 0)
      return MakeError(ErrorCode::kNotFound, "user " + std::to_string(user.id) + " not found");
    return OkStatus();
  });
}

Status SqliteStore::SetMembership(const Membership& membership) {
  return Write([&](Connection& connection) -> Status {
    QUORUM_ASSIGN_OR_RETURN(Query upsert, connection.Use(kUpsertMembership));
    upsert.BindInt(membership.workspace_id).BindInt(membership.user_id).BindText(RoleName(membership.role));
    Status status = upsert.Run();
    if (!status.ok() && status.error().code == ErrorCode::kNotFound)
      return MakeError(ErrorCode::kNotFound, "workspace " + std::to_string(membership.workspace_id) + " or user " +
                                                 std::to_string(membership.user_id) + " not found");
    return status;
  });
}

Result<std::vector<Membership>> SqliteStore::ListMemberships(int64_t workspace_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectMemberships));
  query.BindInt(workspace_id);
  std::vector<Membership> memberships;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return memberships;
    QUORUM_ASSIGN_OR_RETURN(Membership membership, ReadMembership(query));
    memberships.push_back(membership);
  }
}

Result<std::optional<Role>> SqliteStore::GetRole(int64_t workspace_id, int64_t user_id) {
  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(kSelectRole));
  query.BindInt(workspace_id).BindInt(user_id);
  QUORUM_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return std::optional<Role>();
  QUORUM_ASSIGN_OR_RETURN(Role role, ParseStoredRole(query.Text(0), "membership"));
  return std::optional<Role>(role);
}

}  // namespace quorum::sqlite
