// The orders the queue can follow: fifo, priority, uncertainty, seeded random, and finishing
// started records first.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "dist/dist_test_support.h"
#include "dist/stream_mix.h"

namespace quorum::testing {
namespace {

class DistributorOrderingTest : public DistTest {
 protected:
  // The records `user` is handed, in order, submitting each.
  std::vector<int64_t> Stream(const User& user) {
    std::vector<int64_t> stream;
    while (int64_t id = TakeAndSubmit(user)) stream.push_back(id);
    return stream;
  }
};

TEST_F(DistributorOrderingTest, FifoFollowsRecordIds) {
  std::vector<int64_t> ids = AddPlainRecords(4);
  EXPECT_EQ(Stream(Annotator("a@x.org")), ids);
}

TEST_F(DistributorOrderingTest, PriorityServesLargerFirstThenIds) {
  Settings({{"ordering", "priority"}});
  RecordSpec low, high, middle;
  low.priority = -1;
  high.priority = 10;
  middle.priority = 5;
  std::vector<int64_t> ids = AddRecords({low, high, middle, middle});
  EXPECT_EQ(Stream(Annotator("a@x.org")), (std::vector<int64_t>{ids[1], ids[2], ids[3], ids[0]}));
}

TEST_F(DistributorOrderingTest, ChangingTheOrderingReordersTheQueue) {
  Settings({{"ordering", "priority"}});
  RecordSpec low, high;
  low.priority = 1;
  high.priority = 9;
  std::vector<int64_t> ids = AddRecords({low, high, low});
  EXPECT_EQ(NextId(Annotator("a@x.org")), ids[1]);
  Settings({{"ordering", "fifo"}});
  EXPECT_EQ(NextId(Annotator("b@x.org")), ids[0]);
  Settings({{"ordering", "priority"}});
  EXPECT_EQ(NextId(Annotator("c@x.org")), ids[2]);
  std::vector<int64_t> later = AddRecords({high});
  EXPECT_EQ(NextId(Annotator("d@x.org")), later[0]) << "a record added under an ordering gets its key";
}

TEST_F(DistributorOrderingTest, UncertaintyServesLargerScoresFirstAndUnscoredLast) {
  Settings({{"ordering", "uncertainty"}});
  std::vector<int64_t> ids = AddPlainRecords(4);
  ASSERT_TRUE(store_->SetUncertainty(ids[2], 0.9).ok());
  ASSERT_TRUE(store_->SetUncertainty(ids[0], 0.4).ok());
  ASSERT_TRUE(store_->SetUncertainty(ids[3], 0.7).ok());
  ASSERT_TRUE(store_->SetUncertainty(ids[3], std::nullopt).ok());
  EXPECT_EQ(Stream(Annotator("a@x.org")), (std::vector<int64_t>{ids[2], ids[0], ids[1], ids[3]}));
  EXPECT_EQ(store_->SetUncertainty(999999, 0.5).error().code, ErrorCode::kNotFound);
}

TEST_F(DistributorOrderingTest, RandomIsSeededStablePerAnnotatorAndCoversEverything) {
  Settings({{"ordering", "random"}, {"seed", 7}, {"overlap", 3}});
  std::vector<int64_t> ids = AddPlainRecords(40);
  User a = Annotator("a@x.org"), b = Annotator("b@x.org");
  std::vector<int64_t> stream_a = Stream(a);
  std::vector<int64_t> stream_b = Stream(b);
  EXPECT_EQ(std::set<int64_t>(stream_a.begin(), stream_a.end()), std::set<int64_t>(ids.begin(), ids.end()));
  EXPECT_EQ(stream_a.size(), ids.size());
  EXPECT_NE(stream_a, ids) << "not the id order";
  EXPECT_NE(stream_a.front(), stream_b.front()) << "annotators enter the order at different places";
  // Stable: the stream is the fixed permutation of ids (migration 3's shuffle) entered at
  // the annotator's RandomStart for the seed.
  auto expected = [&](const User& user, int64_t seed) {
    const uint32_t start = RandomStart(seed, user.id);
    std::vector<int64_t> order = ids;
    auto distance = [&](int64_t id) { return static_cast<uint32_t>((id * 2654435761LL) % 4294967296LL - start); };
    std::sort(order.begin(), order.end(), [&](int64_t x, int64_t y) { return distance(x) < distance(y); });
    return order;
  };
  EXPECT_EQ(stream_a, expected(a, 7));
  EXPECT_EQ(stream_b, expected(b, 7));
  EXPECT_NE(expected(a, 7), expected(a, 8)) << "the seed changes where the annotator enters";
}

TEST_F(DistributorOrderingTest, FinishStartedFirstPrefersRecordsWithAPlaceTaken) {
  Settings({{"ordering", "uncertainty"}, {"overlap", 2}});
  std::vector<int64_t> ids = AddPlainRecords(2);
  ASSERT_TRUE(store_->SetUncertainty(ids[0], 0.9).ok());
  ASSERT_TRUE(store_->SetUncertainty(ids[1], 0.1).ok());
  EXPECT_EQ(TakeAndSubmit(Annotator("a@x.org")), ids[0]);
  ASSERT_TRUE(store_->SetUncertainty(ids[1], 0.95).ok());
  User b = Annotator("b@x.org");
  EXPECT_EQ(NextId(b), ids[1]) << "by score alone, the untouched record wins";
  ASSERT_TRUE(Answer(b, ids[1], ResponseStatus::kDiscarded).ok());  // untouched again: no place taken
  Settings({{"ordering", "uncertainty"}, {"overlap", 2}, {"finish_started_first", true}});
  EXPECT_EQ(NextId(Annotator("c@x.org")), ids[0]) << "record 1 has a response: finish it first";
}

}  // namespace
}  // namespace quorum::testing
