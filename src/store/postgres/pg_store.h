// The PostgreSQL implementation of Store. Private to src/store/postgres: callers reach it
// through OpenStore() only. Method contracts are those of store.h.
//
// Several quorum servers may share one database, so nothing that must hold across them lives
// in this process's memory:
// - Connections. A PgPool of up to N connections (URL parameter pool_size, default 16); a
//   method borrows one for its duration and waits when all are lent.
// - Writes. A single-statement write runs as its own autocommitted statement; a write of
//   several statements runs in one transaction (BEGIN .. COMMIT) and is rerun, whole, when
//   PostgreSQL reports a deadlock or serialization failure. A method returns after COMMIT;
//   with synchronous_commit on (PostgreSQL's default), that is after the WAL flush.
// - Distribution guarantees. Reserve takes the (project, annotator) advisory lock and claims
//   records by locking their queue entries; SaveResponseWithin locks the record's queue entry
//   (pg_sql_distribution.h): their checks and writes hold across every process. The counts
//   they read are kept by triggers in the same transactions as the rows they count.
// - Round trips. Reserve and SaveResponseWithin pipeline their statements (PgPipeline): two
//   round trips each in the common path, BEGIN and COMMIT included.
// - Reads see the latest committed state (READ COMMITTED): a read after an acknowledged write
//   sees it, from any server.
// - ImportBatch holds one connection and one open transaction until Commit or destruction;
//   other callers do not wait for it (it takes no lock beyond the rows it writes). Its rows
//   are invisible to every other connection, this thread's other store calls included.
// - ScanProject reads one REPEATABLE READ snapshot through server-side cursors on a
//   connection of its own, a batch of rows at a time; its visitor may call the store.
#pragma once

#include <functional>
#include <memory>

#include "core/clock.h"
#include "store/postgres/pg_pool.h"
#include "store/project_text_cache.h"
#include "store/store.h"

namespace quorum::postgres {

class PgStore final : public Store {
 public:
  // `clock` must outlive the store.
  PgStore(std::unique_ptr<PgPool> pool, const Clock& clock) : pool_(std::move(pool)), clock_(clock) {}

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

  Result<ProjectTotals> TotalsOf(int64_t project_id, int overlap) override;
  Result<std::vector<Record>> ListRecordsPage(int64_t project_id, int64_t offset, int limit) override;

  // FindTokenByHash records a use at most this often per token.
  static constexpr int64_t kTokenUseResolutionMs = 60'000;

 private:
  using Write = std::function<Status(PgConnection&)>;

  // Runs one statement on a pooled connection (autocommit): every read, and single-statement
  // writes.
  Result<PgResult> Exec(const char* sql, const Params& params = {});
  // Runs `write` in one transaction on a pooled connection and commits; rolls back on error.
  // Reruns it (up to a few times) after a deadlock or serialization failure, so `write` must
  // set what it reports afresh on each run.
  Status InTransaction(const Write& write);
  // The same for a `transaction` that sends BEGIN and COMMIT itself, so that it can pipeline
  // them with its first and last statements (PgPipeline): rolled back when it fails with a
  // transaction open, rerun whole after a deadlock or serialization failure.
  Status RunTransaction(const Write& transaction);
  // One of Reserve's hand-out transactions (pg_store_reserve.cc).
  Result<bool> ReserveOnce(const ReserveRequest& request, std::optional<Reservation>& reservation);

  std::unique_ptr<PgPool> pool_;
  const Clock& clock_;
  ProjectTextCache project_texts_;  // parsed schemas and settings, keyed by their texts
};

}  // namespace quorum::postgres
