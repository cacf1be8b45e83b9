// Rankings of a record's own items (an item_list field, Label Studio's List + Ranker) through the
// quality pipeline on a real store: coded by LoadAnswerTable, Kendall's tau between annotators,
// and the mean-position (Borda) aggregate, although every record brings different items.
#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "io/answer_table.h"
#include "io/importer.h"
#include "quality/aggregation.h"
#include "quality/question_agreement.h"
#include "store/store_test_support.h"

namespace quorum {
namespace {

using builders::Field;
using builders::Question;

class ItemRankingQualityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenStore(dir_.File("quorum.db"), clock_).value();
    Project project;
    project.workspace_id = store_->CreateWorkspace("w")->id;
    project.name = "rank items";
    project.schema.fields = {Field("items", FieldKind::kItemList)};
    QuestionSpec rank = Question("rank", QuestionKind::kRanking);
    rank.field = "items";
    project.schema.questions = {rank};
    project_ = store_->CreateProject(project).value();
  }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  std::unique_ptr<Store> store_;
  Project project_;
};

// r1: three items, ann and bob disagree on one pair of three (tau 1/3); r2: two other items
// (one with an integer id), ranked alike (tau 1).
constexpr const char* kRows = R"({"id": "r1", "fields": {"items": [{"id": "x"}, {"id": "y"}, {"id": "z"}]}, "responses": [{"user": "ann@x.org", "status": "submitted", "values": {"rank": ["x", "y", "z"]}}, {"user": "bob@x.org", "status": "submitted", "values": {"rank": ["y", "x", "z"]}}]}
{"id": "r2", "fields": {"items": [{"id": 1, "title": "one"}, {"id": "two"}]}, "responses": [{"user": "ann@x.org", "status": "submitted", "values": {"rank": ["two", "1"]}}, {"user": "bob@x.org", "status": "submitted", "values": {"rank": ["two", "1"]}}]}
)";

TEST_F(ItemRankingQualityTest, AgreementAndAggregateWorkOnPerRecordItems) {
  ImportOptions options;
  options.create_users = true;
  Result<ImportReport> report = ImportRecords(*store_, project_, StringSource(kRows, "rows.jsonl"), options, clock_);
  ASSERT_TRUE(report.ok()) << report.error().ToString();

  Result<AnswerTable> table = LoadAnswerTable(*store_, project_, AnswerTableOptions{});
  ASSERT_TRUE(table.ok()) << table.error().ToString();
  EXPECT_EQ(table->unreadable, 0);
  const QuestionAnswers& rank = table->questions.at(0);
  EXPECT_EQ(rank.ranked_items, (std::vector<std::string>{"x", "y", "z", "two", "1"}));
  EXPECT_EQ(AnswerJson(rank, rank.answers.item(1)[0].code), nlohmann::json::parse(R"(["two", "1"])"));

  AgreementOptions agreement_options;
  agreement_options.with_interval = false;
  QuestionAgreement agreement = AgreementOf(rank, agreement_options);
  EXPECT_EQ(agreement.headline, "kendall_tau");
  ASSERT_TRUE(agreement.value.has_value());
  EXPECT_DOUBLE_EQ(*agreement.value, (1.0 / 3 + 1.0) / 2);

  Result<QuestionAggregates> aggregates = AggregateQuestion(rank, AggregationMethod::kMean, AggregationOptions{});
  ASSERT_TRUE(aggregates.ok()) << aggregates.error().ToString();
  ASSERT_EQ(aggregates->rows.size(), 2u);
  // r1: x and y share mean position 1.5, so the first answer's order breaks the tie.
  EXPECT_EQ(aggregates->rows[0].value, nlohmann::json::parse(R"(["x", "y", "z"])"));
  EXPECT_EQ(aggregates->rows[0].details["mean_position"], nlohmann::json::parse(R"({"x": 1.5, "y": 1.5, "z": 3})"));
  EXPECT_EQ(aggregates->rows[1].value, nlohmann::json::parse(R"(["two", "1"])"));
  EXPECT_DOUBLE_EQ(aggregates->rows[1].confidence, 1.0);
}

TEST_F(ItemRankingQualityTest, AnAnswerRankingAnotherRecordsItemsIsRefusedOnImport) {
  constexpr const char* kWrong = R"({"id": "r1", "fields": {"items": [{"id": "x"}, {"id": "y"}]}, "responses": [{"user": "ann@x.org", "status": "submitted", "values": {"rank": ["x", "q"]}}]}
)";
  ImportOptions options;
  options.create_users = true;
  Result<ImportReport> report = ImportRecords(*store_, project_, StringSource(kWrong, "rows.jsonl"), options, clock_);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().ToString().find("'q' is not an item of the record"), std::string::npos) << report.error().ToString();
}

}  // namespace
}  // namespace quorum
