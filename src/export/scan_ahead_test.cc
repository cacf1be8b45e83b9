// ScanProjectAhead against a real SQLite store: the visitor sees what a direct scan shows, in
// the same order, across many batches; a visitor's error stops the scan and is the result.
#include "export/scan_ahead.h"

#include <gtest/gtest.h>

#include "export/export_test_support.h"

namespace quorum::testing {
namespace {

// Writes down what it is shown, as one line per record; fails at record `fail_at` (0: never).
class Recorder final : public ProjectVisitor {
 public:
  explicit Recorder(int64_t fail_at = 0) : fail_at_(fail_at) {}
  Status OnRecord(const RecordView& record, std::span<const SuggestionView>,
                  std::span<const ResponseView> responses) override {
    if (++seen_ == fail_at_) return MakeError(ErrorCode::kIo, "disk full at record " + std::to_string(record.id));
    text_ += std::to_string(record.id) + " " + std::string(record.external_id) + " " + std::string(record.fields_json) +
             " " + std::string(record.metadata_json) + " " + std::string(record.gold_json) + " " +
             std::to_string(record.created_at_ms);
    for (const ResponseView& response : responses)
      text_ += " | " + std::to_string(response.id) + " " + std::to_string(response.user_id) + " " +
               std::string(response.values_json) + " " + ResponseStatusName(response.status) + " " +
               std::to_string(response.guideline_version);
    text_ += "\n";
    return OkStatus();
  }
  const std::string& text() const { return text_; }
  int64_t seen() const { return seen_; }

 private:
  int64_t fail_at_;
  int64_t seen_ = 0;
  std::string text_;
};

class ScanAheadTest : public ExportTest {
 protected:
  void SetUp() override {
    ExportTest::SetUp();
    project_ = MakeProject(PreferenceSchema());
    std::string rows;
    // 1000 records: several batches, the last one partly full; every third without responses.
    for (int index = 0; index < 1000; ++index) {
      const std::string n = std::to_string(index);
      rows += R"({"id":"r)" + n + R"(","fields":{"prompt":"p)" + n + R"(","response_a":"a","response_b":"b"})";
      if (index % 3 != 0)
        rows += R"(,"responses":[{"user":"ann1@x.org","values":{"preference":"response_a"},"status":"submitted"},)"
                R"({"user":"ann2@x.org","values":{"preference":"response_b"},"status":"draft"}])";
      rows += "}\n";
    }
    Import(project_, rows);
  }

  static constexpr ScanParts kParts{.suggestions = false, .revisions = false, .emails = false};
  Project project_;
};

TEST_F(ScanAheadTest, ShowsWhatADirectScanShowsInTheSameOrder) {
  Recorder direct, ahead;
  ASSERT_TRUE(store_->ScanProject(project_.id, direct, kParts).ok());
  Status scanned = ScanProjectAhead(*store_, project_.id, ahead, kParts);
  ASSERT_TRUE(scanned.ok()) << scanned.error().ToString();
  EXPECT_EQ(ahead.seen(), 1000);
  EXPECT_EQ(ahead.text(), direct.text());
}

TEST_F(ScanAheadTest, AVisitorsErrorStopsTheScanAndIsTheResult) {
  Recorder failing(/*fail_at=*/300);
  Status scanned = ScanProjectAhead(*store_, project_.id, failing, kParts);
  ASSERT_FALSE(scanned.ok());
  EXPECT_EQ(scanned.error().code, ErrorCode::kIo);
  EXPECT_NE(scanned.error().message.find("disk full"), std::string::npos);
  EXPECT_EQ(failing.seen(), 300);  // nothing after the failure
}

TEST_F(ScanAheadTest, TheStoresErrorIsTheResult) {
  Recorder recorder;
  Status scanned = ScanProjectAhead(*store_, project_.id + 100, recorder, kParts);
  ASSERT_FALSE(scanned.ok());
  EXPECT_EQ(scanned.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(recorder.seen(), 0);
}

TEST_F(ScanAheadTest, RefusesPartsItDoesNotCopy) {
  Recorder recorder;
  EXPECT_EQ(ScanProjectAhead(*store_, project_.id, recorder, ScanParts{}).error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace quorum::testing
