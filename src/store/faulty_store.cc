#include "store/faulty_store.h"

#include <string>
#include <utility>

namespace quorum {
namespace {

class FaultyImportBatch final : public ImportBatch {
 public:
  FaultyImportBatch(FaultyStore& store, std::unique_ptr<ImportBatch> inner) : store_(store), inner_(std::move(inner)) {}

  Result<int64_t> PutRecord(const RecordRow& row, OnDuplicate on_duplicate) override {
    QUORUM_RETURN_IF_ERROR(store_.CountWrite("PutRecord"));
    return inner_->PutRecord(row, on_duplicate);
  }
  Result<ResolvedUser> ResolveUser(std::string_view email, bool create) override {
    QUORUM_RETURN_IF_ERROR(store_.CountWrite("ResolveUser"));
    return inner_->ResolveUser(email, create);
  }
  Status PutSuggestion(int64_t record_id, const SuggestionRow& row) override {
    QUORUM_RETURN_IF_ERROR(store_.CountWrite("PutSuggestion"));
    return inner_->PutSuggestion(record_id, row);
  }
  Status PutResponse(int64_t record_id, const ResponseRow& row) override {
    QUORUM_RETURN_IF_ERROR(store_.CountWrite("PutResponse"));
    return inner_->PutResponse(record_id, row);
  }
  Status Commit() override {
    QUORUM_RETURN_IF_ERROR(store_.CountWrite("Commit"));
    return inner_->Commit();
  }

 private:
  FaultyStore& store_;
  std::unique_ptr<ImportBatch> inner_;
};

}  // namespace

FaultyStore::FaultyStore(std::unique_ptr<Store> inner) : inner_(std::move(inner)) {}

void FaultyStore::FailNthWrite(int64_t n) {
  sticky_ = false;
  fail_at_ = writes_.load() + n;
}

void FaultyStore::FailWritesFrom(int64_t n) {
  sticky_ = true;
  fail_at_ = writes_.load() + n;
}

void FaultyStore::Heal() { fail_at_ = 0; }

Status FaultyStore::CountWrite(const char* what) {
  int64_t number = ++writes_;
  int64_t fail_at = fail_at_.load();
  if (fail_at == 0 || number < fail_at || (number > fail_at && !sticky_)) return OkStatus();
  return MakeError(ErrorCode::kIo, std::string("injected fault: write ") + std::to_string(number) + " (" + what +
                                       ") failed");
}

Result<Workspace> FaultyStore::CreateWorkspace(std::string_view name) {
  QUORUM_RETURN_IF_ERROR(CountWrite("CreateWorkspace"));
  return inner_->CreateWorkspace(name);
}

Result<User> FaultyStore::CreateUser(const User& user) {
  QUORUM_RETURN_IF_ERROR(CountWrite("CreateUser"));
  return inner_->CreateUser(user);
}

Status FaultyStore::UpdateUser(const User& user) {
  QUORUM_RETURN_IF_ERROR(CountWrite("UpdateUser"));
  return inner_->UpdateUser(user);
}

Status FaultyStore::SetMembership(const Membership& membership) {
  QUORUM_RETURN_IF_ERROR(CountWrite("SetMembership"));
  return inner_->SetMembership(membership);
}

Result<Project> FaultyStore::CreateProject(const Project& project) {
  QUORUM_RETURN_IF_ERROR(CountWrite("CreateProject"));
  return inner_->CreateProject(project);
}

Status FaultyStore::UpdateProject(const Project& project) {
  QUORUM_RETURN_IF_ERROR(CountWrite("UpdateProject"));
  return inner_->UpdateProject(project);
}

Result<Project> FaultyStore::ChangeProject(int64_t id, const ProjectChange& change) {
  QUORUM_RETURN_IF_ERROR(CountWrite("ChangeProject"));
  return inner_->ChangeProject(id, change);
}

Status FaultyStore::DeleteProject(int64_t id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("DeleteProject"));
  return inner_->DeleteProject(id);
}

Result<Response> FaultyStore::SaveResponse(const Response& response, int64_t actor_user_id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("SaveResponse"));
  return inner_->SaveResponse(response, actor_user_id);
}

Result<std::optional<Reservation>> FaultyStore::Reserve(const ReserveRequest& request) {
  QUORUM_RETURN_IF_ERROR(CountWrite("Reserve"));
  return inner_->Reserve(request);
}

Result<Response> FaultyStore::SaveResponseWithin(const Response& response, int64_t actor_user_id,
                                                 const ResponseLimits& limits) {
  QUORUM_RETURN_IF_ERROR(CountWrite("SaveResponseWithin"));
  return inner_->SaveResponseWithin(response, actor_user_id, limits);
}

Status FaultyStore::SetUncertainty(int64_t record_id, std::optional<double> score) {
  QUORUM_RETURN_IF_ERROR(CountWrite("SetUncertainty"));
  return inner_->SetUncertainty(record_id, score);
}

Status FaultyStore::RecordLoginFailure(std::string_view account, std::string_view address, int64_t at_ms,
                                       int64_t forget_before_ms) {
  QUORUM_RETURN_IF_ERROR(CountWrite("RecordLoginFailure"));
  return inner_->RecordLoginFailure(account, address, at_ms, forget_before_ms);
}

Status FaultyStore::ClearLoginFailures(std::string_view account) {
  QUORUM_RETURN_IF_ERROR(CountWrite("ClearLoginFailures"));
  return inner_->ClearLoginFailures(account);
}

Status FaultyStore::SetNextId(IdKind kind, int64_t next_id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("SetNextId"));
  return inner_->SetNextId(kind, next_id);
}

Result<int64_t> FaultyStore::LastId(IdKind kind) { return inner_->LastId(kind); }

Status FaultyStore::SetUncertainties(int64_t project_id, std::span<const UncertaintyScore> scores) {
  QUORUM_RETURN_IF_ERROR(CountWrite("SetUncertainties"));
  return inner_->SetUncertainties(project_id, scores);
}

Status FaultyStore::ReinstateAnnotator(int64_t project_id, int64_t user_id, int64_t now_ms) {
  QUORUM_RETURN_IF_ERROR(CountWrite("ReinstateAnnotator"));
  return inner_->ReinstateAnnotator(project_id, user_id, now_ms);
}

Status FaultyStore::SetReviews(int64_t project_id, std::span<const Review> reviews) {
  QUORUM_RETURN_IF_ERROR(CountWrite("SetReviews"));
  return inner_->SetReviews(project_id, reviews);
}

Status FaultyStore::ClearReview(int64_t response_id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("ClearReview"));
  return inner_->ClearReview(response_id);
}

Status FaultyStore::UpsertSuggestions(std::span<const Suggestion> suggestions) {
  QUORUM_RETURN_IF_ERROR(CountWrite("UpsertSuggestions"));
  return inner_->UpsertSuggestions(suggestions);
}

Status FaultyStore::CreateSession(const Session& session) {
  QUORUM_RETURN_IF_ERROR(CountWrite("CreateSession"));
  return inner_->CreateSession(session);
}

Status FaultyStore::DeleteSession(std::string_view id_hash) {
  QUORUM_RETURN_IF_ERROR(CountWrite("DeleteSession"));
  return inner_->DeleteSession(id_hash);
}

Status FaultyStore::DeleteSessionsOf(int64_t user_id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("DeleteSessionsOf"));
  return inner_->DeleteSessionsOf(user_id);
}

Result<ApiToken> FaultyStore::CreateToken(const ApiToken& token) {
  QUORUM_RETURN_IF_ERROR(CountWrite("CreateToken"));
  return inner_->CreateToken(token);
}

Status FaultyStore::RevokeToken(int64_t token_id, int64_t user_id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("RevokeToken"));
  return inner_->RevokeToken(token_id, user_id);
}

Result<std::unique_ptr<ImportBatch>> FaultyStore::BeginImport(int64_t project_id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("BeginImport"));
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<ImportBatch> inner, inner_->BeginImport(project_id));
  return std::unique_ptr<ImportBatch>(std::make_unique<FaultyImportBatch>(*this, std::move(inner)));
}

Status FaultyStore::UpdateRecord(const Record& record) {
  QUORUM_RETURN_IF_ERROR(CountWrite("UpdateRecord"));
  return inner_->UpdateRecord(record);
}

Status FaultyStore::DeleteRecord(int64_t id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("DeleteRecord"));
  return inner_->DeleteRecord(id);
}

Status FaultyStore::DeleteResponse(int64_t id) {
  QUORUM_RETURN_IF_ERROR(CountWrite("DeleteResponse"));
  return inner_->DeleteResponse(id);
}

}  // namespace quorum
