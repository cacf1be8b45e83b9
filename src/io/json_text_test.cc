#include "io/json_text.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

// nlohmann::json::dump is the reference: AppendJson must write the same text, only faster.
TEST(JsonTextTest, AppendJsonMatchesNlohmannDump) {
  const char* documents[] = {
      R"({})",
      R"([])",
      R"({"b": 1, "a": [true, false, null], "c": {"z": -3, "y": 18446744073709551615}})",
      R"({"text": "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 del \u007f"})",
      R"({"unicode": "Zoë 你好 🥂", "slash": "a/b"})",
      R"([0.5, 1e-7, 2.0, -0.0, 123456789.125, 1e300])",
      R"({"chat": [{"role": "user", "content": "<script>alert('x')</script>"}]})",
  };
  for (const char* text : documents) {
    nlohmann::json document = nlohmann::json::parse(text);
    std::string out;
    AppendJson(out, document);
    EXPECT_EQ(out, document.dump()) << text;
    EXPECT_EQ(nlohmann::json::parse(out), document) << text;
  }
}

TEST(JsonTextTest, StringEscapesControlCharactersAsUnicode) {
  std::string out;
  AppendJsonString(out, std::string("a\x01z\x1f", 4));
  EXPECT_EQ(out, R"("a\u0001z\u001f")");
}

TEST(JsonTextTest, NumbersReadBack) {
  for (double number : {0.1, 1.0 / 3.0, 2.5, -7.0, 1e21}) {
    std::string out;
    AppendJsonNumber(out, number);
    EXPECT_EQ(nlohmann::json::parse(out).get<double>(), number) << out;
  }
}

// The word-at-a-time scan: every byte that needs escaping, at every offset of a long text, and
// bytes just outside the escaped ranges (0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, UTF-8).
TEST(JsonTextTest, EscapesAtEveryOffsetOfALongString) {
  const std::string specials = std::string("\"\\\n\t\x01\x1f", 6);
  const std::string neighbours = " !#[]\x7f\xc3\xa9";
  for (char special : specials) {
    for (size_t offset = 0; offset < 24; ++offset) {
      std::string text(offset, 'a');
      text += special;
      text += neighbours;
      text += std::string(17, 'b');
      std::string out;
      AppendJsonString(out, text);
      EXPECT_EQ(out, nlohmann::json(text).dump()) << "offset " << offset;
    }
  }
  std::string plain;
  AppendJsonString(plain, neighbours + neighbours);
  EXPECT_EQ(plain, nlohmann::json(neighbours + neighbours).dump());
}

}  // namespace
}  // namespace quorum

