// The native CSV export on the hand-worked fixtures of export_test_support.h: majority answers,
// shares and counts worked out by hand from the votes listed there, and RFC 4180 quoting.
#include "export/csv_export.h"

#include <gtest/gtest.h>

#include "export/export_test_support.h"

namespace quorum::testing {
namespace {

class CsvExportTest : public ExportTest {
 protected:
  std::string Csv(const Project& project, int64_t* rows = nullptr) {
    std::string out;
    std::unique_ptr<ByteSink> sink = StringSink(out);
    Result<CsvExportReport> report = ExportCsv(*store_, project, *sink);
    EXPECT_TRUE(report.ok()) << report.error().ToString();
    if (report.ok() && rows != nullptr) *rows = report->records;
    return out;
  }

  // The record ids of the project, in import order.
  std::vector<std::string> Ids(const Project& project) {
    std::vector<std::string> ids;
    for (const Record& record : store_->ListRecords(project.id, 0, 100).value()) ids.push_back(std::to_string(record.id));
    return ids;
  }
};

TEST_F(CsvExportTest, OneRowPerRecordWithItsFieldsAndEachQuestionsMajority) {
  Project project = MakeProject(PreferenceSchema());
  Import(project, kPreferenceRows);
  const std::vector<std::string> id = Ids(project);
  ASSERT_EQ(id.size(), 8u);
  int64_t rows = 0;
  // preference (response_a, tie, response_b), quality (ratings 1..5), rewrite (text: no scale).
  EXPECT_EQ(Csv(project, &rows),
            "record_id,external_id,prompt,response_a,response_b,preference,preference_agreement,preference_answers,"
            "quality,quality_agreement,quality_answers,rewrite,rewrite_agreement,rewrite_answers\r\n" +
                id[0] + ",r1,p1,a1,b1,response_a,0.6666666666666666,3,,0.3333333333333333,3,,,1\r\n" +  // A A B; 5 4 2
                id[1] + ",r2,p2,a2,b2,,0.5,2,,0.5,2,,,0\r\n" +            // A B level; 4 3 level
                id[2] + ",r3,p3,a3,b3,response_b,0.5,4,,,0,,,0\r\n" +     // B B A tie
                id[3] + ",r4,p4,a4,b4,response_b,1.0,3,1,0.6666666666666666,3,,,2\r\n" +  // B B B; 1 2 1
                id[4] + ",r5,p5,a5,b5,response_a,1.0,2,,,0,,,0\r\n" +     // gold is a record like the others
                id[5] + ",r6,p6,a6,b6,,,0,,,0,,,0\r\n" +                  // no responses
                id[6] + ",r7,p7,a7,b7,tie,1.0,1,,,0,,,0\r\n" +            // "tie" alone
                id[7] + ",r8,p8,a8,b8,,,0,,,0,,,0\r\n");                  // a draft does not count
  EXPECT_EQ(rows, 8);
}

// A chat is the stored JSON, compacted (the store keeps object keys sorted).
TEST_F(CsvExportTest, CellsWithCommasQuotesOrLineBreaksAreQuotedAndChatsAreJson) {
  Project project = MakeProject(ChatPreferenceSchema());
  Import(project, R"({"id":"c,1","fields":{"prompt":[{"role":"user","content":"Hi"}],"response_a":"say \"yes\"","response_b":"two\nlines"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_b"},"status":"submitted"}]})");
  const std::vector<std::string> id = Ids(project);
  EXPECT_EQ(Csv(project),
            "record_id,external_id,prompt,response_a,response_b,preference,preference_agreement,preference_answers\r\n" +
                id[0] + ",\"c,1\",\"[{\"\"content\"\":\"\"Hi\"\",\"\"role\"\":\"\"user\"\"}]\",\"say \"\"yes\"\"\",\"two\nlines\","
                        "response_b,1.0,1\r\n");
}

TEST(CsvCellTest, QuotesOnlyWhatRfc4180Needs) {
  const std::pair<std::string, std::string> cases[] = {
      {"plain", "plain"}, {"", ""}, {"a,b", "\"a,b\""}, {"a\"b", "\"a\"\"b\""}, {"a\rb", "\"a\rb\""},
      {"a\nb", "\"a\nb\""}, {" spaced ", " spaced "}, {"héllo", "héllo"}};
  for (const auto& [text, expected] : cases) {
    std::string line;
    AppendCsvCell(line, text);
    EXPECT_EQ(line, expected) << text;
  }
}

}  // namespace
}  // namespace quorum::testing
