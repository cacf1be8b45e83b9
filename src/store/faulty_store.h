// A fault-injecting Store for tests of callers' failure paths: it forwards every call to a real
// store and makes chosen writes fail with kIo, as a full disk or a dying database would.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "store/store.h"

namespace quorum {

// Writes are the methods that change the database: CreateWorkspace, CreateUser, UpdateUser,
// SetMembership, CreateProject, UpdateProject, ChangeProject, DeleteProject, SaveResponse,
// UpsertSuggestions, Reserve, SaveResponseWithin, SetUncertainty, SetUncertainties,
// ReinstateAnnotator, SetReviews, ClearReview, CreateSession,
// DeleteSession, DeleteSessionsOf, CreateToken, RevokeToken, BeginImport, UpdateRecord,
// DeleteRecord, DeleteResponse, RecordLoginFailure, ClearLoginFailures, SetNextId, and each
// ImportBatch call (PutRecord, ResolveUser, PutSuggestion, PutResponse, Commit).
// FindTokenByHash counts as a read (its use-time bookkeeping is not what callers test). They are
// counted from 1 in the order they are called. A failed write never reaches the inner store, so
// it changes nothing; a failed ImportBatch::Commit leaves the batch uncommitted, and it rolls
// back when destroyed. Reads are always forwarded.
// Thread-safe as far as the inner store is; batches must not outlive the FaultyStore.
class FaultyStore final : public Store {
 public:
  explicit FaultyStore(std::unique_ptr<Store> inner);

  // The `n`th write from now (1: the next one) fails; later writes succeed again.
  void FailNthWrite(int64_t n);
  // Every write from the `n`th from now on fails, until Heal().
  void FailWritesFrom(int64_t n);
  void Heal();
  // Writes attempted so far, failed ones included.
  int64_t writes() const { return writes_.load(); }

  // Counts one write named `what`; the injected kIo error when it is to fail. Used by the
  // batches this store hands out.
  Status CountWrite(const char* what);

  Result<Workspace> CreateWorkspace(std::string_view name) override;
  Result<Workspace> GetWorkspace(int64_t id) override { return inner_->GetWorkspace(id); }
  Result<std::vector<Workspace>> ListWorkspaces() override { return inner_->ListWorkspaces(); }

  Result<User> CreateUser(const User& user) override;
  Result<User> GetUser(int64_t id) override { return inner_->GetUser(id); }
  Result<User> FindUserByEmail(std::string_view email) override { return inner_->FindUserByEmail(email); }
  Result<std::vector<User>> ListUsers() override { return inner_->ListUsers(); }
  Status UpdateUser(const User& user) override;
  Status SetMembership(const Membership& membership) override;
  Result<std::vector<Membership>> ListMemberships(int64_t workspace_id) override {
    return inner_->ListMemberships(workspace_id);
  }
  Result<std::optional<Role>> GetRole(int64_t workspace_id, int64_t user_id) override {
    return inner_->GetRole(workspace_id, user_id);
  }

  Result<Project> CreateProject(const Project& project) override;
  Result<Project> GetProject(int64_t id) override { return inner_->GetProject(id); }
  Result<std::vector<Project>> ListProjects() override { return inner_->ListProjects(); }
  Status UpdateProject(const Project& project) override;
  Result<Project> ChangeProject(int64_t id, const ProjectChange& change) override;
  Status DeleteProject(int64_t id) override;

  Result<Record> GetRecord(int64_t id) override { return inner_->GetRecord(id); }
  Result<int64_t> CountRecords(int64_t project_id) override { return inner_->CountRecords(project_id); }
  Result<std::vector<Record>> ListRecords(int64_t project_id, int64_t after_id, int limit) override {
    return inner_->ListRecords(project_id, after_id, limit);
  }
  Result<std::vector<Suggestion>> ListSuggestions(int64_t record_id) override {
    return inner_->ListSuggestions(record_id);
  }

  Result<Response> SaveResponse(const Response& response, int64_t actor_user_id) override;
  Result<Response> GetResponse(int64_t id) override { return inner_->GetResponse(id); }
  Result<std::vector<Response>> ListResponses(int64_t record_id) override { return inner_->ListResponses(record_id); }
  Result<std::vector<Revision>> ListRevisions(int64_t response_id) override {
    return inner_->ListRevisions(response_id);
  }

  Result<std::vector<Record>> FindRecords(const RecordFilter& filter) override { return inner_->FindRecords(filter); }
  Status UpsertSuggestions(std::span<const Suggestion> suggestions) override;
  Result<std::optional<Response>> FindResponse(int64_t record_id, int64_t user_id) override {
    return inner_->FindResponse(record_id, user_id);
  }

  Status CreateSession(const Session& session) override;
  Result<SessionCaller> FindSession(std::string_view id_hash, int64_t now_ms, int64_t workspace_id) override {
    return inner_->FindSession(id_hash, now_ms, workspace_id);
  }
  Status DeleteSession(std::string_view id_hash) override;
  Status DeleteSessionsOf(int64_t user_id) override;

  Result<ApiToken> CreateToken(const ApiToken& token) override;
  Result<TokenCaller> FindTokenByHash(std::string_view token_hash, int64_t workspace_id) override {
    return inner_->FindTokenByHash(token_hash, workspace_id);
  }
  Result<std::vector<ApiToken>> ListTokens(int64_t user_id) override { return inner_->ListTokens(user_id); }
  Status RevokeToken(int64_t token_id, int64_t user_id) override;

  Result<std::unique_ptr<ImportBatch>> BeginImport(int64_t project_id) override;
  Status ScanProject(int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) override {
    return inner_->ScanProject(project_id, visitor, parts);
  }

  Status UpdateRecord(const Record& record) override;
  Status DeleteRecord(int64_t id) override;
  Status DeleteResponse(int64_t id) override;
  Result<std::optional<Reservation>> Reserve(const ReserveRequest& request) override;
  Result<Response> SaveResponseWithin(const Response& response, int64_t actor_user_id,
                                      const ResponseLimits& limits) override;
  Result<bool> WasHandedOut(int64_t record_id, int64_t user_id) override {
    return inner_->WasHandedOut(record_id, user_id);
  }
  Result<DistributionProgress> ProgressOf(int64_t project_id, int64_t user_id, int overlap) override {
    return inner_->ProgressOf(project_id, user_id, overlap);
  }
  Result<int64_t> CountLiveReservations(int64_t project_id, int64_t now_ms) override {
    return inner_->CountLiveReservations(project_id, now_ms);
  }
  Result<ProjectTotals> TotalsOf(int64_t project_id, int overlap) override { return inner_->TotalsOf(project_id, overlap); }
  Result<std::vector<Record>> ListRecordsPage(int64_t project_id, int64_t offset, int limit) override {
    return inner_->ListRecordsPage(project_id, offset, limit);
  }
  Result<std::vector<Reservation>> ListReservations(int64_t project_id, int64_t now_ms, int limit) override {
    return inner_->ListReservations(project_id, now_ms, limit);
  }
  Result<std::vector<AnnotatorQueueCounts>> ListAnnotatorCounts(int64_t project_id, int64_t now_ms) override {
    return inner_->ListAnnotatorCounts(project_id, now_ms);
  }
  Status SetUncertainty(int64_t record_id, std::optional<double> score) override;
  Status SetUncertainties(int64_t project_id, std::span<const UncertaintyScore> scores) override;
  Result<GoldTally> GoldTallyOf(int64_t project_id, int64_t user_id) override {
    return inner_->GoldTallyOf(project_id, user_id);
  }
  Status ReinstateAnnotator(int64_t project_id, int64_t user_id, int64_t now_ms) override;
  Status SetReviews(int64_t project_id, std::span<const Review> reviews) override;
  Status ClearReview(int64_t response_id) override;
  Result<std::vector<Review>> ListReviews(int64_t record_id) override { return inner_->ListReviews(record_id); }

  Status RecordLoginFailure(std::string_view account, std::string_view address, int64_t at_ms,
                            int64_t forget_before_ms) override;
  Result<LoginFailureTimes> RecentLoginFailures(std::string_view account, std::string_view address, int64_t after_ms,
                                                int account_limit, int address_limit) override {
    return inner_->RecentLoginFailures(account, address, after_ms, account_limit, address_limit);
  }
  Status ClearLoginFailures(std::string_view account) override;
  Status SetNextId(IdKind kind, int64_t next_id) override;
  Result<int64_t> LastId(IdKind kind) override;

 private:
  std::unique_ptr<Store> inner_;
  std::atomic<int64_t> writes_{0};
  std::atomic<int64_t> fail_at_{0};  // the write number that fails; 0: none
  std::atomic<bool> sticky_{false};  // writes after fail_at_ fail too
};

}  // namespace quorum
