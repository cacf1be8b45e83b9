// TotalsOf and ListRecordsPage: a project's totals from the running counts (kept by every way
// responses and suggestions change) and pages of records by offset.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreTotalsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
    ann_ = NewUser("ann@x.org");
    bob_ = NewUser("bob@x.org");
  }

  // r1: ann and bob submitted, two suggestions of model-a and one of model-b;
  // r2: ann submitted, bob discarded, one suggestion of model-a; r3 (gold): bob submitted;
  // r4: a draft only; r5: nothing.
  void ImportProject() {
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_).value();
    auto record = [&](const char* id, const char* gold) {
      return batch->PutRecord(RecordRow{id, R"({"prompt":"p"})", "{}", gold, 0, 0}, OnDuplicate::kRefuse).value();
    };
    auto respond = [&](int64_t record_id, int64_t user, ResponseStatus status) {
      ResponseRow row;
      row.user_id = user;
      row.values_json = R"({"quality":"good"})";
      row.status = status;
      ASSERT_TRUE(batch->PutResponse(record_id, row).ok());
    };
    auto suggest = [&](int64_t record_id, const char* agent) {
      ASSERT_TRUE(batch->PutSuggestion(record_id, SuggestionRow{"quality", R"("good")", 0.5, agent}).ok());
    };
    const int64_t r1 = record("r1", "{}"), r2 = record("r2", "{}"), r3 = record("r3", R"({"quality":"bad"})");
    const int64_t r4 = record("r4", "{}");
    record("r5", "{}");
    respond(r1, ann_, ResponseStatus::kSubmitted);
    respond(r1, bob_, ResponseStatus::kSubmitted);
    respond(r2, ann_, ResponseStatus::kSubmitted);
    respond(r2, bob_, ResponseStatus::kDiscarded);
    respond(r3, bob_, ResponseStatus::kSubmitted);
    respond(r4, ann_, ResponseStatus::kDraft);
    suggest(r1, "model-a");
    suggest(r1, "model-a");
    suggest(r1, "model-b");
    suggest(r2, "model-a");
    ASSERT_TRUE(batch->Commit().ok());
    r2_ = r2;
  }

  int64_t project_ = 0, ann_ = 0, bob_ = 0, r2_ = 0;
};

TEST_F(StoreTotalsTest, CountsRecordsResponsesAndSuggestionSets) {
  ImportProject();
  Result<ProjectTotals> totals = store_->TotalsOf(project_, 2);
  ASSERT_TRUE(totals.ok()) << totals.error().ToString();
  EXPECT_EQ(totals->records, 5);
  EXPECT_EQ(totals->gold_records, 1);
  EXPECT_EQ(totals->records_answered, 3);
  EXPECT_EQ(totals->records_complete, 1);  // r1 has the two answers overlap 2 asks for
  EXPECT_EQ(totals->submitted, 4);
  EXPECT_EQ(totals->discarded, 1);
  EXPECT_EQ(totals->suggestion_sets, 3);
  EXPECT_EQ(store_->TotalsOf(project_, 1)->records_complete, 3);
}

TEST_F(StoreTotalsTest, FollowResponsesAndRecordsAsTheyChange) {
  ImportProject();
  Result<std::optional<Response>> discarded = store_->FindResponse(r2_, bob_);
  ASSERT_TRUE(discarded.ok() && discarded->has_value());
  Response now_submitted = **discarded;
  now_submitted.status = ResponseStatus::kSubmitted;
  ASSERT_TRUE(store_->SaveResponse(now_submitted, bob_).ok());
  Result<ProjectTotals> totals = store_->TotalsOf(project_, 2);
  EXPECT_EQ(totals->submitted, 5);
  EXPECT_EQ(totals->discarded, 0);
  EXPECT_EQ(totals->records_complete, 2);

  ASSERT_TRUE(store_->DeleteRecord(r2_).ok());
  totals = store_->TotalsOf(project_, 2);
  EXPECT_EQ(totals->records, 4);
  EXPECT_EQ(totals->submitted, 3);
  EXPECT_EQ(totals->records_complete, 1);
  EXPECT_EQ(totals->suggestion_sets, 2);
}

TEST_F(StoreTotalsTest, AnEmptyOrUnknownProjectHasZeros) {
  Result<ProjectTotals> totals = store_->TotalsOf(project_, 1);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->records, 0);
  EXPECT_EQ(totals->suggestion_sets, 0);
  EXPECT_EQ(store_->TotalsOf(9999, 1)->records, 0);
}

TEST_F(StoreTotalsTest, PagesByOffsetInIdOrder) {
  const int64_t other = NewProject(NewWorkspace("other"));
  const std::vector<int64_t> ids = ImportRecords(project_, {"a", "b", "c", "d", "e"});
  ImportRecords(other, {"x", "y"});
  ImportRecords(project_, {"f"});  // after the other project's: ids of one project are not contiguous
  auto page = [&](int64_t offset, int limit) {
    std::vector<std::string> names;
    for (const Record& record : store_->ListRecordsPage(project_, offset, limit).value()) names.push_back(record.external_id);
    return names;
  };
  EXPECT_EQ(page(0, 2), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(page(4, 2), (std::vector<std::string>{"e", "f"}));
  EXPECT_EQ(page(5, 10), (std::vector<std::string>{"f"}));
  EXPECT_TRUE(page(6, 10).empty());
  EXPECT_TRUE(page(0, 0).empty());
  EXPECT_TRUE(page(-1, 3).empty());
  EXPECT_EQ(store_->ListRecordsPage(project_, 1, 1)->front().id, ids[1]);
}

}  // namespace
}  // namespace quorum
