#include "io/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "io/test_sources.h"

namespace quorum {
namespace {

using Values = std::vector<std::string>;

struct Row {
  int64_t line;
  Values values;
  bool operator==(const Row&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
  out << row.line << ":";
  for (const std::string& value : row.values) out << "[" << value << "]";
  return out;
}

// What a reader yields: the header, the rows, and the message of the error that ended it.
struct Drained {
  Values header;
  std::vector<Row> rows;
  std::string error;
};

Drained Drain(CsvReader& reader) {
  Drained out;
  auto header = reader.ReadHeader();
  if (!header.ok()) {
    out.error = header.error().message;
    return out;
  }
  out.header = *header;
  CsvRow row;
  for (;;) {
    auto found = reader.Next(row);
    if (!found.ok()) {
      out.error = found.error().message;
      EXPECT_EQ(found.error().code, ErrorCode::kInvalid) << out.error;
      EXPECT_FALSE(reader.Next(row).ok());  // a failed reader is spent
      return out;
    }
    if (!*found) return out;
    out.rows.push_back({row.line, row.values});
  }
}

struct Case {
  const char* name;
  std::string input;
  Values header;
  std::vector<Row> rows;
  std::string error;  // "" when the input ends cleanly; the source is named "s"
  std::size_t max_row_bytes = CsvReader::kDefaultMaxRowBytes;
};

std::vector<Case> Cases() {
  return {
      {"simple", "a,b\n1,2\n3,4\n", {"a", "b"}, {{2, {"1", "2"}}, {3, {"3", "4"}}}, ""},
      {"no_final_newline", "a,b\n1,2", {"a", "b"}, {{2, {"1", "2"}}}, ""},
      {"header_only", "a,b\n", {"a", "b"}, {}, ""},
      {"quotes_commas_doubled_quotes", "a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n", {"a", "b"},
       {{2, {"x, y", "he said \"hi\""}}}, ""},
      {"quoted_header", "\"a,1\",\"b\"\"\"\n1,2\n", {"a,1", "b\""}, {{2, {"1", "2"}}}, ""},
      {"embedded_newlines", "a,b\n\"line1\nline2\n\",z\nnext,row\n", {"a", "b"},
       {{2, {"line1\nline2\n", "z"}}, {5, {"next", "row"}}}, ""},
      {"crlf", "a,b\r\n1,2\r\n\"3\",\"4\"\r\n\"x\r\ny\",\r\n", {"a", "b"},
       {{2, {"1", "2"}}, {3, {"3", "4"}}, {4, {"x\r\ny", ""}}}, ""},
      {"crlf_at_the_end_cut_short", "a,b\r\n1,2\r", {"a", "b"}, {{2, {"1", "2"}}}, ""},
      {"bare_cr_is_data", "a,b\n1\r2,3\n", {"a", "b"}, {{2, {"1\r2", "3"}}}, ""},
      {"bom", "\xEF\xBB\xBF" "a,b\n1,2\n", {"a", "b"}, {{2, {"1", "2"}}}, ""},
      {"blank_lines", "\na,b\n\n1,2\n\r\n\n3,4\n\n", {"a", "b"}, {{4, {"1", "2"}}, {7, {"3", "4"}}},
       ""},
      {"empty_fields", "a,b,c\n,,\n\"\",x,\n", {"a", "b", "c"}, {{2, {"", "", ""}}, {3, {"", "x", ""}}},
       ""},
      {"quoted_empty_is_not_blank", "a\n\"\"\n\n", {"a"}, {{2, {""}}}, ""},
      {"spaces_are_data", "a,b\n 1 , 2\n", {"a", "b"}, {{2, {" 1 ", " 2"}}}, ""},
      {"utf8", "a,b\nh\xC3\xA9llo,\xE2\x82\xAC \xF0\x9F\x98\x80\n", {"a", "b"},
       {{2, {"h\xC3\xA9llo", "\xE2\x82\xAC \xF0\x9F\x98\x80"}}}, ""},
      {"row_at_limit", "a\n1234567890\n\"12345678\"\r\n", {"a"}, {{2, {"1234567890"}},
       {3, {"12345678"}}}, "", 10},

      {"empty_input", "", {}, {}, "s:1: the input is empty: expected a header row"},
      {"blank_input", "\n\r\n", {}, {}, "s:3: the input is empty: expected a header row"},
      {"empty_column_name", "a,,b\n", {}, {}, "s:1: header column 2: the column has no name"},
      {"repeated_column_name", "\na,b,a\n", {}, {}, "s:2: header column 3: 'a' is also the name "
       "of column 1"},
      {"too_many_columns", "a,b\n1,2\n1,2,3\n", {"a", "b"}, {{2, {"1", "2"}}}, "s:3: the row has 3 "
       "columns, the header 2"},
      {"too_few_columns", "a,b\n1,2\n\"multi\nline\"\n", {"a", "b"}, {{2, {"1", "2"}}}, "s:3: the "
       "row has 1 column, the header 2"},
      {"unterminated_quote", "a,b\n1,2\n3,\"abc\n\ndef\n", {"a", "b"}, {{2, {"1", "2"}}}, "s:3: "
       "unterminated quoted field (the quote opens on this line)"},
      {"stray_quote", "a,b\n1,ab\"c\n", {"a", "b"}, {}, "s:2: a quote inside an unquoted field "
       "(quote the whole field and double the quotes inside it)"},
      {"text_after_closing_quote", "a,b\n1,\"a\nb\"c\n", {"a", "b"}, {}, "s:3: text after the "
       "closing quote of a field"},
      {"bare_cr_after_closing_quote", "a,b\n1,\"ab\"\rc\n", {"a", "b"}, {}, "s:2: text after the "
       "closing quote of a field"},
      {"invalid_utf8", "a,b\n1,2\n3,\"x\n\xFF\"\n", {"a", "b"}, {{2, {"1", "2"}}}, "s:3: column 'b': "
       "invalid UTF-8"},
      {"truncated_utf8", "a,b\n1,\xE2\x82\n", {"a", "b"}, {}, "s:2: column 'b': invalid UTF-8"},
      {"invalid_utf8_in_header", "a,\xC0\xAF\n", {}, {}, "s:1: header column 2: invalid UTF-8"},
      {"row_over_limit", "a\n1234567890\n12345678901\n", {"a"}, {{2, {"1234567890"}}}, "s:3: row "
       "is larger than the limit of 10 bytes", 10},
      {"endless_row_over_limit", "a\n\"" + std::string(100, 'x'), {"a"}, {}, "s:2: row is larger "
       "than the limit of 10 bytes", 10},
  };
}

void ExpectCase(const Case& c, const Drained& got, const std::string& how) {
  EXPECT_EQ(got.header, c.header) << c.name << " " << how;
  EXPECT_EQ(got.rows, c.rows) << c.name << " " << how;
  EXPECT_EQ(got.error, c.error) << c.name << " " << how;
}

TEST(CsvReaderTest, CasesInOneRead) {
  for (const Case& c : Cases()) {
    CsvReader reader(StringSource(c.input, "s"), c.max_row_bytes);
    ExpectCase(c, Drain(reader), "whole");
  }
}

TEST(CsvReaderTest, CasesInTinyReads) {
  for (const Case& c : Cases()) {
    for (uint32_t seed = 0; seed < 16; ++seed) {
      CsvReader reader(std::make_unique<testing::ChunkedSource>(c.input, "s", seed),
                       c.max_row_bytes);
      ExpectCase(c, Drain(reader), "seed " + std::to_string(seed));
    }
  }
}

TEST(CsvReaderTest, NextReadsTheHeaderWhenNotAskedFor) {
  CsvReader reader(StringSource("a\n1\n", "s"));
  CsvRow row;
  auto found = reader.Next(row);
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ(row.values, Values{"1"});
  EXPECT_EQ(row.line, 2);
}

TEST(CsvReaderTest, RowStringsKeepTheirCapacity) {
  std::string long_value(10'000, 'x');
  CsvReader reader(StringSource("a,b\n" + long_value + ",1\nshort,2\n", "s"));
  ASSERT_TRUE(reader.ReadHeader().ok());
  CsvRow row;
  ASSERT_TRUE(*reader.Next(row));
  const char* storage = row.values[0].data();
  ASSERT_TRUE(*reader.Next(row));
  EXPECT_EQ(row.values[0], "short");
  EXPECT_EQ(row.values[0].data(), storage);
}

TEST(CsvReaderTest, ErrorIsLocatedProblem) {
  CsvReader reader(StringSource("prompt,answer\nq,\"a\xFF\"\n", "data.csv"));
  ASSERT_TRUE(reader.ReadHeader().ok());
  CsvRow row;
  auto found = reader.Next(row);
  ASSERT_FALSE(found.ok());
  ASSERT_EQ(found.error().problems.size(), 1u);
  EXPECT_EQ(found.error().problems[0], (Problem{"data.csv:2", "column 'answer'", "invalid UTF-8"}));
}

TEST(CsvReaderTest, SourceFailureIsPassedOn) {
  CsvReader reader(std::make_unique<testing::FailingSource>("a,b\n1,2\n3,", "f"));
  ASSERT_TRUE(reader.ReadHeader().ok());
  CsvRow row;
  ASSERT_TRUE(*reader.Next(row));
  auto found = reader.Next(row);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace quorum
