// The review rules both stores apply, case by case.
#include "store/review_rules.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

Review ByReviewer(int64_t reviewer_id) {
  Review review;
  review.response_id = 9;
  review.reviewer_id = reviewer_id;
  return review;
}

TEST(ReviewRulesTest, OnlyASubmittedResponseOfTheProjectBySomeoneElseIsReviewable) {
  const ReviewedResponse submitted{3, "submitted", 7};
  EXPECT_TRUE(CheckReviewable(3, ByReviewer(8), submitted).ok());

  Status missing = CheckReviewable(3, ByReviewer(8), std::nullopt);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "response 9 is not in project 3");

  Status elsewhere = CheckReviewable(4, ByReviewer(8), submitted);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(elsewhere.error().message, "response 9 is not in project 4");

  Status draft = CheckReviewable(3, ByReviewer(8), ReviewedResponse{3, "draft", 7});
  ASSERT_FALSE(draft.ok());
  EXPECT_EQ(draft.error().code, ErrorCode::kConflict);
  EXPECT_EQ(draft.error().message, "response 9 is draft: only submitted responses are reviewed");

  Status own = CheckReviewable(3, ByReviewer(7), submitted);
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(own.error().message, "response 9 is the reviewer's own: someone else reviews it");

  EXPECT_EQ(ReviewerNotFound(ByReviewer(12)).message, "user 12 not found");
}

}  // namespace
}  // namespace quorum
