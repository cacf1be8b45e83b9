#include "core/utf8.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

struct CountCase {
  std::string name;
  std::string text;
  std::size_t code_points;
};

class CountCodePointsTest : public ::testing::TestWithParam<CountCase> {};

TEST_P(CountCodePointsTest, Counts) { EXPECT_EQ(CountCodePoints(GetParam().text), GetParam().code_points); }

INSTANTIATE_TEST_SUITE_P(
    Texts, CountCodePointsTest,
    ::testing::Values(CountCase{"Empty", "", 0}, CountCase{"Ascii", "hello", 5},
                      CountCase{"TwoByte", "café", 4},          // é is 2 bytes
                      CountCase{"ThreeByte", "東京", 2},        // 3 bytes each
                      CountCase{"FourByte", "🎌!", 2},          // 🎌 is 4 bytes, one code point
                      CountCase{"Combining", "e\u0301", 2},     // e + combining acute: 2 code points
                      CountCase{"Mixed", "Zoë 東京 🎌", 8}),
    [](const ::testing::TestParamInfo<CountCase>& info) { return info.param.name; });

TEST(Utf8Prefix, NeverCutsACodePoint) {
  EXPECT_EQ(Utf8Prefix("abc", 10), "abc");
  EXPECT_EQ(Utf8Prefix("abc", 2), "ab");
  EXPECT_EQ(Utf8Prefix("a東京", 2), "a");  // byte 2 is inside 東
  EXPECT_EQ(Utf8Prefix("a東京", 4), "a東");
  EXPECT_EQ(Utf8Prefix("🎌", 3), "");
}

TEST(CountCodePoints, CountsStrayContinuationBytesWithoutReadingPastTheEnd) {
  EXPECT_EQ(CountCodePoints(std::string("\xE6\x9D", 2)), 1u);  // a truncated 東
}

}  // namespace
}  // namespace quorum
