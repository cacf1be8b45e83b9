#include "cli/database_copy.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace quorum {
namespace {

// kInternal unless the target gave the copy the id of the original.
Status SameId(const char* what, int64_t source_id, int64_t target_id) {
  if (source_id == target_id) return OkStatus();
  return MakeError(ErrorCode::kInternal, std::string(what) + " " + std::to_string(source_id) +
                                             " got id " + std::to_string(target_id) + " in the target");
}

Status RefuseNonEmpty(Store& to) {
  QUORUM_ASSIGN_OR_RETURN(std::vector<Workspace> workspaces, to.ListWorkspaces());
  QUORUM_ASSIGN_OR_RETURN(std::vector<User> users, to.ListUsers());
  QUORUM_ASSIGN_OR_RETURN(std::vector<Project> projects, to.ListProjects());
  if (workspaces.empty() && users.empty() && projects.empty()) return OkStatus();
  return MakeError(ErrorCode::kConflict, "the target database is not empty (" + std::to_string(workspaces.size()) +
                                             " workspaces, " + std::to_string(users.size()) + " users, " +
                                             std::to_string(projects.size()) +
                                             " projects); migrate copies into an empty database only");
}

// Puts each record the source scan hands over, with its suggestions and responses, into one
// import batch of the target.
class RecordCopier final : public ProjectVisitor {
 public:
  RecordCopier(ImportBatch& batch, const std::map<std::string, int64_t, std::less<>>& user_ids, CopyCounts& counts)
      : batch_(batch), user_ids_(user_ids), counts_(counts) {}

  Status OnRecord(const RecordView& record, std::span<const SuggestionView> suggestions,
                  std::span<const ResponseView> responses) override {
    RecordRow row{record.external_id, record.fields_json, record.metadata_json, record.gold_json,
                  record.priority,    record.created_at_ms, record.id};
    QUORUM_ASSIGN_OR_RETURN(int64_t id, batch_.PutRecord(row, OnDuplicate::kRefuse));
    QUORUM_RETURN_IF_ERROR(SameId("record", record.id, id));
    for (const SuggestionView& suggestion : suggestions)
      QUORUM_RETURN_IF_ERROR(
          batch_.PutSuggestion(id, SuggestionRow{suggestion.question, suggestion.value_json, suggestion.score,
                                                 suggestion.agent}));
    for (const ResponseView& response : responses) {
      revisions_.clear();
      for (const RevisionView& revision : response.revisions) {
        auto user = user_ids_.find(revision.user_email);
        if (user == user_ids_.end())
          return MakeError(ErrorCode::kInternal, "revision of response " + std::to_string(response.id) +
                                                     " names an unknown user " + std::string(revision.user_email));
        revisions_.push_back(RevisionRow{user->second, revision.at_ms, revision.values_json, revision.status});
      }
      ResponseRow copy;
      copy.user_id = response.user_id;
      copy.values_json = response.values_json;
      copy.status = response.status;
      copy.time_spent_ms = response.time_spent_ms;
      copy.guideline_version = response.guideline_version;
      copy.created_at_ms = response.created_at_ms;
      copy.updated_at_ms = response.updated_at_ms;
      copy.revisions = revisions_;
      copy.id = response.id;
      QUORUM_RETURN_IF_ERROR(batch_.PutResponse(id, copy));
      ++counts_.responses;
      if (response.review && (reviewed_records_.empty() || reviewed_records_.back() != record.id))
        reviewed_records_.push_back(record.id);
    }
    ++counts_.records;
    return OkStatus();
  }

  // The records with a reviewed response, in id order: their reviews are copied once the
  // responses are in.
  const std::vector<int64_t>& reviewed_records() const { return reviewed_records_; }

 private:
  ImportBatch& batch_;
  const std::map<std::string, int64_t, std::less<>>& user_ids_;
  CopyCounts& counts_;
  std::vector<RevisionRow> revisions_;  // reused from response to response
  std::vector<int64_t> reviewed_records_;
};

// Copies the reviews of the project's `records` (the scan carries only their verdicts), a few
// thousand per write.
Status CopyReviews(Store& from, Store& to, int64_t project_id, const std::vector<int64_t>& records, CopyCounts& counts) {
  constexpr size_t kReviewsPerWrite = 5000;
  std::vector<Review> reviews;
  for (size_t index = 0; index < records.size(); ++index) {
    QUORUM_ASSIGN_OR_RETURN(std::vector<Review> of_record, from.ListReviews(records[index]));
    reviews.insert(reviews.end(), of_record.begin(), of_record.end());
    if (reviews.size() < kReviewsPerWrite && index + 1 < records.size()) continue;
    QUORUM_RETURN_IF_ERROR(to.SetReviews(project_id, reviews));
    counts.reviews += static_cast<int64_t>(reviews.size());
    reviews.clear();
  }
  return OkStatus();
}

Status CopyProjects(Store& from, Store& to, const std::map<std::string, int64_t, std::less<>>& user_ids,
                    CopyCounts& counts) {
  QUORUM_ASSIGN_OR_RETURN(std::vector<Project> projects, from.ListProjects());
  for (const Project& project : projects) {
    QUORUM_RETURN_IF_ERROR(to.SetNextId(IdKind::kProject, project.id));
    QUORUM_ASSIGN_OR_RETURN(Project created, to.CreateProject(project));
    QUORUM_RETURN_IF_ERROR(SameId("project", project.id, created.id));
    QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<ImportBatch> batch, to.BeginImport(created.id));
    RecordCopier copier(*batch, user_ids, counts);
    Status scanned = from.ScanProject(project.id, copier);
    if (!scanned.ok()) {
      Error error = std::move(scanned).error();
      error.message = "project " + std::to_string(project.id) + ": " + error.message;
      return error;
    }
    QUORUM_RETURN_IF_ERROR(batch->Commit());
    QUORUM_RETURN_IF_ERROR(CopyReviews(from, to, project.id, copier.reviewed_records(), counts));
    ++counts.projects;
  }
  return OkStatus();
}

Status CopyTokens(Store& from, Store& to, const std::vector<User>& users, CopyCounts& counts) {
  std::vector<ApiToken> tokens;
  for (const User& user : users) {
    QUORUM_ASSIGN_OR_RETURN(std::vector<ApiToken> own, from.ListTokens(user.id));
    tokens.insert(tokens.end(), own.begin(), own.end());
  }
  std::sort(tokens.begin(), tokens.end(), [](const ApiToken& a, const ApiToken& b) { return a.id < b.id; });
  for (const ApiToken& token : tokens) {
    QUORUM_RETURN_IF_ERROR(to.SetNextId(IdKind::kApiToken, token.id));
    QUORUM_ASSIGN_OR_RETURN(ApiToken created, to.CreateToken(token));
    QUORUM_RETURN_IF_ERROR(SameId("API token", token.id, created.id));
    ++counts.tokens;
  }
  return OkStatus();
}

// Ids of rows deleted above the largest copied one were given out too: the target goes on
// numbering after the source's high-water mark, so no id names two different rows over time.
Status CarryIdMarks(Store& from, Store& to) {
  for (IdKind kind : {IdKind::kWorkspace, IdKind::kUser, IdKind::kProject, IdKind::kApiToken, IdKind::kRecord,
                      IdKind::kResponse}) {
    QUORUM_ASSIGN_OR_RETURN(int64_t source_last, from.LastId(kind));
    QUORUM_ASSIGN_OR_RETURN(int64_t target_last, to.LastId(kind));
    if (source_last > target_last) QUORUM_RETURN_IF_ERROR(to.SetNextId(kind, source_last + 1));
  }
  return OkStatus();
}

}  // namespace

Result<CopyCounts> CopyDatabase(Store& from, Store& to) {
  QUORUM_RETURN_IF_ERROR(RefuseNonEmpty(to));
  CopyCounts counts;
  QUORUM_ASSIGN_OR_RETURN(std::vector<Workspace> workspaces, from.ListWorkspaces());
  for (const Workspace& workspace : workspaces) {
    QUORUM_RETURN_IF_ERROR(to.SetNextId(IdKind::kWorkspace, workspace.id));
    QUORUM_ASSIGN_OR_RETURN(Workspace created, to.CreateWorkspace(workspace.name));
    QUORUM_RETURN_IF_ERROR(SameId("workspace", workspace.id, created.id));
    ++counts.workspaces;
  }
  QUORUM_ASSIGN_OR_RETURN(std::vector<User> users, from.ListUsers());
  std::map<std::string, int64_t, std::less<>> user_ids;  // revisions name their author by email
  for (const User& user : users) {
    QUORUM_RETURN_IF_ERROR(to.SetNextId(IdKind::kUser, user.id));
    QUORUM_ASSIGN_OR_RETURN(User created, to.CreateUser(user));
    QUORUM_RETURN_IF_ERROR(SameId("user", user.id, created.id));
    user_ids[created.email] = created.id;
    ++counts.users;
  }
  for (const Workspace& workspace : workspaces) {
    QUORUM_ASSIGN_OR_RETURN(std::vector<Membership> memberships, from.ListMemberships(workspace.id));
    for (const Membership& membership : memberships) {
      QUORUM_RETURN_IF_ERROR(to.SetMembership(membership));
      ++counts.memberships;
    }
  }
  QUORUM_RETURN_IF_ERROR(CopyProjects(from, to, user_ids, counts));
  QUORUM_RETURN_IF_ERROR(CopyTokens(from, to, users, counts));
  QUORUM_RETURN_IF_ERROR(CarryIdMarks(from, to));
  return counts;
}

}  // namespace quorum
