// The SQLite implementation of Store. Private to src/store/sqlite: callers reach it through
// OpenStore() only. Method contracts are those of store.h.
//
// Threading: one connection, serialized by `mutex_`; every method holds the mutex for its
// whole duration. The mutex is recursive so that the thread holding an open ImportBatch (which
// keeps the mutex locked from BeginImport until Commit or destruction) may still call the
// store; other threads wait until the batch is finished. The batch's thread sees the batch's
// uncommitted rows; a write method it calls joins the batch's transaction (as a savepoint) and
// becomes durable only when the batch commits.
// ScanProject opens a connection of its own and does not take the mutex: an export reads one
// committed snapshot while other threads go on reading and writing (WAL allows both), and its
// visitor may call the store. WAL checkpoints run on the Checkpointer's thread and connection.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "store/sqlite/sqlite_checkpointer.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"

namespace quorum::sqlite {

class SqliteStore final : public Store {
 public:
  // Takes a migrated connection to the database at `path` and the checkpointer watching it;
  // `clock` must outlive the store.
  SqliteStore(std::string path, std::unique_ptr<Connection> connection, std::unique_ptr<Checkpointer> checkpointer,
              const Clock& clock);

  Result<Workspace> CreateWorkspace(std::string_view name) override;
  Result<Workspace> GetWorkspace(int64_t id) override;
  Result<std::vector<Workspace>> ListWorkspaces() override;

  Result<User> CreateUser(const User& user) override;
  Result<User> GetUser(int64_t id) override;
  Result<User> FindUserByEmail(std::string_view email) override;
  Result<std::vector<User>> ListUsers() override;
  Status UpdateUser(const User& user) override;
  Status SetMembership(const Membership& membership) override;
  Result<std::vector<Membership>> ListMemberships(int64_t workspace_id) override;
  Result<std::optional<Role>> GetRole(int64_t workspace_id, int64_t user_id) override;

  Result<Project> CreateProject(const Project& project) override;
  Result<Project> GetProject(int64_t id) override;
  Result<std::vector<Project>> ListProjects() override;
  Status UpdateProject(const Project& project) override;
  Status DeleteProject(int64_t id) override;

  Result<Record> GetRecord(int64_t id) override;
  Result<int64_t> CountRecords(int64_t project_id) override;
  Result<std::vector<Record>> ListRecords(int64_t project_id, int64_t after_id, int limit) override;
  Result<std::vector<Suggestion>> ListSuggestions(int64_t record_id) override;

  Result<Response> SaveResponse(const Response& response, int64_t actor_user_id) override;
  Result<Response> GetResponse(int64_t id) override;
  Result<std::vector<Response>> ListResponses(int64_t record_id) override;
  Result<std::vector<Revision>> ListRevisions(int64_t response_id) override;

  Result<std::unique_ptr<ImportBatch>> BeginImport(int64_t project_id) override;
  Status ScanProject(int64_t project_id, ProjectVisitor& visitor) override;

 private:
  using Lock = std::unique_lock<std::recursive_mutex>;

  Result<Project> LoadProject(int64_t id);  // needs the lock held
  Result<Response> InsertResponse(const Response& response, int64_t actor_user_id, int64_t now_ms);
  Result<Response> UpdateResponse(const Response& response, int64_t actor_user_id, int64_t now_ms);

  const std::string path_;  // for the connections ScanProject opens
  const Clock& clock_;
  std::recursive_mutex mutex_;
  std::unique_ptr<Checkpointer> checkpointer_;  // declared before connection_: outlives it
  std::unique_ptr<Connection> connection_;      // GUARDED_BY(mutex_)
};

}  // namespace quorum::sqlite
