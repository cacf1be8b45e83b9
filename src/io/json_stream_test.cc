#include "io/json_stream.h"

#include <unistd.h>

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/test_sources.h"

namespace quorum {
namespace {

constexpr JsonFraming kLines = JsonFraming::kLines;
constexpr JsonFraming kArray = JsonFraming::kArray;

struct Item {
  std::string text;
  int64_t line;
  bool operator==(const Item&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Item& item) {
  return out << item.line << ":" << item.text;
}

// Everything a stream yields: its items, and the message of the error that ended it, if any.
struct Drained {
  std::vector<Item> items;
  std::string error;
};

Drained Drain(JsonStream& stream) {
  Drained out;
  for (;;) {
    auto next = stream.Next();
    if (!next.ok()) {
      out.error = next.error().message;
      EXPECT_EQ(next.error().code, ErrorCode::kInvalid) << out.error;
      auto again = stream.Next();  // a failed stream is spent: it keeps failing the same way
      EXPECT_FALSE(again.ok());
      if (!again.ok()) {
        EXPECT_EQ(again.error().message, out.error);
      }
      return out;
    }
    if (!next->has_value()) return out;
    out.items.push_back({std::string((*next)->text), (*next)->line});
  }
}

struct Case {
  const char* name;
  JsonFraming framing;
  std::string input;
  std::vector<Item> items;
  std::string error;  // "" when the stream ends cleanly; the source is named "s"
  std::size_t max_item_bytes = JsonStream::kDefaultMaxItemBytes;
};

std::vector<Case> Cases() {
  return {
      // JSON Lines.
      {"lines", kLines, "{\"a\":1}\n{\"b\":2}\n", {{"{\"a\":1}", 1}, {"{\"b\":2}", 2}}, ""},
      {"lines_blank_and_crlf", kLines, "\n{\"a\":1}\r\n\r\n   \n\t{\"b\":2}  \r\n\n",
       {{"{\"a\":1}", 2}, {"{\"b\":2}", 5}}, ""},
      {"lines_last_without_newline", kLines, "{\"a\":1}\n[2]", {{"{\"a\":1}", 1}, {"[2]", 2}}, ""},
      {"lines_last_without_newline_crlf_blank", kLines, "1\r\n  \r", {{"1", 1}}, ""},
      {"lines_empty", kLines, "", {}, ""},
      {"lines_only_blank", kLines, "\n \n\t\r\n", {}, ""},
      {"lines_not_json_is_the_parsers_problem", kLines, "not json\n", {{"not json", 1}}, ""},
      {"lines_bom", kLines, "\xEF\xBB\xBF{}\n", {{"{}", 1}}, ""},
      {"lines_brackets_mean_nothing", kLines, "{\"a\":\"]}[\"}\n[\n", {{"{\"a\":\"]}[\"}", 1}, {"[", 2}},
       ""},
      {"lines_at_limit", kLines, "{\"a\":1}\n", {{"{\"a\":1}", 1}}, "", 7},
      {"lines_over_limit", kLines, "{\"a\":1}\n\n{\"ab\":1}\n", {{"{\"a\":1}", 1}},
       "s:3: record is larger than the limit of 7 bytes", 7},
      {"lines_whitespace_is_not_counted", kLines,
       "                   {\"a\":1}                    \r\n2\n", {{"{\"a\":1}", 1}, {"2", 2}}, "",
       7},
      {"lines_whitespace_inside_is_counted", kLines, "{\"a\":1}           x\n", {},
       "s:1: record is larger than the limit of 7 bytes", 7},
      {"lines_long_blank_line", kLines, std::string(100, ' ') + "\n1\n", {{"1", 2}}, "", 7},

      // JSON arrays.
      {"array", kArray, "[{\"a\":1},{\"b\":2}]", {{"{\"a\":1}", 1}, {"{\"b\":2}", 1}}, ""},
      {"array_nested_and_tricky_strings", kArray,
       "[{\"s\":\"a,b]}[{\",\"n\":[1,[2,{}]]},\n"
       "{\"q\":\"say \\\"hi]\\\"\",\"bs\":\"\\\\\"},\n"
       "{\"bs2\":\"\\\\\\\"}\"}]",
       {{"{\"s\":\"a,b]}[{\",\"n\":[1,[2,{}]]}", 1},
        {"{\"q\":\"say \\\"hi]\\\"\",\"bs\":\"\\\\\"}", 2},
        {"{\"bs2\":\"\\\\\\\"}\"}", 3}},
       ""},
      {"array_whitespace", kArray, " \r\n[\n\t{\"a\":1} ,\n\n  {\"b\":\n2}\n]\n  \n",
       {{"{\"a\":1}", 3}, {"{\"b\":\n2}", 5}}, ""},
      {"array_no_whitespace_at_all", kArray, "[[],{},\"\",0]", {{"[]", 1}, {"{}", 1}, {"\"\"", 1},
       {"0", 1}}, ""},
      {"array_scalars", kArray, "[1, \"two\" ,true,null , -3.5e2,[ ],{ }]",
       {{"1", 1}, {"\"two\"", 1}, {"true", 1}, {"null", 1}, {"-3.5e2", 1}, {"[ ]", 1},
        {"{ }", 1}},
       ""},
      {"array_newlines_inside_strings_count", kArray, "[\"a\nb\", 1,\n2]",
       {{"\"a\nb\"", 1}, {"1", 2}, {"2", 3}}, ""},
      {"array_escaped_backslash_then_quote", kArray, "[\"a\\\\\", \"b\"]",
       {{"\"a\\\\\"", 1}, {"\"b\"", 1}}, ""},
      {"array_structure_lookalikes", kArray, "[{\"Y\":\"y_\",\"_\":[\"Yy\"]}]",
       {{"{\"Y\":\"y_\",\"_\":[\"Yy\"]}", 1}}, ""},
      {"array_empty", kArray, "[]", {}, ""},
      {"array_empty_spaced", kArray, "\n[ \n ]\n", {}, ""},
      {"array_bom", kArray, "\xEF\xBB\xBF[1]", {{"1", 1}}, ""},
      {"single_object", kArray, "\n{\"a\":[1,{\"b\":\"}\"}]}\n", {{"{\"a\":[1,{\"b\":\"}\"}]}", 2}},
       ""},
      {"array_at_limit", kArray, "[1234567890, {\"a\":\"12\"}]",
       {{"1234567890", 1}, {"{\"a\":\"12\"}", 1}}, "", 10},
      {"array_over_limit", kArray, "[{\"a\":1},\n{\"a\":\"12345\"}]", {{"{\"a\":1}", 1}},
       "s:2: record is larger than the limit of 10 bytes", 10},
      {"array_scalar_over_limit", kArray, "[\n12345678901]", {},
       "s:2: record is larger than the limit of 10 bytes", 10},

      // Array framing errors.
      {"empty_file", kArray, "", {}, "s:1: expected '[' or '{' at the start"},
      {"blank_file", kArray, "\n \n", {}, "s:3: expected '[' or '{' at the start"},
      {"bad_start", kArray, "\n\"text\"", {}, "s:2: expected '[' or '{' at the start"},
      {"unterminated_string", kArray, "[\n{\"a\":1},\n{\"a\": \"abc}]\n", {{"{\"a\":1}", 2}},
       "s:3: unterminated string"},
      {"unterminated_top_string", kArray, "[\"abc", {}, "s:1: unterminated string"},
      {"missing_close_bracket", kArray, "[\n{\"a\":1},\n{\"b\":2}\n\n", {{"{\"a\":1}", 2},
       {"{\"b\":2}", 3}}, "s:3: unexpected end of file inside the array (missing ']')"},
      {"only_open_bracket", kArray, "[", {}, "s:1: unexpected end of file inside the array "
       "(missing ']')"},
      {"missing_close_after_comma", kArray, "[1,\n", {{"1", 1}}, "s:1: unexpected end of file "
       "inside the array (missing ']')"},
      {"missing_close_after_scalar", kArray, "[1,\n2", {{"1", 1}}, "s:2: unexpected end of file "
       "inside the array (missing ']')"},
      {"unclosed_element", kArray, "[\n{\"a\":[1,\n2]", {}, "s:2: unexpected end of file inside a "
       "value (missing '}')"},
      {"unclosed_object", kArray, "{\"a\":{}", {}, "s:1: unexpected end of file inside a value "
       "(missing '}')"},
      {"missing_comma", kArray, "[{\"a\":1}\n{\"b\":2}]", {{"{\"a\":1}", 1}}, "s:2: expected ',' or "
       "']' after element"},
      {"missing_comma_scalars", kArray, "[1 2]", {{"1", 1}}, "s:1: expected ',' or ']' after "
       "element"},
      {"text_after_array", kArray, "[{\"a\":1}]\n\nx", {{"{\"a\":1}", 1}}, "s:3: unexpected text "
       "after the closing ']'"},
      {"second_array", kArray, "[]\n[]", {}, "s:2: unexpected text after the closing ']'"},
      {"text_after_object", kArray, "{\"a\":1}\n{\"b\":2}\n", {{"{\"a\":1}", 1}}, "s:2: unexpected "
       "text after the top-level object"},
      {"trailing_comma", kArray, "[{\"a\":1},\n]", {{"{\"a\":1}", 1}}, "s:2: expected a value "
       "after ','"},
      {"double_comma", kArray, "[1,,2]", {{"1", 1}}, "s:1: expected a value after ','"},
      {"leading_comma", kArray, "[\n,1]", {}, "s:2: expected a value or ']' after '['"},
      {"mismatched_bracket", kArray, "[{\"a\":[1}]", {}, "s:1: mismatched '}' (expected ']')"},
  };
}

void ExpectCase(const Case& c, const Drained& got, const std::string& how) {
  EXPECT_EQ(got.items, c.items) << c.name << " " << how;
  EXPECT_EQ(got.error, c.error) << c.name << " " << how;
}

TEST(JsonStreamTest, CasesInOneRead) {
  for (const Case& c : Cases()) {
    JsonStream stream(StringSource(c.input, "s"), c.framing, c.max_item_bytes);
    ExpectCase(c, Drain(stream), "whole");
  }
}

// Every case again, the input arriving 1 to 7 bytes at a time: each item, string, escape,
// CRLF and BOM is cut at some point by a read boundary.
TEST(JsonStreamTest, CasesInTinyReads) {
  for (const Case& c : Cases()) {
    for (uint32_t seed = 0; seed < 16; ++seed) {
      JsonStream stream(std::make_unique<testing::ChunkedSource>(c.input, "s", seed), c.framing,
                        c.max_item_bytes);
      ExpectCase(c, Drain(stream), "seed " + std::to_string(seed));
    }
  }
}

TEST(JsonStreamTest, ErrorIsLocatedProblem) {
  JsonStream stream(StringSource("[1,\n,2]", "data.json"), kArray);
  auto next = stream.Next();
  ASSERT_TRUE(next.ok());
  next = stream.Next();
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(next.error().problems.size(), 1u);
  EXPECT_EQ(next.error().problems[0],
            (Problem{"data.json:2", "", "expected a value after ','"}));
}

TEST(JsonStreamTest, SourceFailureIsPassedOn) {
  for (JsonFraming framing : {kLines, kArray}) {
    JsonStream stream(std::make_unique<testing::FailingSource>("[{\"a\":1},{\"b\"", "f"), framing);
    auto next = stream.Next();
    if (framing == kArray) {
      ASSERT_TRUE(next.ok());
      next = stream.Next();
    }
    ASSERT_FALSE(next.ok());
    EXPECT_EQ(next.error().code, ErrorCode::kIo);
    EXPECT_EQ(next.error().message, "f: disk on fire");
  }
}

// A value far bigger than the initial 1 MiB buffer, 50 MB, on line 2.
std::string BigObject(std::size_t size) {
  std::string text = "{\"text\":\"";
  text.append(size - text.size() - 2, 'x');
  text += "\"}";
  return text;
}

TEST(JsonStreamTest, FiftyMegabyteLineIsReturnedWhole) {
  const std::string big = BigObject(50'000'000);
  for (JsonFraming framing : {kLines, kArray}) {
    std::string input = framing == kLines ? "{}\n" + big + "\n{}\n" : "[{},\n" + big + ",{}]";
    JsonStream stream(StringSource(std::move(input), "s"), framing);
    Drained got = Drain(stream);
    EXPECT_EQ(got.error, "");
    ASSERT_EQ(got.items.size(), 3u);
    EXPECT_EQ(got.items[1].line, 2);
    EXPECT_TRUE(got.items[1].text == big);
    EXPECT_LE(stream.buffer_capacity(), (std::size_t{64} << 20) + 64);
  }
}

TEST(JsonStreamTest, FiftyMegabyteLineOverTheLimitIsRefused) {
  const std::string big = BigObject(50'000'000);
  for (JsonFraming framing : {kLines, kArray}) {
    std::string input = framing == kLines ? "{}\n" + big + "\n{}\n" : "[{},\n" + big + ",{}]";
    JsonStream stream(StringSource(std::move(input), "s"), framing, 10'000'000);
    Drained got = Drain(stream);
    EXPECT_EQ(got.items.size(), 1u);
    EXPECT_EQ(got.error, "s:2: record is larger than the limit of 10000000 bytes");
    EXPECT_LE(stream.buffer_capacity(), std::size_t{16} << 20);
  }
}

// The view must be parseable in place: 64 bytes after it readable (ASan checks the reads),
// including when the value ends at the very end of the buffer's data.
TEST(JsonStreamTest, ViewIsFollowedByPadding) {
  simdjson::dom::parser parser;
  const std::size_t kMiB = std::size_t{1} << 20;
  for (std::size_t size : {std::size_t{12}, kMiB - 1, kMiB, kMiB + 1, 2 * kMiB}) {
    for (JsonFraming framing : {kLines, kArray}) {
      JsonStream stream(StringSource(BigObject(size), "s"), framing);
      auto next = stream.Next();
      ASSERT_TRUE(next.ok() && next->has_value()) << size;
      std::string_view text = (*next)->text;
      ASSERT_EQ(text.size(), size);
      unsigned sum = 0;
      for (std::size_t index = 0; index < simdjson::SIMDJSON_PADDING; ++index) {
        sum += static_cast<unsigned char>(text.data()[text.size() + index]);
      }
      EXPECT_GE(sum, 0u);
      simdjson::dom::element element;
      EXPECT_EQ(parser.parse(text.data(), text.size(), false).get(element), simdjson::SUCCESS);
    }
  }
}

// The resident set now, in KiB: unlike getrusage's peak, not inflated by earlier tests.
long ResidentKb() {
  long pages = 0;
  long resident = 0;
  if (std::FILE* file = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(file, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(file);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// A ~1.5 KB record, different each time.
void MakeRecord(int64_t index, std::string& out) {
  out += "{\"id\":\"ext-";
  out += std::to_string(index);
  out += "\",\"prompt\":\"";
  out.append(700, 'p');
  out += "\",\"chosen\":\"with \\\"quotes\\\" and [brackets]\",\"rejected\":\"";
  out.append(700, 'r');
  out += "\",\"meta\":{\"tags\":[1,2,3]}}";
}

// 200 MB streamed without the stream ever existing in memory: the buffer stays at its first
// size and the process does not grow with the data.
TEST(JsonStreamTest, MemoryIsBoundedByTheItemNotTheStream) {
  const int64_t kTotal = 200'000'000;
  for (JsonFraming framing : {kLines, kArray}) {
    auto generate = [framing](int64_t index, std::string& piece) {
      if (framing == kArray) piece += index == 0 ? "[" : ",\n";
      MakeRecord(index, piece);
      if (framing == kLines) piece += '\n';
    };
    // The array is cut somewhere: stop at the last whole item, before the missing ']'.
    JsonStream stream(std::make_unique<testing::GeneratingSource>(generate, kTotal, "g"),
                      framing);
    long resident_before = ResidentKb();
    long resident_peak = resident_before;
    int64_t items = 0;
    int64_t bytes = 0;
    for (;;) {
      auto next = stream.Next();
      if (!next.ok() || !next->has_value()) break;
      if (++items % 10'000 == 0) resident_peak = std::max(resident_peak, ResidentKb());
      bytes += static_cast<int64_t>((*next)->text.size());
      if (framing == kLines) {
        ASSERT_EQ((*next)->line, items);
      }
    }
    EXPECT_GT(bytes, kTotal * 9 / 10);
    EXPECT_EQ(stream.buffer_capacity(), (std::size_t{1} << 20) + 64);
    EXPECT_LT(resident_peak - resident_before, 8 * 1024) << "KiB of growth";
    std::printf("framing %d: %lld items, %lld bytes\n", static_cast<int>(framing),
                static_cast<long long>(items), static_cast<long long>(bytes));
  }
}

}  // namespace
}  // namespace quorum
