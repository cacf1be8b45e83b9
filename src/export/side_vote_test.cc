#include "export/side_vote.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

struct Case {
  const char* name;
  SideVote vote;
  bool keep_ties;
  Side winner;
  bool tied;
  double agreement;
};

TEST(DecideSidesTest, Table) {
  const Case cases[] = {
      {"clear first", {2, 1, 0, 1, 3}, false, Side::kFirst, false, 2.0 / 3},
      {"clear second", {0, 3, 0, -3, 3}, false, Side::kSecond, false, 1},
      {"split under a tie vote", {1, 2, 1, -1, 4}, false, Side::kSecond, false, 0.5},
      {"level, dropped", {1, 1, 0, 0, 2}, false, Side::kNone, true, 0.5},
      {"neither on top", {0, 0, 1, 0, 1}, true, Side::kNone, false, 1},
      {"side level with neither, kept", {1, 0, 1, 1, 2}, true, Side::kFirst, true, 0.5},
      {"side level with neither, dropped", {0, 1, 1, -1, 2}, false, Side::kNone, true, 0.5},
      {"nothing", {0, 0, 0, 0, 0}, true, Side::kNone, false, 0},
  };
  for (const Case& c : cases) {
    SideOutcome outcome = DecideSides(c.vote, c.keep_ties, 7);
    EXPECT_EQ(outcome.winner, c.winner) << c.name;
    EXPECT_EQ(outcome.tied, c.tied) << c.name;
    EXPECT_DOUBLE_EQ(outcome.agreement, c.agreement) << c.name;
  }
}

TEST(DecideSidesTest, AKeptLevelVoteIsACoinSeededByTheKey) {
  const SideVote level{1, 1, 0, 0, 2};
  int first = 0;
  for (uint64_t key = 0; key < 200; ++key) {
    SideOutcome outcome = DecideSides(level, true, key);
    ASSERT_NE(outcome.winner, Side::kNone);
    EXPECT_EQ(outcome.winner, DecideSides(level, true, key).winner) << "same key, same side";
    if (outcome.winner == Side::kFirst) ++first;
  }
  EXPECT_GT(first, 60);  // both sides come up: the coin is not stuck
  EXPECT_LT(first, 140);
}

TEST(DecideSidesTest, MarginIsTheMeanSignedStrengthTowardTheWinner) {
  EXPECT_DOUBLE_EQ(DecideSides({2, 1, 0, 1, 3}, false, 0).margin, 1.0 / 3);
  EXPECT_DOUBLE_EQ(DecideSides({0, 2, 0, -3, 2}, false, 0).margin, 1.5);  // much + slightly for B
  EXPECT_DOUBLE_EQ(DecideSides({1, 1, 0, 0, 2}, false, 0).margin, 0);     // no winner
}

}  // namespace
}  // namespace quorum
