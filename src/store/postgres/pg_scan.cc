// PgStore::ScanProject: a streaming merge of up to four server-side cursors ordered by record
// id (records, suggestions, responses, revisions), all in one REPEATABLE READ snapshot on a
// connection of the scan's own. Each cursor is read kFetchRows rows at a time, so memory stays
// a few batches whatever the project's size.
#include <optional>
#include <string>
#include <vector>

#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"
#include "store/stored_values.h"

namespace quorum::postgres {
namespace {

// A cursor over one project whose first column is the record id, read a batch ahead.
class Cursor {
 public:
  // `fetch` is the FETCH statement of the cursor, declared by the caller.
  Cursor(PgConnection& connection, const char* fetch) : connection_(connection), fetch_(fetch) {}

  Status Start() { return Advance(); }
  Status Advance() {
    if (++row_ < batch_.rows()) return OkStatus();
    if (done_) return OkStatus();
    QUORUM_ASSIGN_OR_RETURN(batch_, connection_.Query(fetch_));
    row_ = 0;
    done_ = batch_.empty();
    return OkStatus();
  }
  bool has_row() const { return row_ < batch_.rows(); }
  // True while the current row belongs to `record_id` (lower ids, which cannot occur, are skipped).
  Result<bool> At(int64_t record_id) {
    while (has_row() && batch_.Int(row_, 0) < record_id) QUORUM_RETURN_IF_ERROR(Advance());
    return has_row() && batch_.Int(row_, 0) == record_id;
  }
  std::string_view Text(int column) const { return batch_.Text(row_, column); }
  int64_t Int(int column) const { return batch_.Int(row_, column); }
  double Double(int column) const { return batch_.Double(row_, column); }
  bool IsNull(int column) const { return batch_.IsNull(row_, column); }
  std::optional<double> OptionalDouble(int column) const { return batch_.OptionalDouble(row_, column); }

 private:
  PgConnection& connection_;
  const char* fetch_;
  PgResult batch_;
  int row_ = -1;
  bool done_ = false;
};

struct SuggestionCopy {
  std::string question, value_json, agent;
  std::optional<double> score;
};
struct ResponseCopy {
  int64_t id = 0, user_id = 0, time_spent_ms = 0, created_at_ms = 0, updated_at_ms = 0;
  int guideline_version = 1;
  std::string user_email, values_json;
  ResponseStatus status = ResponseStatus::kDraft;
  std::optional<ReviewVerdict> review;
};
struct RevisionCopy {
  int64_t response_id = 0, at_ms = 0;
  std::string user_email, values_json;
  ResponseStatus status = ResponseStatus::kDraft;
};

class ProjectScan {
 public:
  ProjectScan(PgConnection& connection, const ScanParts& parts)
      : records_(connection, "FETCH 500 FROM scan_records"), responses_(connection, "FETCH 2000 FROM scan_responses") {
    if (parts.suggestions) suggestions_.emplace(connection, "FETCH 2000 FROM scan_suggestions");
    if (parts.revisions) revisions_.emplace(connection, "FETCH 2000 FROM scan_revisions");
  }

  Status Run(ProjectVisitor& visitor) {
    QUORUM_RETURN_IF_ERROR(records_.Start());
    QUORUM_RETURN_IF_ERROR(responses_.Start());
    if (suggestions_) QUORUM_RETURN_IF_ERROR(suggestions_->Start());
    if (revisions_) QUORUM_RETURN_IF_ERROR(revisions_->Start());
    while (records_.has_row()) {
      const int64_t record_id = records_.Int(0);
      QUORUM_RETURN_IF_ERROR(Gather(record_id));
      BuildViews();
      RecordView record{record_id,           records_.Text(1),   records_.Text(2), records_.Text(3),
                        records_.Text(4),    records_.Double(5), records_.Int(6)};
      QUORUM_RETURN_IF_ERROR(visitor.OnRecord(record, suggestion_views_, response_views_));
      QUORUM_RETURN_IF_ERROR(records_.Advance());
    }
    return OkStatus();
  }

 private:
  Status Gather(int64_t record_id) {
    suggestions_used_ = responses_used_ = revisions_used_ = 0;
    while (suggestions_) {
      QUORUM_ASSIGN_OR_RETURN(bool here, suggestions_->At(record_id));
      if (!here) break;
      SuggestionCopy& copy = Slot(suggestion_pool_, suggestions_used_);
      copy.question.assign(suggestions_->Text(1));
      copy.value_json.assign(suggestions_->Text(2));
      copy.score = suggestions_->OptionalDouble(3);
      copy.agent.assign(suggestions_->Text(4));
      QUORUM_RETURN_IF_ERROR(suggestions_->Advance());
    }
    while (true) {
      QUORUM_ASSIGN_OR_RETURN(bool here, responses_.At(record_id));
      if (!here) break;
      ResponseCopy& copy = Slot(response_pool_, responses_used_);
      copy.id = responses_.Int(1);
      copy.user_id = responses_.Int(2);
      copy.user_email.assign(responses_.Text(3));
      copy.values_json.assign(responses_.Text(4));
      QUORUM_ASSIGN_OR_RETURN(copy.status, ParseStoredStatus(responses_.Text(5), "response " + std::to_string(copy.id)));
      copy.time_spent_ms = responses_.Int(6);
      copy.guideline_version = static_cast<int>(responses_.Int(7));
      copy.created_at_ms = responses_.Int(8);
      copy.updated_at_ms = responses_.Int(9);
      copy.review.reset();
      if (!responses_.IsNull(10)) {
        QUORUM_ASSIGN_OR_RETURN(copy.review, ParseStoredVerdict(responses_.Text(10), copy.id));
      }
      QUORUM_RETURN_IF_ERROR(responses_.Advance());
    }
    while (revisions_) {
      QUORUM_ASSIGN_OR_RETURN(bool here, revisions_->At(record_id));
      if (!here) break;
      RevisionCopy& copy = Slot(revision_pool_, revisions_used_);
      copy.response_id = revisions_->Int(1);
      copy.user_email.assign(revisions_->Text(2));
      copy.at_ms = revisions_->Int(3);
      copy.values_json.assign(revisions_->Text(4));
      QUORUM_ASSIGN_OR_RETURN(copy.status, ParseStoredStatus(revisions_->Text(5), "revision of response " +
                                                                                     std::to_string(copy.response_id)));
      QUORUM_RETURN_IF_ERROR(revisions_->Advance());
    }
    return OkStatus();
  }

  template <class T>
  static T& Slot(std::vector<T>& pool, size_t& used) {
    if (used == pool.size()) pool.emplace_back();
    return pool[used++];
  }

  // Views over the copies. Responses and revisions are both ordered by response id: each
  // response's revisions are the next run of equal response ids.
  void BuildViews() {
    suggestion_views_.clear();
    for (size_t index = 0; index < suggestions_used_; ++index) {
      const SuggestionCopy& copy = suggestion_pool_[index];
      suggestion_views_.push_back(SuggestionView{copy.question, copy.value_json, copy.score, copy.agent});
    }
    revision_views_.clear();
    for (size_t index = 0; index < revisions_used_; ++index) {
      const RevisionCopy& copy = revision_pool_[index];
      revision_views_.push_back(RevisionView{copy.user_email, copy.at_ms, copy.values_json, copy.status});
    }
    response_views_.clear();
    size_t revision = 0;
    for (size_t index = 0; index < responses_used_; ++index) {
      const ResponseCopy& copy = response_pool_[index];
      while (revision < revisions_used_ && revision_pool_[revision].response_id < copy.id) ++revision;
      const size_t first = revision;
      while (revision < revisions_used_ && revision_pool_[revision].response_id == copy.id) ++revision;
      response_views_.push_back(ResponseView{copy.id, copy.user_id, copy.user_email, copy.values_json, copy.status,
                                             copy.time_spent_ms, copy.guideline_version, copy.created_at_ms,
                                             copy.updated_at_ms,
                                             std::span<const RevisionView>(revision_views_).subspan(first, revision - first),
                                             copy.review});
    }
  }

  Cursor records_, responses_;
  std::optional<Cursor> suggestions_, revisions_;
  std::vector<SuggestionCopy> suggestion_pool_;
  std::vector<ResponseCopy> response_pool_;
  std::vector<RevisionCopy> revision_pool_;
  size_t suggestions_used_ = 0, responses_used_ = 0, revisions_used_ = 0;
  std::vector<SuggestionView> suggestion_views_;
  std::vector<RevisionView> revision_views_;
  std::vector<ResponseView> response_views_;
};

Status DeclareCursors(PgConnection& connection, int64_t project_id, const ScanParts& parts) {
  Params project = Params().Int(project_id);
  QUORUM_RETURN_IF_ERROR(connection.ExecOnce(parts.fields ? kDeclareScanRecords : kDeclareScanRecordsWithoutFields, project));
  const bool lean_responses = !parts.revisions && !parts.emails;
  QUORUM_RETURN_IF_ERROR(connection.ExecOnce(lean_responses ? kDeclareScanResponsesLean : kDeclareScanResponses, project));
  if (parts.suggestions) QUORUM_RETURN_IF_ERROR(connection.ExecOnce(kDeclareScanSuggestions, project));
  if (parts.revisions) QUORUM_RETURN_IF_ERROR(connection.ExecOnce(kDeclareScanRevisions, project));
  return OkStatus();
}

}  // namespace

Status PgStore::ScanProject(int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) {
  QUORUM_ASSIGN_OR_RETURN(PgPool::Lease connection, pool_->Acquire());
  QUORUM_RETURN_IF_ERROR(connection->Run(kScanBegin));
  // The pool rolls back a connection returned inside a transaction, so every exit below ends
  // the snapshot and drops the cursors.
  QUORUM_ASSIGN_OR_RETURN(PgResult exists, connection->Exec(kProjectExists, Params().Int(project_id)));
  if (exists.empty()) return MakeError(ErrorCode::kNotFound, "project " + std::to_string(project_id) + " not found");
  QUORUM_RETURN_IF_ERROR(DeclareCursors(*connection, project_id, parts));
  ProjectScan scan(*connection, parts);
  QUORUM_RETURN_IF_ERROR(scan.Run(visitor));
  return connection->Run("COMMIT");
}

}  // namespace quorum::postgres
