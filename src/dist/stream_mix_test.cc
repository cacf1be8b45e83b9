#include "dist/stream_mix.h"

#include <set>

#include <gtest/gtest.h>

namespace quorum {
namespace {

TEST(StreamMixTest, GoldComesAtTheRatioAndNeverFirst) {
  int64_t gold = 0;
  std::vector<int64_t> gold_positions;
  for (int64_t served = 0; served < 100; ++served)
    if (GoldIsDue(served, gold, 0.05)) {
      ++gold;
      gold_positions.push_back(served + 1);
    }
  EXPECT_EQ(gold_positions, (std::vector<int64_t>{20, 40, 60, 80, 100}));
  EXPECT_FALSE(GoldIsDue(0, 0, 0.5));
  EXPECT_TRUE(GoldIsDue(1, 0, 0.5));
  EXPECT_FALSE(GoldIsDue(1000, 0, 0));
  // A stream that found no gold to serve catches up when some appears.
  EXPECT_TRUE(GoldIsDue(99, 0, 0.05));
}

TEST(StreamMixTest, RandomStartIsStablePerUserAndSeedAndSpread) {
  EXPECT_EQ(RandomStart(7, 1), RandomStart(7, 1));
  EXPECT_NE(RandomStart(7, 1), RandomStart(8, 1));
  std::set<uint32_t> starts;
  int upper_half = 0;
  for (int64_t user = 1; user <= 1000; ++user) {
    starts.insert(RandomStart(0, user));
    if (RandomStart(0, user) >= 0x80000000u) ++upper_half;
  }
  EXPECT_EQ(starts.size(), 1000u);
  EXPECT_GT(upper_half, 400);
  EXPECT_LT(upper_half, 600);
}

}  // namespace
}  // namespace quorum
