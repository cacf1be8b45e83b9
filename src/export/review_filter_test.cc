// Reviews in training exports: rejected answers never count; only_accepted counts only the
// accepted ones. The expected rows are worked out by hand from the fixture below.
#include <gtest/gtest.h>

#include "export/export_test_support.h"

namespace quorum::testing {
namespace {

// Preference votes per record, with each answer's review (+ accepted, x rejected, . none):
//   v1  A. Bx Bx   without the flag: A 1/1 (the rejections turn B's win around); with: not accepted
//   v2  A+ Bx B.   without: A B level (tie);                 with: A 1/1
//   v3  Bx Bx      rejected either way
//   v4  A. A.      without: A 2/2;                           with: not accepted
//   v5  B+ B+ A.   without: B 2/3;                           with: B 2/2
inline const char* kReviewedRows = R"(
{"id":"v1","fields":{"prompt":"p1","response_a":"a1","response_b":"b1"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"ann3@x.org","values":{"preference":"response_b"},"status":"submitted"}]}
{"id":"v2","fields":{"prompt":"p2","response_a":"a2","response_b":"b2"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"ann3@x.org","values":{"preference":"response_b"},"status":"submitted"}]}
{"id":"v3","fields":{"prompt":"p3","response_a":"a3","response_b":"b3"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_b"},"status":"submitted"}]}
{"id":"v4","fields":{"prompt":"p4","response_a":"a4","response_b":"b4"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_a"},"status":"submitted"}]}
{"id":"v5","fields":{"prompt":"p5","response_a":"a5","response_b":"b5"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"ann2@x.org","values":{"preference":"response_b"},"status":"submitted"},{"user":"ann3@x.org","values":{"preference":"response_a"},"status":"submitted"}]}
)";

class ReviewFilterTest : public ExportTest {
 protected:
  void SetUp() override {
    ExportTest::SetUp();
    project_ = MakeProject(PreferenceSchema());
    Import(project_, kReviewedRows);
    User reviewer;
    reviewer.email = "rev@x.org";
    reviewer.name = "rev";
    reviewer_ = store_->CreateUser(reviewer).value().id;
    std::vector<Review> reviews;
    auto review = [&](const char* record, const char* annotator, ReviewVerdict verdict) {
      reviews.push_back({ResponseOf(record, annotator), verdict, "", reviewer_, clock_.NowMs()});
    };
    review("v1", "ann2@x.org", ReviewVerdict::kRejected);
    review("v1", "ann3@x.org", ReviewVerdict::kRejected);
    review("v2", "ann1@x.org", ReviewVerdict::kAccepted);
    review("v2", "ann2@x.org", ReviewVerdict::kRejected);
    review("v3", "ann1@x.org", ReviewVerdict::kRejected);
    review("v3", "ann2@x.org", ReviewVerdict::kRejected);
    review("v5", "ann1@x.org", ReviewVerdict::kAccepted);
    review("v5", "ann2@x.org", ReviewVerdict::kAccepted);
    Status set = store_->SetReviews(project_.id, reviews);
    ASSERT_TRUE(set.ok()) << set.error().ToString();
  }

  int64_t ResponseOf(const std::string& external_id, const std::string& email) {
    for (const Record& record : store_->ListRecords(project_.id, 0, 100).value())
      if (record.external_id == external_id) return store_->FindResponse(record.id, UserId(email)).value()->id;
    ADD_FAILURE() << "no record " << external_id;
    return 0;
  }

  static int64_t LeftOut(const ExportSummary& summary, LeftOutReason reason) {
    return summary.left_out[static_cast<int>(reason)];
  }

  Project project_;
  int64_t reviewer_ = 0;
};

TEST_F(ReviewFilterTest, RejectedAnswersNeverCount) {
  ExportSummary summary;
  EXPECT_EQ(Export(project_, Policy(TrainingFormat::kDpo), &summary),
            "{\"prompt\":\"p1\",\"chosen\":\"a1\",\"rejected\":\"b1\"}\n"
            "{\"prompt\":\"p4\",\"chosen\":\"a4\",\"rejected\":\"b4\"}\n"
            "{\"prompt\":\"p5\",\"chosen\":\"b5\",\"rejected\":\"a5\"}\n");
  EXPECT_EQ(summary.records, 5);
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kTie), 1);       // v2
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kRejected), 1);  // v3
  EXPECT_EQ(summary.left_out_total(), 2);
  EXPECT_EQ(summary.rejected_answers, 5);  // v1 2, v2 1, v3 2
  EXPECT_EQ(summary.unaccepted_answers, 0);
  EXPECT_DOUBLE_EQ(summary.agreement_sum, 1 + 1 + 2.0 / 3);
  const nlohmann::json json = SummaryJson(summary);
  EXPECT_EQ(json["left_out"], nlohmann::json({{"tie", 1}, {"rejected", 1}}));
  EXPECT_EQ(json["answers_left_out"], nlohmann::json({{"rejected", 5}}));
  EXPECT_NE(SummaryText(summary).find("Answers left out: 5 rejected by a reviewer"), std::string::npos);
}

TEST_F(ReviewFilterTest, OnlyAcceptedCountsOnlyTheAcceptedAnswers) {
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.only_accepted = true;
  ExportSummary summary;
  EXPECT_EQ(Export(project_, policy, &summary),
            "{\"prompt\":\"p2\",\"chosen\":\"a2\",\"rejected\":\"b2\"}\n"
            "{\"prompt\":\"p5\",\"chosen\":\"b5\",\"rejected\":\"a5\"}\n");
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kNotAccepted), 2);  // v1, v4
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kRejected), 1);     // v3
  EXPECT_EQ(summary.left_out_total(), 3);
  EXPECT_EQ(summary.rejected_answers, 5);
  EXPECT_EQ(summary.unaccepted_answers, 5);  // v1 1, v2 1, v4 2, v5 1
  EXPECT_DOUBLE_EQ(summary.agreement_sum, 2);
  EXPECT_EQ(SummaryJson(summary)["left_out"], nlohmann::json({{"rejected", 1}, {"not_accepted", 2}}));
  EXPECT_EQ(PolicyJson(policy)["only_accepted"], true);
}

TEST_F(ReviewFilterTest, DawidSkeneDecidesOnlyTheRecordsTheReviewsLeave) {
  // The model is fitted on the accepted answers alone (three of them, too few for it to agree
  // with the vote on p2): which side wins is the model's, but which records are decided is the
  // reviews', as with the majority.
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.only_accepted = true;
  policy.method = AggregationMethod::kDawidSkene;
  ExportSummary summary;
  const std::vector<std::string> lines = Lines(Export(project_, policy, &summary));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("\"prompt\":\"p2\""), std::string::npos);
  EXPECT_NE(lines[1].find("\"prompt\":\"p5\""), std::string::npos);
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kNotAccepted), 2);
  EXPECT_EQ(LeftOut(summary, LeftOutReason::kRejected), 1);
}

TEST_F(ReviewFilterTest, AChangedAnswerIsUnreviewedAgain) {
  // ann1 changes v5's accepted B to A: the review goes with the answer it judged, so only
  // ann2's accepted B counts there.
  Response changed = store_->GetResponse(ResponseOf("v5", "ann1@x.org")).value();
  changed.values = {{"preference", "response_a"}};
  ASSERT_TRUE(store_->SaveResponse(changed, changed.user_id).ok());
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.only_accepted = true;
  ExportSummary summary;
  EXPECT_EQ(Export(project_, policy, &summary), "{\"prompt\":\"p2\",\"chosen\":\"a2\",\"rejected\":\"b2\"}\n"
                                                "{\"prompt\":\"p5\",\"chosen\":\"b5\",\"rejected\":\"a5\"}\n");
  EXPECT_EQ(summary.unaccepted_answers, 6);  // v5's changed answer joins the unreviewed ones
}

}  // namespace
}  // namespace quorum::testing
