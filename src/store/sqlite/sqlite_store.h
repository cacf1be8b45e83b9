// The SQLite implementation of Store. Private to src/store/sqlite: callers reach it through
// OpenStore() only. Method contracts are those of store.h.
//
// Threading:
// - Writes. One writer connection, guarded by `writer_mutex_`. Every write method runs through
//   the GroupCommitter: concurrent writes share one transaction and one fsync, each in its own
//   savepoint, and a caller returns once its write is durable. The writer commits without an
//   fsync (synchronous=NORMAL) and every commit on it is then made durable through `wal_sync_`
//   after the mutex is let go (see sqlite_wal_sync.h); only Reserve's hold is acknowledged once
//   committed, before its sync (Durability::kCommitted). DeleteProject alone runs as its
//   own autocommit statement (WriteAlone). The mutex is recursive so that the thread holding
//   an open ImportBatch (which keeps it locked from BeginImport until Commit or destruction,
//   recording itself in `batch_thread_`) may still call the store: its writes run directly in
//   the batch's transaction (each in a savepoint) and become durable only when the batch
//   commits; writes of other threads wait for the batch.
// - Reads. The pure read methods take a connection from a pool of read-only connections and
//   never wait for the writer (its fsync, an open import batch). WAL gives each read the latest
//   committed state, so a read that follows an acknowledged write sees it. On the batch's own
//   thread reads go to the writer connection instead and see the batch's uncommitted rows. A
//   ":memory:" database exists only on the writer connection, which then serves every read.
// - ScanProject opens a read-only connection of its own, with a small page cache, and reads one
//   committed snapshot, so an export holds no pooled connection; its visitor may call the store.
// - WAL checkpoints run on the Checkpointer's thread and connection.
// Sessions: CreateSession also deletes the user's sessions that expired by its created_at.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"
#include "store/project_text_cache.h"
#include "store/sqlite/sqlite_checkpointer.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_group_commit.h"
#include "store/sqlite/sqlite_reader_pool.h"
#include "store/store.h"

namespace quorum::sqlite {

// What a call refused inside a NoWaitScope returns (kIo; nobody outside the scope sees it).
Error Refused();

class SqliteStore final : public Store {
 public:
  // Takes a migrated writer connection to the database at `path`, the checkpointer watching it,
  // the pool of readers and the WAL's sync (both null for ":memory:"; with a WalSync the writer
  // must be set to synchronous=NORMAL); `clock` must outlive the store.
  SqliteStore(std::string path, std::unique_ptr<Connection> writer, std::unique_ptr<Checkpointer> checkpointer,
              std::unique_ptr<ReaderPool> readers, std::unique_ptr<WalSync> wal_sync, const Clock& clock);

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
  Result<Project> ChangeProject(int64_t id, const ProjectChange& change) override;
  Status DeleteProject(int64_t id) override;

  Result<Record> GetRecord(int64_t id) override;
  Result<int64_t> CountRecords(int64_t project_id) override;
  Result<std::vector<Record>> ListRecords(int64_t project_id, int64_t after_id, int limit) override;
  Result<std::vector<Suggestion>> ListSuggestions(int64_t record_id) override;

  Result<Response> SaveResponse(const Response& response, int64_t actor_user_id) override;
  Result<Response> GetResponse(int64_t id) override;
  Result<std::vector<Response>> ListResponses(int64_t record_id) override;
  Result<std::vector<Revision>> ListRevisions(int64_t response_id) override;

  Result<std::vector<Record>> FindRecords(const RecordFilter& filter) override;
  Status UpsertSuggestions(std::span<const Suggestion> suggestions) override;
  Result<std::optional<Response>> FindResponse(int64_t record_id, int64_t user_id) override;

  Status CreateSession(const Session& session) override;
  Result<SessionCaller> FindSession(std::string_view id_hash, int64_t now_ms, int64_t workspace_id) override;
  Status DeleteSession(std::string_view id_hash) override;
  Status DeleteSessionsOf(int64_t user_id) override;

  Result<ApiToken> CreateToken(const ApiToken& token) override;
  Result<TokenCaller> FindTokenByHash(std::string_view token_hash, int64_t workspace_id) override;
  Result<std::vector<ApiToken>> ListTokens(int64_t user_id) override;
  Status RevokeToken(int64_t token_id, int64_t user_id) override;

  Result<std::unique_ptr<ImportBatch>> BeginImport(int64_t project_id) override;
  Status ScanProject(int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) override;

  Status UpdateRecord(const Record& record) override;
  Status DeleteRecord(int64_t id) override;
  Status DeleteResponse(int64_t id) override;

  Result<std::optional<Reservation>> Reserve(const ReserveRequest& request) override;
  Result<Response> SaveResponseWithin(const Response& response, int64_t actor_user_id,
                                      const ResponseLimits& limits) override;
  Result<bool> WasHandedOut(int64_t record_id, int64_t user_id) override;
  Result<DistributionProgress> ProgressOf(int64_t project_id, int64_t user_id, int overlap) override;
  Result<int64_t> CountLiveReservations(int64_t project_id, int64_t now_ms) override;
  Result<ProjectTotals> TotalsOf(int64_t project_id, int overlap) override;
  Result<std::vector<Record>> ListRecordsPage(int64_t project_id, int64_t offset, int limit) override;
  Result<std::vector<Reservation>> ListReservations(int64_t project_id, int64_t now_ms, int limit) override;
  Result<std::vector<AnnotatorQueueCounts>> ListAnnotatorCounts(int64_t project_id, int64_t now_ms) override;
  Status SetUncertainty(int64_t record_id, std::optional<double> score) override;
  Status SetUncertainties(int64_t project_id, std::span<const UncertaintyScore> scores) override;
  Result<GoldTally> GoldTallyOf(int64_t project_id, int64_t user_id) override;
  Status ReinstateAnnotator(int64_t project_id, int64_t user_id, int64_t now_ms) override;
  Status SetReviews(int64_t project_id, std::span<const Review> reviews) override;
  Status ClearReview(int64_t response_id) override;
  Result<std::vector<Review>> ListReviews(int64_t record_id) override;

  Status RecordLoginFailure(std::string_view account, std::string_view address, int64_t at_ms,
                            int64_t forget_before_ms) override;
  Result<LoginFailureTimes> RecentLoginFailures(std::string_view account, std::string_view address, int64_t after_ms,
                                                int account_limit, int address_limit) override;
  Status ClearLoginFailures(std::string_view account) override;
  Status SetNextId(IdKind kind, int64_t next_id) override;
  Result<int64_t> LastId(IdKind kind) override;

  // FindTokenByHash records a use at most this often per token.
  static constexpr int64_t kTokenUseResolutionMs = 60'000;

 private:
  using Lock = std::unique_lock<std::recursive_mutex>;

  // The connection one read uses, held for the Reading's life: a pooled reader, or the writer
  // (under its mutex) on an import batch's thread and for ":memory:". Inside a NoWaitScope,
  // kIo (refused) instead of waiting for a reader or the writer, and the scope's first read
  // keeps its reader in a read transaction until the scope ends: the scope's reads share it.
  class Reading {
   public:
    Connection& connection() const { return *connection_; }

   private:
    friend class SqliteStore;
    Lock writer_lock_;
    ReaderPool::Lease lease_;
    Connection* connection_ = nullptr;
  };
  Result<Reading> Read();

  // Runs `write` as one atomic write: through group commit, or, on the thread holding an import
  // batch, in a savepoint of the batch's transaction. See GroupCommitter::Write for what
  // `write` may do; it reports values through what it captures. Refused (kIo) inside a
  // NoWaitScope, as WriteAlone is.
  Status Write(const GroupCommitter::Write& write, Durability durability = Durability::kOnDisk);
  // Runs `write`, which must be a single statement, outside group commit as an autocommit
  // transaction of its own: no savepoint, so a statement that changes a great many pages keeps
  // no in-memory copy of them. Joins the batch on an import batch's thread, like Write.
  Status WriteAlone(const GroupCommitter::Write& write);

  bool OnBatchThread() const { return batch_thread_.load() == std::this_thread::get_id(); }

  const std::string path_;  // for the connections ScanProject opens
  const Clock& clock_;
  std::recursive_mutex writer_mutex_;
  std::unique_ptr<Checkpointer> checkpointer_;  // declared before writer_: outlives it
  std::unique_ptr<Connection> writer_;          // GUARDED_BY(writer_mutex_)
  std::unique_ptr<ReaderPool> readers_;         // null: reads use the writer
  std::unique_ptr<WalSync> wal_sync_;           // null: commits on writer_ sync themselves
  GroupCommitter committer_;                    // over writer_, writer_mutex_ and wal_sync_
  // The thread that holds an open import batch (and writer_mutex_), or none. Set and cleared
  // by that thread while it holds the mutex.
  std::atomic<std::thread::id> batch_thread_{};
  ProjectTextCache project_texts_;  // parsed schemas and settings, keyed by their texts
};

}  // namespace quorum::sqlite
