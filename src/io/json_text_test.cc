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

}  // namespace
}  // namespace quorum
