// Reading records and suggestions through the Store interface.
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

class StoreRecordsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
  }
  int64_t project_ = 0;
};

TEST_F(StoreRecordsTest, GetRecordReturnsEveryField) {
  clock_.Set(777);
  Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project_);
  ASSERT_TRUE(batch.ok());
  RecordRow row{"ext-1", R"({"prompt":"Hello"})", R"({"lang":"en"})", R"({"quality":"good"})", 2.5, 0};
  Result<int64_t> id = (*batch)->PutRecord(row, OnDuplicate::kRefuse);
  ASSERT_TRUE(id.ok()) << id.error().ToString();
  RecordRow anonymous{"", R"({"prompt":"Bye"})", "", "", 0, 123};
  Result<int64_t> anonymous_id = (*batch)->PutRecord(anonymous, OnDuplicate::kRefuse);
  ASSERT_TRUE(anonymous_id.ok());
  ASSERT_TRUE((*batch)->Commit().ok());

  Result<Record> record = store_->GetRecord(*id);
  ASSERT_TRUE(record.ok()) << record.error().ToString();
  EXPECT_EQ(record->project_id, project_);
  EXPECT_EQ(record->external_id, "ext-1");
  EXPECT_EQ(record->fields, nlohmann::json({{"prompt", "Hello"}}));
  EXPECT_EQ(record->metadata, nlohmann::json({{"lang", "en"}}));
  EXPECT_EQ(record->gold, nlohmann::json({{"quality", "good"}}));
  EXPECT_EQ(record->priority, 2.5);
  EXPECT_EQ(record->created_at_ms, 777);  // 0 is stamped with the clock

  Result<Record> other = store_->GetRecord(*anonymous_id);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->external_id, "");
  EXPECT_EQ(other->metadata, nlohmann::json::object());  // empty text is stored as {}
  EXPECT_EQ(other->created_at_ms, 123);
}

TEST_F(StoreRecordsTest, MissingRecordIsNotFound) {
  Result<Record> record = store_->GetRecord(404);
  ASSERT_FALSE(record.ok());
  EXPECT_EQ(record.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(record.error().message, "record 404 not found");
}

TEST_F(StoreRecordsTest, CountAndPageThroughRecordsInIdOrder) {
  int64_t other_project = NewProject(NewWorkspace("other"));
  std::vector<int64_t> ids = ImportRecords(project_, {"a", "b", "c", "d", "e"});
  ImportRecords(other_project, {"a", "b"});
  ASSERT_EQ(ids.size(), 5u);
  EXPECT_EQ(*store_->CountRecords(project_), 5);
  EXPECT_EQ(*store_->CountRecords(other_project), 2);
  EXPECT_EQ(*store_->CountRecords(12345), 0);

  std::vector<int64_t> seen;
  int64_t after = 0;
  while (true) {
    Result<std::vector<Record>> page = store_->ListRecords(project_, after, 2);
    ASSERT_TRUE(page.ok());
    if (page->empty()) break;
    EXPECT_LE(page->size(), 2u);
    for (const Record& record : *page) seen.push_back(record.id);
    after = page->back().id;
  }
  EXPECT_EQ(seen, ids);
  EXPECT_TRUE(store_->ListRecords(project_, 0, 0)->empty());
}

TEST_F(StoreRecordsTest, ListSuggestionsInInsertionOrder) {
  Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project_);
  ASSERT_TRUE(batch.ok());
  RecordRow row{"x", R"({"prompt":"p"})", "{}", "{}", 0, 0};
  Result<int64_t> id = (*batch)->PutRecord(row, OnDuplicate::kRefuse);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE((*batch)->PutSuggestion(*id, {"quality", R"("good")", 0.75, "gpt-4o"}).ok());
  ASSERT_TRUE((*batch)->PutSuggestion(*id, {"quality", R"("bad")", std::nullopt, "llama-3"}).ok());
  ASSERT_TRUE((*batch)->Commit().ok());

  Result<std::vector<Suggestion>> suggestions = store_->ListSuggestions(*id);
  ASSERT_TRUE(suggestions.ok());
  ASSERT_EQ(suggestions->size(), 2u);
  EXPECT_EQ((*suggestions)[0].record_id, *id);
  EXPECT_EQ((*suggestions)[0].question, "quality");
  EXPECT_EQ((*suggestions)[0].value, "good");
  EXPECT_EQ((*suggestions)[0].score, 0.75);
  EXPECT_EQ((*suggestions)[0].agent, "gpt-4o");
  EXPECT_EQ((*suggestions)[1].value, "bad");
  EXPECT_FALSE((*suggestions)[1].score.has_value());
  EXPECT_LT((*suggestions)[0].id, (*suggestions)[1].id);
  EXPECT_TRUE(store_->ListSuggestions(*id + 1000)->empty());
}

Suggestion MakeSuggestion(int64_t record_id, std::string question, nlohmann::json value, std::string agent,
                          std::optional<double> score = std::nullopt) {
  Suggestion suggestion;
  suggestion.record_id = record_id;
  suggestion.question = std::move(question);
  suggestion.value = std::move(value);
  suggestion.agent = std::move(agent);
  suggestion.score = score;
  return suggestion;
}

TEST_F(StoreRecordsTest, UpsertSuggestionsReplacesByQuestionAndAgent) {
  Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project_);
  ASSERT_TRUE(batch.ok());
  Result<int64_t> id = (*batch)->PutRecord({"x", R"({"prompt":"p"})", "{}", "{}", 0, 0}, OnDuplicate::kRefuse);
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE((*batch)->PutSuggestion(*id, {"quality", R"("good")", 0.5, "gpt-4o"}).ok());
  ASSERT_TRUE((*batch)->PutSuggestion(*id, {"quality", R"("bad")", 0.5, "llama-3"}).ok());
  ASSERT_TRUE((*batch)->PutSuggestion(*id, {"topic", R"("math")", std::nullopt, "gpt-4o"}).ok());
  ASSERT_TRUE((*batch)->Commit().ok());

  // gpt-4o's "quality" is replaced (by two), llama's "quality" and gpt-4o's "topic" stay.
  const Suggestion upserts[] = {MakeSuggestion(*id, "quality", "bad", "gpt-4o", 0.9),
                                MakeSuggestion(*id, "quality", "good", "gpt-4o", 0.1),
                                MakeSuggestion(*id, "tone", nlohmann::json({{"a", 1}}), "gpt-4o")};
  Status upserted = store_->UpsertSuggestions(upserts);
  ASSERT_TRUE(upserted.ok()) << upserted.error().ToString();
  Result<std::vector<Suggestion>> suggestions = store_->ListSuggestions(*id);
  ASSERT_TRUE(suggestions.ok());
  ASSERT_EQ(suggestions->size(), 5u);
  auto describe = [](const Suggestion& s) { return s.question + "/" + s.agent + "=" + s.value.dump(); };
  std::vector<std::string> got;
  for (const Suggestion& suggestion : *suggestions) got.push_back(describe(suggestion));
  EXPECT_EQ(got, (std::vector<std::string>{"quality/llama-3=\"bad\"", "topic/gpt-4o=\"math\"",
                                           "quality/gpt-4o=\"bad\"", "quality/gpt-4o=\"good\"",
                                           "tone/gpt-4o={\"a\":1}"}));
  EXPECT_EQ((*suggestions)[2].score, 0.9);
  EXPECT_EQ((*suggestions)[2].record_id, *id);
  EXPECT_FALSE((*suggestions)[4].score.has_value());

  // Upserting nothing changes nothing; a missing record is kNotFound and changes nothing, not
  // even the suggestions given for a record that exists (one transaction for all records).
  ASSERT_TRUE(store_->UpsertSuggestions({}).ok());
  EXPECT_EQ(store_->ListSuggestions(*id)->size(), 5u);
  const Suggestion with_missing[] = {MakeSuggestion(*id, "quality", "none", "gpt-4o"),
                                     MakeSuggestion(*id + 1000, "quality", "good", "gpt-4o")};
  Status missing = store_->UpsertSuggestions(with_missing);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "record " + std::to_string(*id + 1000) + " not found");
  EXPECT_TRUE(store_->ListSuggestions(*id + 1000)->empty());
  EXPECT_EQ(store_->ListSuggestions(*id)->size(), 5u);
  EXPECT_EQ((*store_->ListSuggestions(*id))[2].value, "bad") << "the existing record's suggestions are untouched";
}

}  // namespace
}  // namespace quorum
