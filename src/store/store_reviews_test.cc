// Reviews (migration 6): one current review per response, all-or-nothing writes, what clears a
// review, and the verdict the project scan carries.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum::testing {
namespace {

class StoreReviewsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
    ann_ = NewUser("ann@x.org");
    ben_ = NewUser("ben@x.org");
    reviewer_ = NewUser("rev@x.org");
    records_ = ImportRecords(project_, {"r1", "r2"});
  }

  Response Save(int64_t record, int64_t user, ResponseStatus status, const std::string& answer = "good",
                int64_t response_id = 0) {
    Response response;
    response.id = response_id;
    response.record_id = record;
    response.user_id = user;
    response.status = status;
    response.values = {{"quality", answer}};
    Result<Response> saved = store_->SaveResponse(response, user);
    EXPECT_TRUE(saved.ok()) << saved.error().ToString();
    return saved.ok() ? *saved : Response{};
  }

  Review Verdict(int64_t response_id, ReviewVerdict verdict, const std::string& comment = "") {
    return Review{response_id, verdict, comment, reviewer_, clock_.NowMs()};
  }

  std::vector<Review> Reviews(int64_t record) {
    Result<std::vector<Review>> reviews = store_->ListReviews(record);
    EXPECT_TRUE(reviews.ok()) << reviews.error().ToString();
    return reviews.ok() ? *reviews : std::vector<Review>{};
  }

  int64_t project_ = 0, ann_ = 0, ben_ = 0, reviewer_ = 0;
  std::vector<int64_t> records_;
};

TEST_F(StoreReviewsTest, ANewReviewReplacesTheOldAndKeepsWhoAndWhen) {
  Response mine = Save(records_[0], ann_, ResponseStatus::kSubmitted);
  Response his = Save(records_[0], ben_, ResponseStatus::kSubmitted);
  std::vector<Review> first = {Verdict(mine.id, ReviewVerdict::kAccepted), Verdict(his.id, ReviewVerdict::kRejected, "off topic")};
  ASSERT_TRUE(store_->SetReviews(project_, first).ok());
  std::vector<Review> stored = Reviews(records_[0]);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].response_id, mine.id);
  EXPECT_EQ(stored[0].verdict, ReviewVerdict::kAccepted);
  EXPECT_EQ(stored[0].comment, "");
  EXPECT_EQ(stored[1].verdict, ReviewVerdict::kRejected);
  EXPECT_EQ(stored[1].comment, "off topic");
  EXPECT_EQ(stored[1].reviewer_id, reviewer_);
  EXPECT_EQ(stored[1].reviewed_at_ms, clock_.NowMs());

  clock_.Advance(5000);
  const int64_t second_reviewer = NewUser("rev2@x.org");
  Review again{mine.id, ReviewVerdict::kRejected, "wrong after all", second_reviewer, clock_.NowMs()};
  ASSERT_TRUE(store_->SetReviews(project_, std::span<const Review>(&again, 1)).ok());
  stored = Reviews(records_[0]);
  ASSERT_EQ(stored.size(), 2u) << "still one review per response";
  EXPECT_EQ(stored[0].verdict, ReviewVerdict::kRejected);
  EXPECT_EQ(stored[0].comment, "wrong after all");
  EXPECT_EQ(stored[0].reviewer_id, second_reviewer);
  EXPECT_EQ(stored[0].reviewed_at_ms, clock_.NowMs());
  EXPECT_TRUE(Reviews(records_[1]).empty());
}

TEST_F(StoreReviewsTest, ABatchWithOneBadReviewWritesNothing) {
  Response submitted = Save(records_[0], ann_, ResponseStatus::kSubmitted);
  Response bens = Save(records_[0], ben_, ResponseStatus::kSubmitted);
  Response draft = Save(records_[1], ann_, ResponseStatus::kDraft);
  Response discarded = Save(records_[1], ben_, ResponseStatus::kDiscarded);
  const int64_t other_project = NewProject(NewWorkspace("other"), "other");
  const int64_t foreign_record = ImportRecords(other_project, {"x"})[0];
  Response foreign = Save(foreign_record, ann_, ResponseStatus::kSubmitted);

  struct Case {
    const char* name;
    Review bad;
    ErrorCode code;
    const char* names;
  };
  const Case cases[] = {
      {"draft", Verdict(draft.id, ReviewVerdict::kAccepted), ErrorCode::kConflict, "is draft"},
      {"discarded", Verdict(discarded.id, ReviewVerdict::kAccepted), ErrorCode::kConflict, "is discarded"},
      {"other project", Verdict(foreign.id, ReviewVerdict::kAccepted), ErrorCode::kNotFound, "not in project"},
      {"no such response", Verdict(999999, ReviewVerdict::kAccepted), ErrorCode::kNotFound, "response 999999"},
      {"no such reviewer", Review{submitted.id, ReviewVerdict::kRejected, "", 999999, 0}, ErrorCode::kNotFound,
       "user 999999"},
      {"own response", Review{bens.id, ReviewVerdict::kAccepted, "", ben_, 0}, ErrorCode::kForbidden,
       "the reviewer's own"},
  };
  for (const Case& test : cases) {
    std::vector<Review> batch = {Verdict(submitted.id, ReviewVerdict::kAccepted), test.bad};
    Status set = store_->SetReviews(project_, batch);
    ASSERT_FALSE(set.ok()) << test.name;
    EXPECT_EQ(set.error().code, test.code) << test.name;
    EXPECT_NE(set.error().message.find(test.names), std::string::npos) << test.name << ": " << set.error().message;
    EXPECT_TRUE(Reviews(records_[0]).empty()) << test.name << ": the good review was not written either";
  }
}

TEST_F(StoreReviewsTest, AChangedAnswerOrStatusClearsTheReviewOtherWritesKeepIt) {
  Response response = Save(records_[0], ann_, ResponseStatus::kSubmitted, "good");
  Review accepted = Verdict(response.id, ReviewVerdict::kAccepted);
  ASSERT_TRUE(store_->SetReviews(project_, std::span<const Review>(&accepted, 1)).ok());
  Save(records_[0], ann_, ResponseStatus::kSubmitted, "good", response.id);
  EXPECT_EQ(Reviews(records_[0]).size(), 1u) << "the same answer saved again is what was reviewed";
  Save(records_[0], ann_, ResponseStatus::kSubmitted, "bad", response.id);
  EXPECT_TRUE(Reviews(records_[0]).empty()) << "a changed answer is no longer what was reviewed";

  ASSERT_TRUE(store_->SetReviews(project_, std::span<const Review>(&accepted, 1)).ok());
  Save(records_[0], ann_, ResponseStatus::kDraft, "bad", response.id);
  EXPECT_TRUE(Reviews(records_[0]).empty()) << "back to a draft";
}

TEST_F(StoreReviewsTest, ClearingOrDeletingTheResponseOrRecordRemovesTheReview) {
  Response first = Save(records_[0], ann_, ResponseStatus::kSubmitted);
  Response second = Save(records_[0], ben_, ResponseStatus::kSubmitted);
  Response third = Save(records_[1], ann_, ResponseStatus::kSubmitted);
  std::vector<Review> all = {Verdict(first.id, ReviewVerdict::kAccepted), Verdict(second.id, ReviewVerdict::kAccepted),
                             Verdict(third.id, ReviewVerdict::kRejected)};
  ASSERT_TRUE(store_->SetReviews(project_, all).ok());
  ASSERT_TRUE(store_->ClearReview(first.id).ok());
  ASSERT_TRUE(store_->ClearReview(first.id).ok()) << "clearing what is not there is not an error";
  ASSERT_EQ(Reviews(records_[0]).size(), 1u);
  ASSERT_TRUE(store_->DeleteResponse(second.id).ok());
  EXPECT_TRUE(Reviews(records_[0]).empty());
  ASSERT_TRUE(store_->DeleteRecord(records_[1]).ok());
  EXPECT_TRUE(Reviews(records_[1]).empty());
  // The review went with its record: the same response id is never reviewed again.
  EXPECT_EQ(store_->SetReviews(project_, std::span<const Review>(&all[2], 1)).error().code, ErrorCode::kNotFound);
}

// The verdicts a scan hands over, "response_id=verdict" ("-" for none).
class VerdictCollector : public ProjectVisitor {
 public:
  Status OnRecord(const RecordView&, std::span<const SuggestionView>, std::span<const ResponseView> responses) override {
    for (const ResponseView& response : responses)
      seen.push_back(std::to_string(response.id) + "=" + (response.review ? ReviewVerdictName(*response.review) : "-"));
    return OkStatus();
  }
  std::vector<std::string> seen;
};

TEST_F(StoreReviewsTest, TheScanCarriesEachResponsesVerdict) {
  Response accepted = Save(records_[0], ann_, ResponseStatus::kSubmitted);
  Response rejected = Save(records_[0], ben_, ResponseStatus::kSubmitted);
  Response unreviewed = Save(records_[1], ann_, ResponseStatus::kSubmitted);
  std::vector<Review> reviews = {Verdict(accepted.id, ReviewVerdict::kAccepted),
                                 Verdict(rejected.id, ReviewVerdict::kRejected)};
  ASSERT_TRUE(store_->SetReviews(project_, reviews).ok());
  const std::vector<std::string> expected = {std::to_string(accepted.id) + "=accepted",
                                             std::to_string(rejected.id) + "=rejected",
                                             std::to_string(unreviewed.id) + "=-"};
  ScanParts lean;
  lean.fields = lean.suggestions = lean.revisions = lean.emails = false;
  for (const ScanParts& parts : {ScanParts{}, lean}) {
    VerdictCollector collector;
    ASSERT_TRUE(store_->ScanProject(project_, collector, parts).ok());
    EXPECT_EQ(collector.seen, expected) << "revisions " << parts.revisions;
  }
}

}  // namespace
}  // namespace quorum::testing
