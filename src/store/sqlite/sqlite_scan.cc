// SqliteStore::ScanProject: a streaming merge of up to four cursors ordered by record id (records,
// suggestions, responses, revisions), so an export costs four queries, not one per record. The
// parts a caller leaves out (ScanParts) are not queried at all.
#include <optional>
#include <string>
#include <vector>

#include "store/no_wait_scope.h"
#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

// The scan's connection reads each page once, in order: a page cache past a few pages buys
// nothing (the operating system's cache holds the file), and a full one would cost the process
// its size in memory (64 MiB on a read-write connection) until the scan ends.
constexpr char kPragmaScanSettings[] = "PRAGMA cache_size=-2048;";

// A query over one project whose first column is the record id, read one row ahead.
class Cursor {
 public:
  explicit Cursor(Query query) : query_(std::move(query)) {}

  Status Start(int64_t project_id) {
    query_.BindInt(project_id);
    return Advance();
  }
  Status Advance() {
    QUORUM_ASSIGN_OR_RETURN(has_row_, query_.Step());
    return OkStatus();
  }
  bool has_row() const { return has_row_; }
  // True while the current row belongs to `record_id`. Rows of lower record ids cannot occur
  // (every cursor is ordered by record id and joined to the same records) but are skipped.
  Result<bool> At(int64_t record_id) {
    while (has_row_ && query_.Int(0) < record_id) QUORUM_RETURN_IF_ERROR(Advance());
    return has_row_ && query_.Int(0) == record_id;
  }
  const Query& row() const { return query_; }

 private:
  Query query_;
  bool has_row_ = false;
};

// Copies of one record's rows: the cursors move on while the record is gathered. The pools
// live across records so that their strings' capacity is reused.
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

// The stored status. The error's text is made only on failure: this runs once per row.
Result<ResponseStatus> StatusOf(std::string_view text, std::string_view what, int64_t id) {
  if (std::optional<ResponseStatus> status = ParseResponseStatus(text)) return *status;
  return ParseStoredStatus(text, std::string(what) + std::to_string(id));
}

template <class T>
T& NextSlot(std::vector<T>& pool, size_t& used) {
  if (used == pool.size()) pool.emplace_back();
  return pool[used++];
}

class ProjectScan {
 public:
  // `suggestions` and `revisions` may be absent: what they would gather stays empty.
  ProjectScan(Query records, std::optional<Query> suggestions, Query responses, std::optional<Query> revisions)
      : records_(std::move(records)), responses_(std::move(responses)) {
    if (suggestions) suggestions_.emplace(std::move(*suggestions));
    if (revisions) revisions_.emplace(std::move(*revisions));
  }

  Status Run(int64_t project_id, ProjectVisitor& visitor) {
    for (Cursor* cursor : {&records_, &responses_}) QUORUM_RETURN_IF_ERROR(cursor->Start(project_id));
    for (std::optional<Cursor>* cursor : {&suggestions_, &revisions_})
      if (cursor->has_value()) QUORUM_RETURN_IF_ERROR((*cursor)->Start(project_id));
    while (records_.has_row()) {
      const Query& row = records_.row();
      int64_t record_id = row.Int(0);
      suggestion_count_ = 0;
      revision_count_ = 0;
      if (suggestions_) QUORUM_RETURN_IF_ERROR(GatherSuggestions(record_id));
      QUORUM_RETURN_IF_ERROR(GatherResponses(record_id));
      if (revisions_) QUORUM_RETURN_IF_ERROR(GatherRevisions(record_id));
      BuildViews();
      // The record itself is read in place: its cursor does not move until the visitor returns.
      RecordView record{record_id, row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Double(5), row.Int(6)};
      QUORUM_RETURN_IF_ERROR(visitor.OnRecord(record, suggestion_views_, response_views_));
      QUORUM_RETURN_IF_ERROR(records_.Advance());
    }
    return OkStatus();
  }

 private:
  Status GatherSuggestions(int64_t record_id) {
    while (true) {
      QUORUM_ASSIGN_OR_RETURN(bool here, suggestions_->At(record_id));
      if (!here) return OkStatus();
      const Query& row = suggestions_->row();
      SuggestionCopy& copy = NextSlot(suggestions_pool_, suggestion_count_);
      copy.question.assign(row.Text(1));
      copy.value_json.assign(row.Text(2));
      copy.score = row.IsNull(3) ? std::nullopt : std::optional<double>(row.Double(3));
      copy.agent.assign(row.Text(4));
      QUORUM_RETURN_IF_ERROR(suggestions_->Advance());
    }
  }

  Status GatherResponses(int64_t record_id) {
    response_count_ = 0;
    while (true) {
      QUORUM_ASSIGN_OR_RETURN(bool here, responses_.At(record_id));
      if (!here) return OkStatus();
      const Query& row = responses_.row();
      ResponseCopy& copy = NextSlot(responses_pool_, response_count_);
      copy.id = row.Int(1);
      copy.user_id = row.Int(2);
      copy.user_email.assign(row.Text(3));
      copy.values_json.assign(row.Text(4));
      QUORUM_ASSIGN_OR_RETURN(copy.status, StatusOf(row.Text(5), "response ", copy.id));
      copy.time_spent_ms = row.Int(6);
      copy.guideline_version = static_cast<int>(row.Int(7));
      copy.created_at_ms = row.Int(8);
      copy.updated_at_ms = row.Int(9);
      copy.review.reset();
      if (!row.IsNull(10)) {
        QUORUM_ASSIGN_OR_RETURN(copy.review, ParseStoredVerdict(row.Text(10), copy.id));
      }
      QUORUM_RETURN_IF_ERROR(responses_.Advance());
    }
  }

  Status GatherRevisions(int64_t record_id) {
    while (true) {
      QUORUM_ASSIGN_OR_RETURN(bool here, revisions_->At(record_id));
      if (!here) return OkStatus();
      const Query& row = revisions_->row();
      RevisionCopy& copy = NextSlot(revisions_pool_, revision_count_);
      copy.response_id = row.Int(1);
      copy.user_email.assign(row.Text(2));
      copy.at_ms = row.Int(3);
      copy.values_json.assign(row.Text(4));
      QUORUM_ASSIGN_OR_RETURN(copy.status, StatusOf(row.Text(5), "revision of response ", copy.response_id));
      QUORUM_RETURN_IF_ERROR(revisions_->Advance());
    }
  }

  // Views over the copies. Revision views are complete before any span points into them.
  void BuildViews() {
    suggestion_views_.clear();
    for (size_t index = 0; index < suggestion_count_; ++index) {
      const SuggestionCopy& copy = suggestions_pool_[index];
      suggestion_views_.push_back(SuggestionView{copy.question, copy.value_json, copy.score, copy.agent});
    }
    revision_views_.clear();
    for (size_t index = 0; index < revision_count_; ++index) {
      const RevisionCopy& copy = revisions_pool_[index];
      revision_views_.push_back(RevisionView{copy.user_email, copy.at_ms, copy.values_json, copy.status});
    }
    // Responses and revisions are both ordered by response id: each response's revisions are
    // the next run of equal response ids.
    response_views_.clear();
    size_t revision = 0;
    for (size_t index = 0; index < response_count_; ++index) {
      const ResponseCopy& copy = responses_pool_[index];
      while (revision < revision_count_ && revisions_pool_[revision].response_id < copy.id) ++revision;
      size_t first = revision;
      while (revision < revision_count_ && revisions_pool_[revision].response_id == copy.id) ++revision;
      response_views_.push_back(ResponseView{copy.id, copy.user_id, copy.user_email, copy.values_json, copy.status,
                                             copy.time_spent_ms, copy.guideline_version, copy.created_at_ms,
                                             copy.updated_at_ms,
                                             std::span<const RevisionView>(revision_views_).subspan(first, revision - first),
                                             copy.review});
    }
  }

  Cursor records_, responses_;
  std::optional<Cursor> suggestions_, revisions_;
  std::vector<SuggestionCopy> suggestions_pool_;
  std::vector<ResponseCopy> responses_pool_;
  std::vector<RevisionCopy> revisions_pool_;
  size_t suggestion_count_ = 0, response_count_ = 0, revision_count_ = 0;
  std::vector<SuggestionView> suggestion_views_;
  std::vector<RevisionView> revision_views_;
  std::vector<ResponseView> response_views_;
};

Status ScanProjectOn(Connection& connection, int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) {
  {
    QUORUM_ASSIGN_OR_RETURN(Query exists, connection.Use(kProjectExists));
    QUORUM_ASSIGN_OR_RETURN(bool found, exists.BindInt(project_id).Step());
    if (!found) return MakeError(ErrorCode::kNotFound, "project " + std::to_string(project_id) + " not found");
  }
  // All the cursors read one snapshot: the connection's read transaction lasts while any of
  // them is active, and the records cursor, stepped first, is active until the end.
  QUORUM_ASSIGN_OR_RETURN(Query records, connection.Use(parts.fields ? kScanRecords : kScanRecordsWithoutFields));
  const bool lean_responses = !parts.revisions && !parts.emails;
  QUORUM_ASSIGN_OR_RETURN(Query responses, connection.Use(lean_responses ? kScanResponsesLean : kScanResponses));
  std::optional<Query> suggestions, revisions;
  if (parts.suggestions) {
    QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kScanSuggestions));
    suggestions.emplace(std::move(query));
  }
  if (parts.revisions) {
    QUORUM_ASSIGN_OR_RETURN(Query query, connection.Use(kScanRevisions));
    revisions.emplace(std::move(query));
  }
  ProjectScan scan(std::move(records), std::move(suggestions), std::move(responses), std::move(revisions));
  return scan.Run(project_id, visitor);
}

}  // namespace

Status SqliteStore::ScanProject(int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts) {
  if (NoWaitScope::Refuse()) return Refused();  // a scan is a long read
  // An in-memory database exists only on the writer connection.
  if (path_ == ":memory:") {
    Lock lock(writer_mutex_);
    return ScanProjectOn(*writer_, project_id, visitor, parts);
  }
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Connection> reader, Connection::Open(path_, Access::kReadOnly));
  QUORUM_RETURN_IF_ERROR(reader->Exec(kPragmaScanSettings));
  return ScanProjectOn(*reader, project_id, visitor, parts);
}

}  // namespace quorum::sqlite
