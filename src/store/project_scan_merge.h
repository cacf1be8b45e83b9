// The merge behind both stores' ScanProject: up to four cursors, each ordered by record id
// (records, suggestions, responses, revisions), walked together so that each record reaches the
// visitor with its own rows. Private to src/store.
//
// A Cursor (one per backend: a SQLite statement, a PostgreSQL server-side cursor) is started by
// its owner and offers: Status Advance(); bool has_row(); Result<bool> At(int64_t record_id)
// (skips rows of lower ids; true while the current row is the record's); and the current row's
// columns, Text(i), Int(i), Double(i), IsNull(i). The columns are the same on both backends:
// records (id, external_id, fields, metadata, gold, priority, created_at), suggestions
// (record_id, question, value, score, agent), responses (record_id, id, user_id, user_email,
// values, status, time_spent_ms, guideline_version, created_at, updated_at, review verdict) and
// revisions (record_id, response_id, user_email, at, values, status), responses and revisions
// ordered by response id within a record.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/stored_values.h"

namespace quorum::scan_merge {

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
inline Result<ResponseStatus> StatusOf(std::string_view text, std::string_view what, int64_t id) {
  if (std::optional<ResponseStatus> status = ParseResponseStatus(text)) return *status;
  return ParseStoredStatus(text, std::string(what) + std::to_string(id));
}

template <class T>
T& NextSlot(std::vector<T>& pool, size_t& used) {
  if (used == pool.size()) pool.emplace_back();
  return pool[used++];
}

template <class Cursor>
class ProjectMerge {
 public:
  // The cursors must be started and outlive the merge; `suggestions` and `revisions` may be
  // null (that part was not asked for): what they would gather stays empty.
  ProjectMerge(Cursor& records, Cursor* suggestions, Cursor& responses, Cursor* revisions)
      : records_(records), suggestions_(suggestions), responses_(responses), revisions_(revisions) {}

  Status Run(ProjectVisitor& visitor) {
    while (records_.has_row()) {
      const int64_t record_id = records_.Int(0);
      QUORUM_RETURN_IF_ERROR(GatherSuggestions(record_id));
      QUORUM_RETURN_IF_ERROR(GatherResponses(record_id));
      QUORUM_RETURN_IF_ERROR(GatherRevisions(record_id));
      BuildViews();
      // The record itself is read in place: its cursor does not move until the visitor returns.
      RecordView record{record_id,        records_.Text(1),   records_.Text(2), records_.Text(3),
                        records_.Text(4), records_.Double(5), records_.Int(6)};
      QUORUM_RETURN_IF_ERROR(visitor.OnRecord(record, suggestion_views_, response_views_));
      QUORUM_RETURN_IF_ERROR(records_.Advance());
    }
    return OkStatus();
  }

 private:
  Status GatherSuggestions(int64_t record_id) {
    suggestion_count_ = 0;
    while (suggestions_ != nullptr) {
      QUORUM_ASSIGN_OR_RETURN(bool here, suggestions_->At(record_id));
      if (!here) break;
      SuggestionCopy& copy = NextSlot(suggestion_pool_, suggestion_count_);
      copy.question.assign(suggestions_->Text(1));
      copy.value_json.assign(suggestions_->Text(2));
      copy.score = suggestions_->IsNull(3) ? std::nullopt : std::optional<double>(suggestions_->Double(3));
      copy.agent.assign(suggestions_->Text(4));
      QUORUM_RETURN_IF_ERROR(suggestions_->Advance());
    }
    return OkStatus();
  }

  Status GatherResponses(int64_t record_id) {
    response_count_ = 0;
    while (true) {
      QUORUM_ASSIGN_OR_RETURN(bool here, responses_.At(record_id));
      if (!here) return OkStatus();
      ResponseCopy& copy = NextSlot(response_pool_, response_count_);
      copy.id = responses_.Int(1);
      copy.user_id = responses_.Int(2);
      copy.user_email.assign(responses_.Text(3));
      copy.values_json.assign(responses_.Text(4));
      QUORUM_ASSIGN_OR_RETURN(copy.status, StatusOf(responses_.Text(5), "response ", copy.id));
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
  }

  Status GatherRevisions(int64_t record_id) {
    revision_count_ = 0;
    while (revisions_ != nullptr) {
      QUORUM_ASSIGN_OR_RETURN(bool here, revisions_->At(record_id));
      if (!here) break;
      RevisionCopy& copy = NextSlot(revision_pool_, revision_count_);
      copy.response_id = revisions_->Int(1);
      copy.user_email.assign(revisions_->Text(2));
      copy.at_ms = revisions_->Int(3);
      copy.values_json.assign(revisions_->Text(4));
      QUORUM_ASSIGN_OR_RETURN(copy.status, StatusOf(revisions_->Text(5), "revision of response ", copy.response_id));
      QUORUM_RETURN_IF_ERROR(revisions_->Advance());
    }
    return OkStatus();
  }

  // Views over the copies. Revision views are complete before any span points into them.
  void BuildViews() {
    suggestion_views_.clear();
    for (size_t index = 0; index < suggestion_count_; ++index) {
      const SuggestionCopy& copy = suggestion_pool_[index];
      suggestion_views_.push_back(SuggestionView{copy.question, copy.value_json, copy.score, copy.agent});
    }
    revision_views_.clear();
    for (size_t index = 0; index < revision_count_; ++index) {
      const RevisionCopy& copy = revision_pool_[index];
      revision_views_.push_back(RevisionView{copy.user_email, copy.at_ms, copy.values_json, copy.status});
    }
    // Responses and revisions are both ordered by response id: each response's revisions are
    // the next run of equal response ids.
    response_views_.clear();
    size_t revision = 0;
    for (size_t index = 0; index < response_count_; ++index) {
      const ResponseCopy& copy = response_pool_[index];
      while (revision < revision_count_ && revision_pool_[revision].response_id < copy.id) ++revision;
      const size_t first = revision;
      while (revision < revision_count_ && revision_pool_[revision].response_id == copy.id) ++revision;
      response_views_.push_back(ResponseView{copy.id, copy.user_id, copy.user_email, copy.values_json, copy.status,
                                             copy.time_spent_ms, copy.guideline_version, copy.created_at_ms,
                                             copy.updated_at_ms,
                                             std::span<const RevisionView>(revision_views_).subspan(first, revision - first),
                                             copy.review});
    }
  }

  Cursor& records_;
  Cursor* const suggestions_;
  Cursor& responses_;
  Cursor* const revisions_;
  std::vector<SuggestionCopy> suggestion_pool_;
  std::vector<ResponseCopy> response_pool_;
  std::vector<RevisionCopy> revision_pool_;
  size_t suggestion_count_ = 0, response_count_ = 0, revision_count_ = 0;
  std::vector<SuggestionView> suggestion_views_;
  std::vector<RevisionView> revision_views_;
  std::vector<ResponseView> response_views_;
};

}  // namespace quorum::scan_merge
