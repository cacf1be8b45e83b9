// The storage interface. Callers use only this header and open_store.h; the SQLite (and,
// later, PostgreSQL) implementations are private to src/store.
//
// Thread safety: every method may be called from any thread; implementations serialize
// access internally. An ImportBatch belongs to the thread that began it.
// Durability: when a write method (or ImportBatch::Commit) returns success, the write
// survives a crash of the process (kill -9).
// Blocking: every method blocks its caller (call from worker threads, not an event loop). A
// write returns once it is durable, which takes a disk flush (shared by concurrent writes), and
// waits while another thread holds an open ImportBatch. Reads do not wait for writes; a read
// after a write that returned success sees it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/project.h"
#include "core/record.h"
#include "core/response.h"
#include "core/review.h"
#include "core/result.h"
#include "core/user.h"
#include "core/workspace.h"

namespace quorum {

// A record as the importer hands it over: JSON texts, already validated. `*_json` are
// serialized JSON objects ("{}" when empty).
struct RecordRow {
  std::string_view external_id;  // may be empty
  std::string_view fields_json;
  std::string_view metadata_json;
  std::string_view gold_json;
  double priority = 0;
  int64_t created_at_ms = 0;
  // 0: the store gives the next id. Otherwise this id (quorum migrate keeps ids): kConflict when
  // a record has it (from PutRecord, or from Commit where rows are sent in bulk), and ids given
  // later are above it.
  int64_t id = 0;
};

struct SuggestionRow {
  std::string_view question;
  std::string_view value_json;
  std::optional<double> score;
  std::string_view agent;
};

struct RevisionRow {
  int64_t user_id = 0;
  int64_t at_ms = 0;
  std::string_view values_json;
  ResponseStatus status = ResponseStatus::kDraft;
};

struct ResponseRow {
  int64_t user_id = 0;
  std::string_view values_json;
  ResponseStatus status = ResponseStatus::kDraft;
  int64_t time_spent_ms = 0;
  int guideline_version = 1;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  // The history to keep; when empty, one revision is written from the fields above.
  std::span<const RevisionRow> revisions;
  // 0: the store gives the next id. Otherwise this id (quorum migrate keeps ids): kConflict when
  // a response has it (from PutResponse or Commit), and ids given later are above it.
  int64_t id = 0;
};

struct ResolvedUser {
  int64_t id = 0;
  bool created = false;  // true when ResolveUser made the account
};

// What to do when an imported record's external id already exists in the project.
enum class OnDuplicate {
  kRefuse,  // PutRecord fails with kConflict
  kUpdate,  // the record's fields, metadata, gold and priority are replaced; its suggestions
            // are replaced by those put after it; responses are matched by user and replaced
};

// One all-or-nothing import into one project. Nothing is visible to other readers until
// Commit() succeeds; destroying an uncommitted batch rolls everything back.
class ImportBatch {
 public:
  virtual ~ImportBatch() = default;

  // Adds (or, per `on_duplicate`, updates) a record; returns its id.
  // kConflict when the external id exists (also earlier in this batch) and the policy refuses.
  virtual Result<int64_t> PutRecord(const RecordRow& row, OnDuplicate on_duplicate) = 0;
  // The id of the user with this email (case-insensitive). When there is none and `create` is
  // true, creates one inside the batch (no password, so no login until one is set) and makes
  // them an annotator of the project's workspace; kNotFound otherwise. A user created here
  // disappears with the batch if it is not committed.
  virtual Result<ResolvedUser> ResolveUser(std::string_view email, bool create) = 0;
  // Adds a suggestion to a record put in this batch.
  virtual Status PutSuggestion(int64_t record_id, const SuggestionRow& row) = 0;
  // Adds a response (and its revisions) to a record put in this batch. kConflict when the
  // user already has a response to the record (within this batch too).
  virtual Status PutResponse(int64_t record_id, const ResponseRow& row) = 0;
  // Makes the whole batch durable and visible. After success or failure the batch is spent.
  virtual Status Commit() = 0;
};

// Read-only views handed to a ProjectVisitor; valid only during the callback.
struct RecordView {
  int64_t id = 0;
  std::string_view external_id;
  std::string_view fields_json;
  std::string_view metadata_json;
  std::string_view gold_json;
  double priority = 0;
  int64_t created_at_ms = 0;
};

struct SuggestionView {
  std::string_view question;
  std::string_view value_json;
  std::optional<double> score;
  std::string_view agent;
};

struct RevisionView {
  std::string_view user_email;
  int64_t at_ms = 0;
  std::string_view values_json;
  ResponseStatus status = ResponseStatus::kDraft;
};

struct ResponseView {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string_view user_email;
  std::string_view values_json;
  ResponseStatus status = ResponseStatus::kDraft;
  int64_t time_spent_ms = 0;
  int guideline_version = 1;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  std::span<const RevisionView> revisions;  // oldest first
  std::optional<ReviewVerdict> review;      // the verdict of its current review, if any
};

// Receives a project's records in id order, each with its suggestions and responses.
class ProjectVisitor {
 public:
  virtual ~ProjectVisitor() = default;
  // Returning an error stops the scan; ScanProject returns that error.
  virtual Status OnRecord(const RecordView& record, std::span<const SuggestionView> suggestions,
                          std::span<const ResponseView> responses) = 0;
};

// What ScanProject reads. A scan that needs only the answers (the quality reports) leaves out
// the record fields and the revision history, which are most of a project's bytes: the views of
// the parts left out are empty.
struct ScanParts {
  bool fields = true;       // RecordView::fields_json
  bool suggestions = true;  // the suggestions span
  bool revisions = true;    // ResponseView::revisions
  bool emails = true;       // ResponseView::user_email (user_id is always there)
};

// A cookie login. The session id itself is never stored: only its SHA-256 hash.
struct Session {
  std::string id_hash;     // hex SHA-256 of the session id the cookie carries
  int64_t user_id = 0;
  std::string csrf_token;  // sent back by the client in X-CSRF-Token on mutating requests
  int64_t created_at_ms = 0;
  int64_t expires_at_ms = 0;
};

// An API token for scripts ("Authorization: Token <key>" or "Bearer <key>"). Only the hash of
// the key is stored; `prefix` (its first characters) lets people tell their tokens apart.
struct ApiToken {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;
  std::string token_hash;  // hex SHA-256 of the key
  std::string prefix;
  int64_t created_at_ms = 0;
  std::optional<int64_t> last_used_at_ms;
  bool revoked = false;
};

// Who sends a request: the credential (an API token or a login session), the user it belongs
// to, and their role in the one workspace the request is about, read together in one query.
struct TokenCaller {
  ApiToken token;
  User user;
  std::optional<Role> role;  // in the workspace asked about; nullopt when not a member
};
struct SessionCaller {
  Session session;
  User user;
  std::optional<Role> role;  // as TokenCaller::role
};

// Which records FindRecords returns. Every set member narrows the result.
struct RecordFilter {
  int64_t project_id = 0;
  int64_t after_id = 0;  // cursor: only records with a larger id
  int limit = 50;        // at most this many (1..1000)
  // Records whose metadata[key] equals the JSON value `metadata_value` (a JSON text, e.g. "\"m1\"").
  // Both or neither (kInvalid otherwise; kInvalid for a value that is not JSON). `key` is a
  // top-level key taken literally (dots and quotes are part of it). Equal: same JSON type and
  // value (the value 3 matches 3, but neither "3" nor 3.0).
  std::optional<std::string> metadata_key;
  std::optional<std::string> metadata_value;
  // Records that have at least one response with this status (by anyone, or by `annotator_id`).
  std::optional<ResponseStatus> response_status;
  std::optional<int64_t> annotator_id;  // records this user has a response to
  // Records with no response at all (true) or at least one (false), by anyone: with
  // annotator_id set, true finds nothing.
  std::optional<bool> unanswered;
  // Case-insensitive (ASCII letters) substring search in the record's fields (their JSON text,
  // so field names match too; quotes and backslashes are matched as the user typed them).
  std::optional<std::string> text;
};

// Distribution (src/dist decides the policy; the store keeps the queue and its guarantees).

// The order in which Reserve offers a project's open records.
enum class QueueOrder {
  kFifo,         // record id
  kRandom,       // a fixed pseudo-random permutation of ids, entered at `random_start`
  kPriority,     // larger Record::priority first, then id
  kUncertainty,  // larger uncertainty score first (records without one last), then id
};

// What Reserve needs to choose a record for one annotator.
struct ReserveRequest {
  int64_t project_id = 0;
  int64_t user_id = 0;
  int user_tier = 0;
  std::vector<std::string> user_specializations;
  int overlap = 1;  // places per non-gold record: submitted responses plus live reservations
  QueueOrder order = QueueOrder::kFifo;
  uint32_t random_start = 0;          // kRandom (and the gold pool): where this annotator enters
  bool finish_started_first = false;  // records with a place taken go before untouched ones
  bool discards_count = false;        // discarded responses take a place too
  std::vector<int64_t> calibration;   // records every annotator gets first, in this order
  int calibration_first = 0;          // ... and then the project's first K records by id
  // Called (inside the write, must not throw) with the annotator's counts of records handed
  // out and of gold ones among them; true when the next one should be gold. Null: never gold.
  std::function<bool(int64_t served, int64_t gold_served)> gold_due;
  int64_t now_ms = 0;
  int64_t lease_ms = 15 * 60 * 1000;
};

// A record held for an annotator until `expires_at_ms`.
struct Reservation {
  int64_t record_id = 0;
  int64_t user_id = 0;
  int64_t expires_at_ms = 0;
  // For measurement only: the time Reserve spent choosing this record inside its write (the
  // queue seeks), without waiting for the writer or committing. 0 for a live reservation
  // returned as it was, and from listings.
  int64_t selection_ns = 0;
};

// Gold answers graded the way src/quality scores gold accuracy: `answered` counts gold
// questions answered, `correct` those whose answer equals the gold answer.
struct GoldTally {
  int64_t answered = 0;
  int64_t correct = 0;
};

// How SaveResponseWithin checks a response against its record's places.
struct ResponseLimits {
  int overlap = 0;             // 0: no limit (gold and calibration records)
  bool discards_count = false;  // a discarded response takes a place
  int64_t now_ms = 0;           // reservations that expired by now hold nothing
  int64_t lease_until_ms = 0;   // a draft extends its author's live reservation to this time
  // Set for a gold record: the grade of this response. It replaces the grade counted for the
  // author's answer to the record (so an edit is counted once), and counts only while the
  // response is submitted (a draft or discard counts zeros).
  std::optional<GoldTally> gold_grade;
  // The saver must have been handed the record (WasHandedOut), checked in the same write:
  // kNotFound otherwise, and nothing is written. An annotator's answer costs no read of its own.
  bool handed_out_only = false;
};

// One record's uncertainty score for SetUncertainties (nullopt clears it).
struct UncertaintyScore {
  int64_t record_id = 0;
  std::optional<double> score;
};

// A project's progress and one annotator's (zeros for user 0). Gold records are not counted.
struct DistributionProgress {
  int64_t records = 0;     // non-gold records
  int64_t complete = 0;    // non-gold records with at least `overlap` submitted responses
  int64_t started = 0;     // non-gold records with 1 .. overlap-1 submitted responses
  int64_t gold = 0;        // gold records
  int64_t mine_submitted = 0;
  int64_t mine_discarded = 0;
};

// What a project holds, for listings that show totals (Label Studio's project counters), from
// the store's running counts plus one aggregate over the project's suggestions: never a read of
// the records themselves.
struct ProjectTotals {
  int64_t records = 0;           // every record, gold ones included
  int64_t gold_records = 0;
  int64_t records_answered = 0;  // with at least one submitted response
  int64_t records_complete = 0;  // with at least `overlap` submitted responses
  int64_t submitted = 0;         // submitted responses
  int64_t discarded = 0;         // discarded responses
  int64_t suggestion_sets = 0;   // distinct (record, agent) pairs: what Label Studio calls predictions
};

// One annotator's counts in a project.
struct AnnotatorQueueCounts {
  int64_t user_id = 0;
  int64_t served = 0;       // records handed out (reservations made)
  int64_t gold_served = 0;  // gold records among them
  int64_t submitted = 0;
  int64_t discarded = 0;
  int64_t holding = 0;      // live reservations now
  GoldTally gold;           // graded gold answers since the last reinstatement (all, if none)
  std::optional<int64_t> reinstated_at_ms;  // the last ReinstateAnnotator, if any
};

// The rows whose ids people and scripts use (URLs, API calls) and that Create* numbers.
enum class IdKind { kWorkspace, kUser, kProject, kApiToken, kRecord, kResponse };

class Store {
 public:
  virtual ~Store() = default;

  // Workspaces.
  virtual Result<Workspace> CreateWorkspace(std::string_view name) = 0;
  virtual Result<Workspace> GetWorkspace(int64_t id) = 0;  // kNotFound
  virtual Result<std::vector<Workspace>> ListWorkspaces() = 0;

  // Users. Emails are stored lower-case; lookups ignore case.
  // CreateUser ignores user.id and user.created_at_ms; kConflict when the email exists.
  virtual Result<User> CreateUser(const User& user) = 0;
  virtual Result<User> GetUser(int64_t id) = 0;                        // kNotFound
  virtual Result<User> FindUserByEmail(std::string_view email) = 0;    // kNotFound
  virtual Result<std::vector<User>> ListUsers() = 0;                   // by id
  virtual Status UpdateUser(const User& user) = 0;                     // kNotFound
  // Gives the user a role in the workspace, replacing any role they had there.
  virtual Status SetMembership(const Membership& membership) = 0;
  virtual Result<std::vector<Membership>> ListMemberships(int64_t workspace_id) = 0;
  // The user's role in the workspace, or nullopt when they are not a member.
  virtual Result<std::optional<Role>> GetRole(int64_t workspace_id, int64_t user_id) = 0;

  // Projects. CreateProject ignores project.id and created_at_ms and returns the stored one.
  virtual Result<Project> CreateProject(const Project& project) = 0;
  virtual Result<Project> GetProject(int64_t id) = 0;  // kNotFound
  virtual Result<std::vector<Project>> ListProjects() = 0;  // by id
  virtual Status UpdateProject(const Project& project) = 0;  // kNotFound
  // Changes a project in one atomic step: reads it inside a write, lets `change` edit it and
  // stores the result, which it returns. Two callers changing the same project at once both
  // keep their change (no lost update, on any number of servers). When `change` fails, its
  // error is returned and nothing is written; kNotFound when there is no such project.
  using ProjectChange = std::function<Status(Project&)>;
  virtual Result<Project> ChangeProject(int64_t id, const ProjectChange& change) = 0;
  // Deletes the project with its records, suggestions, responses and revisions.
  virtual Status DeleteProject(int64_t id) = 0;  // kNotFound

  // Records.
  virtual Result<Record> GetRecord(int64_t id) = 0;  // kNotFound
  virtual Result<int64_t> CountRecords(int64_t project_id) = 0;
  // Up to `limit` records of the project with id > after_id, in id order.
  virtual Result<std::vector<Record>> ListRecords(int64_t project_id, int64_t after_id, int limit) = 0;
  virtual Result<std::vector<Suggestion>> ListSuggestions(int64_t record_id) = 0;

  // Responses. SaveResponse inserts (response.id == 0) or updates (by id) a response and
  // appends a revision made by `actor_user_id`; it stamps created/updated times itself.
  // kConflict when inserting a second response of the same user to the same record.
  virtual Result<Response> SaveResponse(const Response& response, int64_t actor_user_id) = 0;
  virtual Result<Response> GetResponse(int64_t id) = 0;  // kNotFound
  virtual Result<std::vector<Response>> ListResponses(int64_t record_id) = 0;  // by id
  virtual Result<std::vector<Revision>> ListRevisions(int64_t response_id) = 0;  // oldest first

  // Records matching `filter`, in id order (see RecordFilter). kInvalid for a limit out of range.
  virtual Result<std::vector<Record>> FindRecords(const RecordFilter& filter) = 0;
  // Replaces, for each (record_id, question, agent) given, that record's suggestions of the
  // question by the agent with the given ones (several of one triple all stay), for any number
  // of records in one transaction: all or nothing. kNotFound, naming the first record that
  // does not exist, and nothing written.
  virtual Status UpsertSuggestions(std::span<const Suggestion> suggestions) = 0;
  // The response of `user_id` to `record_id`, or nullopt.
  virtual Result<std::optional<Response>> FindResponse(int64_t record_id, int64_t user_id) = 0;

  // Sessions. FindSession returns the live session with its user and the user's role in
  // `workspace_id` (0: no workspace, role nullopt), in one read; kNotFound for an unknown or
  // expired session (given `now_ms`).
  virtual Status CreateSession(const Session& session) = 0;
  virtual Result<SessionCaller> FindSession(std::string_view id_hash, int64_t now_ms, int64_t workspace_id) = 0;
  virtual Status DeleteSession(std::string_view id_hash) = 0;
  virtual Status DeleteSessionsOf(int64_t user_id) = 0;

  // API tokens. FindTokenByHash returns the token with its user and the user's role in
  // `workspace_id` (as FindSession) in one read; kNotFound for unknown or revoked tokens. It
  // records the use time (coarsely: at most once a minute per token, to keep reads cheap).
  virtual Result<ApiToken> CreateToken(const ApiToken& token) = 0;  // ignores id, created_at_ms
  virtual Result<TokenCaller> FindTokenByHash(std::string_view token_hash, int64_t workspace_id) = 0;
  virtual Result<std::vector<ApiToken>> ListTokens(int64_t user_id) = 0;  // revoked ones too
  // kNotFound unless the token exists and belongs to `user_id`.
  virtual Status RevokeToken(int64_t token_id, int64_t user_id) = 0;

  // Bulk import and export.
  virtual Result<std::unique_ptr<ImportBatch>> BeginImport(int64_t project_id) = 0;
  virtual Status ScanProject(int64_t project_id, ProjectVisitor& visitor, const ScanParts& parts = {}) = 0;

  // Single records and responses changed or deleted (Label Studio's task and annotation API).
  // UpdateRecord replaces the record's fields, metadata, gold and priority; its project,
  // external id and creation time stay. DeleteRecord deletes the record with its suggestions,
  // responses and revisions; DeleteResponse the response with its revisions. Ids of deleted
  // records are not given again. kNotFound when the id names nothing.
  virtual Status UpdateRecord(const Record& record) = 0;
  virtual Status DeleteRecord(int64_t id) = 0;
  virtual Status DeleteResponse(int64_t id) = 0;

  // Distribution. Reserve, in one write: releases the project's reservations that expired by
  // request.now_ms; returns the caller's live reservation in the project when they have one;
  // otherwise hands out, in this order, the first calibration record they never had, a gold
  // record they never had (when gold_due says so), or the first open non-gold record in
  // request.order that they never had, that they qualify for (record metadata "min_tier" <=
  // tier; "specialization", when set, among theirs) and that has fewer than `overlap` places
  // taken. The new reservation lasts lease_ms. nullopt when there is nothing for them. Two
  // concurrent calls never hand out one record to the same user twice nor over-fill a record.
  virtual Result<std::optional<Reservation>> Reserve(const ReserveRequest& request) = 0;
  // SaveResponse, in the same write as the check of the record's places: a submitted (or, with
  // discards_count, discarded) response is refused with kConflict when the record already has
  // `overlap` places taken by others (their submitted responses and live reservations). A
  // draft extends its author's live reservation to lease_until_ms. Submitting or discarding
  // ends the author's reservation.
  virtual Result<Response> SaveResponseWithin(const Response& response, int64_t actor_user_id,
                                              const ResponseLimits& limits) = 0;
  // Whether the record was ever handed to the user (a reservation, live or not, or a response).
  virtual Result<bool> WasHandedOut(int64_t record_id, int64_t user_id) = 0;
  // Counts for progress bars (user_id 0: the project only), given the project's overlap. Read
  // at every hand-out, so it holds only what an annotator's progress shows.
  virtual Result<DistributionProgress> ProgressOf(int64_t project_id, int64_t user_id, int overlap) = 0;
  // The project's reservations live at `now_ms` (for the queue statistics).
  virtual Result<int64_t> CountLiveReservations(int64_t project_id, int64_t now_ms) = 0;
  // The project's live reservations (at most `limit`, soonest to expire first) and every
  // annotator's counts, by user id.
  virtual Result<std::vector<Reservation>> ListReservations(int64_t project_id, int64_t now_ms, int limit) = 0;
  virtual Result<std::vector<AnnotatorQueueCounts>> ListAnnotatorCounts(int64_t project_id, int64_t now_ms) = 0;
  // Sets (or, with nullopt, clears) the record's uncertainty score for "uncertainty" ordering.
  virtual Status SetUncertainty(int64_t record_id, std::optional<double> score) = 0;  // kNotFound

  // Failed logins, kept in the database so that every server on it counts the same ones (the
  // login rate limit, src/http/login_limiter.h). RecordLoginFailure notes a failure for
  // `account` (a lower-case email) from `address` at at_ms, and forgets every failure at or
  // before forget_before_ms (older than any window still asked about).
  virtual Status RecordLoginFailure(std::string_view account, std::string_view address, int64_t at_ms,
                                    int64_t forget_before_ms) = 0;
  // The times of the latest failures after after_ms for `account` (at most account_limit) and
  // from `address` (at most address_limit), each newest first.
  struct LoginFailureTimes {
    std::vector<int64_t> account;
    std::vector<int64_t> address;
  };
  virtual Result<LoginFailureTimes> RecentLoginFailures(std::string_view account, std::string_view address,
                                                        int64_t after_ms, int account_limit,
                                                        int address_limit) = 0;
  // Forgets the account's failures (it just logged in).
  virtual Status ClearLoginFailures(std::string_view account) = 0;

  // Keeping ids when a database is copied (quorum migrate): the next CreateWorkspace,
  // CreateUser, CreateProject, CreateToken, imported record or new response (per `kind`) gets
  // `next_id`. kConflict when the store has already given out an id >= next_id of that kind.
  virtual Status SetNextId(IdKind kind, int64_t next_id) = 0;
  // The highest id of that kind the store has ever given out (deleted rows included; 0 when
  // none), so a copy can go on numbering where the original would have.
  virtual Result<int64_t> LastId(IdKind kind) = 0;
  // Listings by page (Label Studio's API pages by number).
  // The project's totals, given its overlap (see ProjectTotals); all zeros for a project with
  // no records (or none at all).
  virtual Result<ProjectTotals> TotalsOf(int64_t project_id, int overlap) = 0;
  // Up to `limit` records of the project in id order, skipping the first `offset` (>= 0). The
  // skipped ones are stepped over in the (project, id) index, not read.
  virtual Result<std::vector<Record>> ListRecordsPage(int64_t project_id, int64_t offset, int limit) = 0;
  // SetUncertainty for many records of one project in one write: all or nothing. kNotFound
  // (naming the first) when a record is not in the project; nothing is written then.
  virtual Status SetUncertainties(int64_t project_id, std::span<const UncertaintyScore> scores) = 0;
  // The annotator's gold tally in the project since their last reinstatement (all of it when
  // never reinstated; zeros when they answered no gold). Answers from before a reinstatement
  // that change or go later can take a tally below its mark: it never goes below zero, and
  // `correct` never above `answered`.
  virtual Result<GoldTally> GoldTallyOf(int64_t project_id, int64_t user_id) = 0;
  // Starts the annotator's gold tally afresh at `now_ms`: what was graded so far no longer
  // counts for GoldTallyOf. kNotFound when the user does not exist.
  virtual Status ReinstateAnnotator(int64_t project_id, int64_t user_id, int64_t now_ms) = 0;

  // Reviews (core/review.h). Sets the current review of each response, replacing the one it
  // had: all or nothing, in one write. Nothing is written on failure, which is kNotFound
  // (naming the first) when a response is not in project `project_id` or a reviewer does not
  // exist, kConflict when a response is not submitted (drafts and discards are not reviewed),
  // and kForbidden when a reviewer is the response's author. A response's review goes when the response's values or status change, and with
  // the response or its record.
  virtual Status SetReviews(int64_t project_id, std::span<const Review> reviews) = 0;
  // Removes the response's current review. OK when it has none, or does not exist.
  virtual Status ClearReview(int64_t response_id) = 0;
  // The current reviews of the record's responses, by response id.
  virtual Result<std::vector<Review>> ListReviews(int64_t record_id) = 0;
};

}  // namespace quorum
