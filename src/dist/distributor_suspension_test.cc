// The gold suspension rule in the engine: gold answers graded as they are submitted, a
// suspended annotator served nothing, reinstatement counting only later gold, and the queue
// statistics showing who is suspended.
#include <gtest/gtest.h>

#include "dist/dist_test_support.h"

namespace quorum::testing {
namespace {

class DistributorSuspensionTest : public DistTest {
 protected:
  // Every record is gold (answer "good"), so each hand-out is a gold one; suspended below 50%
  // after 2 gold answers.
  void SetUp() override {
    DistTest::SetUp();
    Settings({{"gold_ratio", 1.0}, {"gold_suspend_below", 0.5}, {"gold_suspend_after", 2}});
    gold_ = AddRecords(std::vector<RecordSpec>(6, RecordSpec{"{}", R"({"quality":"good"})", 0}));
    plain_ = AddPlainRecords(2);
  }

  // Takes the next record and submits `label` to it; returns the record id (0 when none).
  int64_t TakeAndAnswer(const User& user, const std::string& label, ResponseStatus status = ResponseStatus::kSubmitted) {
    const int64_t id = NextId(user);
    if (id == 0) return 0;
    Response response;
    response.record_id = id;
    response.user_id = user.id;
    response.values = {{"quality", label}};
    response.status = status;
    Result<Response> saved = distributor_->Save(CurrentProject(), store_->GetRecord(id).value(), response, user.id, /*handed_out_only=*/false);
    EXPECT_TRUE(saved.ok()) << saved.error().ToString();
    return id;
  }

  NextOutcome Next(const User& user) { return distributor_->Next(CurrentProject(), user).value(); }

  std::vector<int64_t> gold_;
  std::vector<int64_t> plain_;
};

TEST_F(DistributorSuspensionTest, WrongGoldAnswersSuspendAfterTheMinimumAndStopTheStream) {
  User a = Annotator("a@x.org");
  EXPECT_NE(TakeAndAnswer(a, "bad"), 0);
  EXPECT_TRUE(Next(a).assignment) << "one gold answer is not enough evidence (after = 2)";
  EXPECT_NE(TakeAndAnswer(a, "bad"), 0);
  NextOutcome next = Next(a);
  EXPECT_FALSE(next.assignment);
  EXPECT_EQ(next.reason, NoRecordReason::kSuspended);
  ASSERT_TRUE(next.suspension);
  EXPECT_EQ(next.suspension->gold.answered, 2);
  EXPECT_EQ(next.suspension->gold.correct, 0);
  EXPECT_DOUBLE_EQ(next.suspension->threshold, 0.5);
  EXPECT_EQ(next.suspension->after, 2);
  EXPECT_NE(next.suspension->reason.find("0%"), std::string::npos) << next.suspension->reason;
}

TEST_F(DistributorSuspensionTest, GoodAnnotatorsAndDraftsAreNotSuspended) {
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  EXPECT_NE(TakeAndAnswer(a, "good"), 0);
  EXPECT_NE(TakeAndAnswer(a, "bad"), 0);
  EXPECT_TRUE(Next(a).assignment) << "50% is not below 50%";
  EXPECT_NE(TakeAndAnswer(b, "bad", ResponseStatus::kDraft), 0);
  clock_.Advance(60 * 60 * 1000);  // the draft's lease runs out; drafts are not graded
  EXPECT_NE(TakeAndAnswer(b, "bad", ResponseStatus::kDraft), 0);
  clock_.Advance(60 * 60 * 1000);
  EXPECT_TRUE(Next(b).assignment);
}

TEST_F(DistributorSuspensionTest, ReinstatementCountsOnlyGoldAnsweredAfterIt) {
  User a = Annotator("a@x.org");
  TakeAndAnswer(a, "bad");
  TakeAndAnswer(a, "bad");
  ASSERT_EQ(Next(a).reason, NoRecordReason::kSuspended);
  ASSERT_TRUE(distributor_->Reinstate(CurrentProject(), a.id).ok());
  EXPECT_TRUE(Next(a).assignment) << "the old evidence no longer counts";
  TakeAndAnswer(a, "good");
  TakeAndAnswer(a, "bad");
  EXPECT_TRUE(Next(a).assignment) << "1 of 2 since the reinstatement is 50%";
  TakeAndAnswer(a, "bad");
  EXPECT_EQ(Next(a).reason, NoRecordReason::kSuspended) << "1 of 3 since the reinstatement";
}

TEST_F(DistributorSuspensionTest, TheQueueShowsWhoIsSuspendedAndTurningTheRuleOffLiftsIt) {
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  TakeAndAnswer(a, "bad");
  TakeAndAnswer(a, "bad");
  TakeAndAnswer(b, "good");
  QueueStats stats = distributor_->Queue(CurrentProject(), 10).value();
  ASSERT_EQ(stats.annotators.size(), 2u);
  ASSERT_EQ(stats.suspensions.size(), 2u);
  EXPECT_EQ(stats.annotators[0].user_id, a.id);
  EXPECT_TRUE(stats.suspensions[0]);
  EXPECT_EQ(stats.annotators[0].gold.answered, 2);
  EXPECT_FALSE(stats.suspensions[1]);
  EXPECT_EQ(stats.annotators[1].gold.correct, 1);
  Settings({{"gold_ratio", 1.0}});
  EXPECT_TRUE(Next(a).assignment) << "without the rule nobody is suspended";
}

}  // namespace
}  // namespace quorum::testing
