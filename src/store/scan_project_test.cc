// ScanProject: record order, and grouping of suggestions, responses and revisions.
#include <chrono>
#include <future>
#include <set>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

// What the visitor saw, copied out of the views.
struct SeenRevision {
  std::string email;
  int64_t at_ms;
  std::string values_json;
  ResponseStatus status;
};
struct SeenResponse {
  int64_t id, user_id;
  std::string email, values_json;
  ResponseStatus status;
  int64_t time_spent_ms;
  int guideline_version;
  std::vector<SeenRevision> revisions;
};
struct SeenRecord {
  int64_t id;
  std::string external_id, fields_json, metadata_json, gold_json;
  double priority;
  std::vector<std::string> suggestions;  // "question=value@agent"
  std::vector<SeenResponse> responses;
};

class Collector : public ProjectVisitor {
 public:
  Status OnRecord(const RecordView& record, std::span<const SuggestionView> suggestions,
                  std::span<const ResponseView> responses) override {
    SeenRecord seen{record.id, std::string(record.external_id), std::string(record.fields_json),
                    std::string(record.metadata_json), std::string(record.gold_json), record.priority, {}, {}};
    for (const SuggestionView& suggestion : suggestions)
      seen.suggestions.push_back(std::string(suggestion.question) + "=" + std::string(suggestion.value_json) + "@" +
                                 std::string(suggestion.agent));
    for (const ResponseView& response : responses) {
      SeenResponse copy{response.id, response.user_id, std::string(response.user_email),
                        std::string(response.values_json), response.status, response.time_spent_ms,
                        response.guideline_version, {}};
      for (const RevisionView& revision : response.revisions)
        copy.revisions.push_back({std::string(revision.user_email), revision.at_ms, std::string(revision.values_json),
                                  revision.status});
      seen.responses.push_back(std::move(copy));
    }
    records.push_back(std::move(seen));
    if (stop_after > 0 && records.size() == static_cast<size_t>(stop_after))
      return MakeError(ErrorCode::kIo, "visitor gave up");
    return OkStatus();
  }

  std::vector<SeenRecord> records;
  int stop_after = 0;
};

class ScanProjectTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    int64_t workspace = NewWorkspace();
    project_ = NewProject(workspace, "scanned");
    other_project_ = NewProject(workspace, "other");
    ann_ = NewUser("ann@example.com");
    bob_ = NewUser("bob@example.com");
    rev_ = NewUser("rev@example.com");
  }

  // Puts a record with `suggestions` suggestions and one response per user in `users`.
  int64_t Put(int64_t project_id, const std::string& external_id, int suggestions, std::vector<int64_t> users) {
    Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project_id);
    EXPECT_TRUE(batch.ok());
    std::string fields = R"({"prompt":")" + external_id + R"("})";
    Result<int64_t> id = (*batch)->PutRecord({external_id, fields, R"({"k":1})", "{}", 0.5, 0}, OnDuplicate::kRefuse);
    EXPECT_TRUE(id.ok());
    for (int index = 0; index < suggestions; ++index) {
      std::string value = std::to_string(index);
      EXPECT_TRUE((*batch)->PutSuggestion(*id, {"quality", value, std::nullopt, "agent-" + external_id}).ok());
    }
    for (int64_t user : users) {
      ResponseRow row;
      row.user_id = user;
      row.values_json = R"({"quality":"good"})";
      row.status = ResponseStatus::kSubmitted;
      row.time_spent_ms = 10 * user;
      EXPECT_TRUE((*batch)->PutResponse(*id, row).ok());
    }
    EXPECT_TRUE((*batch)->Commit().ok());
    return *id;
  }

  std::vector<SeenRecord> Scan(const ScanParts& parts = {}) {
    Collector collector;
    Status status = store_->ScanProject(project_, collector, parts);
    EXPECT_TRUE(status.ok()) << status.error().ToString();
    return collector.records;
  }

  int64_t project_ = 0, other_project_ = 0, ann_ = 0, bob_ = 0, rev_ = 0;
};

TEST_F(ScanProjectTest, EmptyProjectVisitsNothingAndMissingProjectIsNotFound) {
  EXPECT_TRUE(Scan().empty());
  Collector collector;
  Status missing = store_->ScanProject(9999, collector);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(ScanProjectTest, RecordsInIdOrderEachWithItsOwnRows) {
  int64_t bare = Put(project_, "bare", 0, {});
  Put(other_project_, "foreign", 2, {ann_});  // interleaved ids of another project
  int64_t busy = Put(project_, "busy", 3, {bob_, ann_});
  int64_t suggested = Put(project_, "suggested", 1, {});
  Put(other_project_, "foreign2", 1, {bob_});
  int64_t answered = Put(project_, "answered", 0, {ann_});
  int64_t last = Put(project_, "last", 0, {});

  // A reviewer edits ann's answer to "busy": two revisions, oldest first, each by its author.
  Response ann_busy = (*store_->ListResponses(busy))[1];
  ASSERT_EQ(ann_busy.user_id, ann_);
  clock_.Set(99'000);
  ann_busy.values = {{"quality", "bad"}};
  ASSERT_TRUE(store_->SaveResponse(ann_busy, rev_).ok());

  std::vector<SeenRecord> seen = Scan();
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_EQ(seen[0].id, bare);
  EXPECT_EQ(seen[1].id, busy);
  EXPECT_EQ(seen[2].id, suggested);
  EXPECT_EQ(seen[3].id, answered);
  EXPECT_EQ(seen[4].id, last);

  EXPECT_EQ(seen[0].external_id, "bare");
  EXPECT_EQ(seen[0].fields_json, R"({"prompt":"bare"})");
  EXPECT_EQ(seen[0].metadata_json, R"({"k":1})");
  EXPECT_EQ(seen[0].priority, 0.5);
  EXPECT_TRUE(seen[0].suggestions.empty());
  EXPECT_TRUE(seen[0].responses.empty());

  EXPECT_EQ(seen[1].suggestions,
            (std::vector<std::string>{"quality=0@agent-busy", "quality=1@agent-busy", "quality=2@agent-busy"}));
  ASSERT_EQ(seen[1].responses.size(), 2u);
  EXPECT_EQ(seen[1].responses[0].email, "bob@example.com");
  EXPECT_EQ(seen[1].responses[0].time_spent_ms, 10 * bob_);
  ASSERT_EQ(seen[1].responses[0].revisions.size(), 1u);
  EXPECT_EQ(seen[1].responses[0].revisions[0].email, "bob@example.com");
  const SeenResponse& edited = seen[1].responses[1];
  EXPECT_EQ(edited.id, ann_busy.id);
  EXPECT_EQ(edited.email, "ann@example.com");
  EXPECT_EQ(edited.values_json, R"({"quality":"bad"})");
  ASSERT_EQ(edited.revisions.size(), 2u);
  EXPECT_EQ(edited.revisions[0].email, "ann@example.com");
  EXPECT_EQ(edited.revisions[0].values_json, R"({"quality":"good"})");
  EXPECT_EQ(edited.revisions[1].email, "rev@example.com");
  EXPECT_EQ(edited.revisions[1].at_ms, 99'000);
  EXPECT_EQ(edited.revisions[1].values_json, R"({"quality":"bad"})");

  EXPECT_EQ(seen[2].suggestions, std::vector<std::string>{"quality=0@agent-suggested"});
  EXPECT_TRUE(seen[2].responses.empty());
  EXPECT_TRUE(seen[3].suggestions.empty());
  ASSERT_EQ(seen[3].responses.size(), 1u);
  EXPECT_EQ(seen[3].responses[0].user_id, ann_);
  EXPECT_EQ(seen[3].responses[0].status, ResponseStatus::kSubmitted);
  EXPECT_TRUE(seen[4].suggestions.empty());
  EXPECT_TRUE(seen[4].responses.empty());
}

// A scan for answers only: the parts left out are empty, every response is still there with its
// user id, values and status, and records keep their metadata and gold.
TEST_F(ScanProjectTest, PartsLeftOutAreEmptyAndTheRestIsComplete) {
  int64_t busy = Put(project_, "busy", 2, {bob_, ann_});
  Put(other_project_, "foreign", 1, {ann_});
  int64_t quiet = Put(project_, "quiet", 0, {rev_});
  ScanParts parts;
  parts.fields = false;
  parts.suggestions = false;
  parts.revisions = false;
  parts.emails = false;
  std::vector<SeenRecord> seen = Scan(parts);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].id, busy);
  EXPECT_EQ(seen[0].fields_json, "");
  EXPECT_EQ(seen[0].metadata_json, R"({"k":1})");
  EXPECT_EQ(seen[0].gold_json, "{}");
  EXPECT_TRUE(seen[0].suggestions.empty());
  ASSERT_EQ(seen[0].responses.size(), 2u);
  std::set<int64_t> users;
  for (const SeenResponse& response : seen[0].responses) {
    users.insert(response.user_id);
    EXPECT_EQ(response.email, "");
    EXPECT_TRUE(response.revisions.empty());
    EXPECT_EQ(response.values_json, R"({"quality":"good"})");
    EXPECT_EQ(response.status, ResponseStatus::kSubmitted);
    EXPECT_EQ(response.time_spent_ms, 10 * response.user_id);
  }
  EXPECT_EQ(users, (std::set<int64_t>{ann_, bob_}));
  EXPECT_EQ(seen[1].id, quiet);
  ASSERT_EQ(seen[1].responses.size(), 1u);
  EXPECT_EQ(seen[1].responses[0].user_id, rev_);

  // Emails alone can be asked for while revisions stay out.
  parts.emails = true;
  seen = Scan(parts);
  ASSERT_EQ(seen[1].responses.size(), 1u);
  EXPECT_EQ(seen[1].responses[0].email, "rev@example.com");
  EXPECT_TRUE(seen[1].responses[0].revisions.empty());
}

TEST_F(ScanProjectTest, AVisitorErrorStopsTheScan) {
  Put(project_, "a", 1, {ann_});
  Put(project_, "b", 1, {ann_});
  Put(project_, "c", 1, {ann_});
  Collector collector;
  collector.stop_after = 2;
  Status status = store_->ScanProject(project_, collector);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "visitor gave up");
  EXPECT_EQ(collector.records.size(), 2u);
  // The store is not left mid-scan: the next scan starts over.
  EXPECT_EQ(Scan().size(), 3u);
}

// The visitor may read the store, and even scan again, from inside the callback.
TEST_F(ScanProjectTest, VisitorMayCallTheStore) {
  Put(project_, "a", 1, {ann_});
  Put(project_, "b", 0, {bob_});
  class Nested : public ProjectVisitor {
   public:
    Nested(Store& store, int64_t project_id) : store_(store), project_id_(project_id) {}
    Status OnRecord(const RecordView& record, std::span<const SuggestionView>,
                    std::span<const ResponseView>) override {
      QUORUM_ASSIGN_OR_RETURN(Record full, store_.GetRecord(record.id));
      EXPECT_EQ(full.external_id, record.external_id);
      Collector inner;
      QUORUM_RETURN_IF_ERROR(store_.ScanProject(project_id_, inner));
      inner_counts.push_back(inner.records.size());
      return OkStatus();
    }
    std::vector<size_t> inner_counts;

   private:
    Store& store_;
    int64_t project_id_;
  } nested(*store_, project_);
  Status status = store_->ScanProject(project_, nested);
  ASSERT_TRUE(status.ok()) << status.error().ToString();
  EXPECT_EQ(nested.inner_counts, (std::vector<size_t>{2, 2}));
}

// A scan reads its own snapshot without holding the store: other threads write meanwhile, and
// the scan does not see what they write.
TEST_F(ScanProjectTest, OtherThreadsWriteWhileAScanIsUnderWay) {
  Put(project_, "a", 0, {});
  int64_t second = Put(project_, "b", 0, {});
  class WritingVisitor : public ProjectVisitor {
   public:
    WritingVisitor(Store& store, int64_t record_id, int64_t user_id)
        : store_(store), record_id_(record_id), user_id_(user_id) {}
    Status OnRecord(const RecordView&, std::span<const SuggestionView>,
                    std::span<const ResponseView> responses) override {
      seen_responses += responses.size();
      if (!wrote) {
        std::future<bool> write = std::async(std::launch::async, [this] {
          Response response;
          response.record_id = record_id_;
          response.user_id = user_id_;
          return store_.SaveResponse(response, user_id_).ok();
        });
        EXPECT_EQ(write.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "the write was blocked";
        EXPECT_TRUE(write.get());
        wrote = true;
      }
      return OkStatus();
    }
    bool wrote = false;
    size_t seen_responses = 0;

   private:
    Store& store_;
    int64_t record_id_, user_id_;
  } visitor(*store_, second, ann_);  // written while "a" is visited, before "b" is
  ASSERT_TRUE(store_->ScanProject(project_, visitor).ok());
  EXPECT_TRUE(visitor.wrote);
  EXPECT_EQ(visitor.seen_responses, 0u);  // written after the scan's snapshot
  EXPECT_EQ(store_->ListResponses(second)->size(), 1u);
}

TEST_F(ScanProjectTest, OptionsLeaveOutSuggestionsAndRevisionsButNothingElse) {
  int64_t busy = Put(project_, "busy", 3, {bob_, ann_});
  Put(project_, "quiet", 0, {ann_});
  Response ann_busy = (*store_->ListResponses(busy))[1];
  ann_busy.values = {{"quality", "bad"}};
  ASSERT_TRUE(store_->SaveResponse(ann_busy, rev_).ok());

  const std::vector<SeenRecord> full = Scan();
  Collector lean;
  ASSERT_TRUE(store_->ScanProject(project_, lean, ScanParts{.suggestions = false, .revisions = false}).ok());
  ASSERT_EQ(lean.records.size(), full.size());
  for (size_t index = 0; index < full.size(); ++index) {
    EXPECT_EQ(lean.records[index].id, full[index].id);
    EXPECT_EQ(lean.records[index].fields_json, full[index].fields_json);
    EXPECT_TRUE(lean.records[index].suggestions.empty());
    ASSERT_EQ(lean.records[index].responses.size(), full[index].responses.size());
    for (size_t response = 0; response < full[index].responses.size(); ++response) {
      EXPECT_EQ(lean.records[index].responses[response].values_json, full[index].responses[response].values_json);
      EXPECT_EQ(lean.records[index].responses[response].email, full[index].responses[response].email);
      EXPECT_TRUE(lean.records[index].responses[response].revisions.empty());
    }
  }
  EXPECT_EQ(full[0].suggestions.size(), 3u);
  EXPECT_EQ(full[0].responses[1].revisions.size(), 2u);

  Collector suggestions_only;
  ASSERT_TRUE(store_->ScanProject(project_, suggestions_only, ScanParts{.revisions = false}).ok());
  EXPECT_EQ(suggestions_only.records[0].suggestions, full[0].suggestions);
  EXPECT_TRUE(suggestions_only.records[0].responses[1].revisions.empty());
}

}  // namespace
}  // namespace quorum
