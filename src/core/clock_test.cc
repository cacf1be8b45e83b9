#include "core/clock.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

TEST(TimestampTest, FormatsKnownInstants) {
  EXPECT_EQ(FormatTimestamp(0), "1970-01-01T00:00:00.000Z");
  // 2024-02-29T12:34:56.789Z, a leap day, computed with `date -u -d ... +%s`.
  EXPECT_EQ(FormatTimestamp(1709210096789), "2024-02-29T12:34:56.789Z");
}

TEST(TimestampTest, ParsesWhatItFormats) {
  for (int64_t ms : {int64_t{0}, int64_t{1709210096789}, int64_t{1795596300123}, int64_t{951782400000}})
    EXPECT_EQ(ParseTimestamp(FormatTimestamp(ms)), ms) << ms;
}

TEST(TimestampTest, AcceptsVariants) {
  EXPECT_EQ(ParseTimestamp("2024-02-29T12:34:56Z"), 1709210096000);
  EXPECT_EQ(ParseTimestamp("2024-02-29T12:34:56.7+00:00"), 1709210096700);
  EXPECT_EQ(ParseTimestamp("2024-02-29T12:34:56.789123456Z"), 1709210096789);
}

TEST(TimestampTest, RefusesMalformed) {
  for (const char* text : {"", "2024-02-29", "2024-02-29 12:34:56Z", "2024-13-01T00:00:00Z",
                           "2024-02-29T12:34:56", "2024-02-29T12:34:56.Z", "2024-02-29T12:34:56+02:00"})
    EXPECT_FALSE(ParseTimestamp(text).has_value()) << text;
}

}  // namespace
}  // namespace quorum
