// Gold tallies (migration 4): SaveResponseWithin's grade, edits counted once, deletions,
// reinstatement, and what survives reopening the file.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum::testing {
namespace {

class StoreGoldTallyTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
    user_ = NewUser("a@x.org");
    records_ = ImportRecords(project_, {"g1", "g2", "g3"});
  }

  // Saves the user's response to `record` with a grade, as the distribution engine does for a
  // gold record; returns the stored response.
  Response Save(int64_t record, ResponseStatus status, GoldTally grade, int64_t response_id = 0) {
    Response response;
    response.id = response_id;
    response.record_id = record;
    response.user_id = user_;
    response.status = status;
    response.values = {{"quality", "good"}};
    ResponseLimits limits;
    limits.now_ms = clock_.NowMs();
    limits.gold_grade = grade;
    Result<Response> saved = store_->SaveResponseWithin(response, user_, limits);
    EXPECT_TRUE(saved.ok()) << saved.error().ToString();
    return saved.ok() ? *saved : Response{};
  }

  GoldTally Tally() {
    Result<GoldTally> tally = store_->GoldTallyOf(project_, user_);
    EXPECT_TRUE(tally.ok()) << tally.error().ToString();
    return tally.ok() ? *tally : GoldTally{-1, -1};
  }

  int64_t project_ = 0;
  int64_t user_ = 0;
  std::vector<int64_t> records_;
};

TEST_F(StoreGoldTallyTest, SubmittedGradesAddUpAndDraftsCountNothing) {
  EXPECT_EQ(Tally().answered, 0);
  Save(records_[0], ResponseStatus::kDraft, {1, 1});
  EXPECT_EQ(Tally().answered, 0) << "a draft is not graded";
  Save(records_[1], ResponseStatus::kSubmitted, {1, 0});
  Save(records_[2], ResponseStatus::kSubmitted, {2, 1});
  GoldTally tally = Tally();
  EXPECT_EQ(tally.answered, 3);
  EXPECT_EQ(tally.correct, 1);
}

TEST_F(StoreGoldTallyTest, AnEditReplacesItsGradeAndADeletionRemovesIt) {
  Response first = Save(records_[0], ResponseStatus::kSubmitted, {1, 0});
  Save(records_[0], ResponseStatus::kSubmitted, {1, 1}, first.id);
  EXPECT_EQ(Tally().answered, 1) << "the same record is counted once";
  EXPECT_EQ(Tally().correct, 1);
  Save(records_[0], ResponseStatus::kDraft, {1, 1}, first.id);
  EXPECT_EQ(Tally().answered, 0) << "back to draft: no longer counted";
  Save(records_[0], ResponseStatus::kSubmitted, {1, 1}, first.id);
  Response second = Save(records_[1], ResponseStatus::kSubmitted, {1, 0});
  ASSERT_TRUE(store_->DeleteResponse(second.id).ok());
  EXPECT_EQ(Tally().answered, 1);
  ASSERT_TRUE(store_->DeleteRecord(records_[0]).ok());
  EXPECT_EQ(Tally().answered, 0) << "a deleted record takes its grade with it";
}

TEST_F(StoreGoldTallyTest, ReinstatementStartsTheTallyAfreshAndKeepsIt) {
  Save(records_[0], ResponseStatus::kSubmitted, {1, 0});
  Save(records_[1], ResponseStatus::kSubmitted, {1, 0});
  ASSERT_TRUE(store_->ReinstateAnnotator(project_, user_, 5000).ok());
  EXPECT_EQ(Tally().answered, 0);
  Save(records_[2], ResponseStatus::kSubmitted, {1, 1});
  Reopen();
  GoldTally tally = Tally();
  EXPECT_EQ(tally.answered, 1);
  EXPECT_EQ(tally.correct, 1);
  std::vector<AnnotatorQueueCounts> counts = store_->ListAnnotatorCounts(project_, clock_.NowMs()).value();
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].gold.answered, 1);
  EXPECT_EQ(counts[0].gold.correct, 1);
  EXPECT_EQ(counts[0].reinstated_at_ms, 5000);
}

TEST_F(StoreGoldTallyTest, AnOldAnswerChangedAfterReinstatementNeverTakesTheTallyBelowZero) {
  Response old = Save(records_[0], ResponseStatus::kSubmitted, {1, 1});
  ASSERT_TRUE(store_->ReinstateAnnotator(project_, user_, 5000).ok());
  Save(records_[0], ResponseStatus::kDraft, {1, 1}, old.id);
  GoldTally tally = Tally();
  EXPECT_EQ(tally.answered, 0);
  EXPECT_EQ(tally.correct, 0);
}

TEST_F(StoreGoldTallyTest, ReinstatingSomeoneWhoNeverWorkedHereWorksAndAnUnknownUserIsNotFound) {
  EXPECT_TRUE(store_->ReinstateAnnotator(project_, NewUser("b@x.org"), 1).ok());
  Result<GoldTally> none = store_->GoldTallyOf(project_, 999);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->answered, 0);
  Status unknown = store_->ReinstateAnnotator(project_, 999, 1);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace quorum::testing
