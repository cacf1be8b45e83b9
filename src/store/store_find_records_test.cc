// FindRecords: each filter member alone, combinations, cursor paging, and awkward input
// (metadata keys with dots and quotes, LIKE wildcards and JSON escapes in the search text).
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

struct Row {
  const char* fields;
  const char* metadata;
};

class StoreFindRecordsTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
    ids_ = Import(project_, {
                                {R"({"prompt":"Hello World"})",
                                 R"({"model":"m1","a.b":"dot","q\"k":"quote","n":3,"flag":true})"},
                                {R"({"prompt":"100% sure_thing"})", R"({"model":"m2","a.b":"other","n":3.5})"},
                                {R"({"prompt":"say \"hi\" back\\slash"})", R"({"model":"m1","nested":{"x":1}})"},
                                {R"({"prompt":"hello again"})", R"({"model":"m1","a":{"b":"dot"}})"},
                                {R"({"prompt":"nothing"})", "{}"},
                            });
    ASSERT_EQ(ids_.size(), 5u);
    // Another project's look-alike must never show up.
    Import(NewProject(NewWorkspace("other")), {{R"({"prompt":"Hello World"})", R"({"model":"m1"})"}});
    ann_ = NewUser("ann@example.com");
    bob_ = NewUser("bob@example.com");
    Answer(ids_[0], ann_, ResponseStatus::kSubmitted);
    Answer(ids_[1], ann_, ResponseStatus::kDraft);
    Answer(ids_[1], bob_, ResponseStatus::kSubmitted);
    Answer(ids_[2], bob_, ResponseStatus::kDiscarded);
  }

  std::vector<int64_t> Import(int64_t project_id, const std::vector<Row>& rows) {
    std::vector<int64_t> ids;
    Result<std::unique_ptr<ImportBatch>> batch = store_->BeginImport(project_id);
    EXPECT_TRUE(batch.ok());
    for (const Row& row : rows) {
      Result<int64_t> id = (*batch)->PutRecord({"", row.fields, row.metadata, "{}", 0, 0}, OnDuplicate::kRefuse);
      EXPECT_TRUE(id.ok()) << id.error().ToString();
      ids.push_back(*id);
    }
    EXPECT_TRUE((*batch)->Commit().ok());
    return ids;
  }

  void Answer(int64_t record_id, int64_t user_id, ResponseStatus status) {
    Response response;
    response.record_id = record_id;
    response.user_id = user_id;
    response.status = status;
    ASSERT_TRUE(store_->SaveResponse(response, user_id).ok());
  }

  RecordFilter Filter() const {
    RecordFilter filter;
    filter.project_id = project_;
    return filter;
  }

  // The positions (into ids_) of the records `filter` finds.
  std::vector<int> Find(const RecordFilter& filter) {
    Result<std::vector<Record>> records = store_->FindRecords(filter);
    EXPECT_TRUE(records.ok()) << records.error().ToString();
    std::vector<int> positions;
    if (!records.ok()) return positions;
    for (const Record& record : *records) {
      auto at = std::find(ids_.begin(), ids_.end(), record.id);
      positions.push_back(at == ids_.end() ? -1 : static_cast<int>(at - ids_.begin()));
    }
    return positions;
  }

  RecordFilter Metadata(std::string key, std::string value) const {
    RecordFilter filter = Filter();
    filter.metadata_key = std::move(key);
    filter.metadata_value = std::move(value);
    return filter;
  }

  RecordFilter Text(std::string text) const {
    RecordFilter filter = Filter();
    filter.text = std::move(text);
    return filter;
  }

  int64_t project_ = 0, ann_ = 0, bob_ = 0;
  std::vector<int64_t> ids_;
};

using Positions = std::vector<int>;

TEST_F(StoreFindRecordsTest, NoFilterListsTheProjectInIdOrderWithEveryColumn) {
  EXPECT_EQ(Find(Filter()), (Positions{0, 1, 2, 3, 4}));
  Result<std::vector<Record>> records = store_->FindRecords(Filter());
  ASSERT_TRUE(records.ok());
  EXPECT_EQ((*records)[1].fields, nlohmann::json({{"prompt", "100% sure_thing"}}));
  EXPECT_EQ((*records)[1].metadata["model"], "m2");
  EXPECT_EQ((*records)[1].project_id, project_);
}

TEST_F(StoreFindRecordsTest, LimitMustBeInRange) {
  for (int limit : {0, -1, 1001}) {
    RecordFilter filter = Filter();
    filter.limit = limit;
    Result<std::vector<Record>> records = store_->FindRecords(filter);
    ASSERT_FALSE(records.ok()) << limit;
    EXPECT_EQ(records.error().code, ErrorCode::kInvalid);
  }
  RecordFilter filter = Filter();
  filter.limit = 1000;
  EXPECT_EQ(Find(filter).size(), 5u);
}

TEST_F(StoreFindRecordsTest, MetadataEqualityByJsonTypeAndValue) {
  struct Case {
    std::string key, value;
    Positions expected;
  };
  const Case cases[] = {
      {"model", R"("m1")", {0, 2, 3}},
      {"model", R"("m3")", {}},
      {"a.b", R"("dot")", {0}},  // the key "a.b", not the path a -> b (record 3)
      {"a.b", R"("other")", {1}},
      {"q\"k", R"("quote")", {0}},
      {"n", "3", {0}},
      {"n", "3.5", {1}},
      {"n", R"("3")", {}},  // a string is not a number
      {"flag", "true", {0}},
      {"flag", "1", {}},  // nor is a number a boolean
      {"nested", R"({"x":1})", {2}},
      {"nested", R"( { "x" : 1 } )", {2}},  // whitespace does not matter
      {"missing", "null", {}},
      {"$.model", R"("m1")", {}},  // keys are keys, never paths
  };
  for (const Case& test : cases)
    EXPECT_EQ(Find(Metadata(test.key, test.value)), test.expected) << test.key << " = " << test.value;
}

TEST_F(StoreFindRecordsTest, MetadataFilterErrors) {
  Result<std::vector<Record>> not_json = store_->FindRecords(Metadata("model", "m1"));
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.error().code, ErrorCode::kInvalid);
  RecordFilter key_only = Filter();
  key_only.metadata_key = "model";
  EXPECT_EQ(store_->FindRecords(key_only).error().code, ErrorCode::kInvalid);
  RecordFilter value_only = Filter();
  value_only.metadata_value = R"("m1")";
  EXPECT_EQ(store_->FindRecords(value_only).error().code, ErrorCode::kInvalid);
}

TEST_F(StoreFindRecordsTest, ResponseStatusAnnotatorAndAnswered) {
  auto with = [&](std::optional<ResponseStatus> status, std::optional<int64_t> annotator,
                  std::optional<bool> unanswered) {
    RecordFilter filter = Filter();
    filter.response_status = status;
    filter.annotator_id = annotator;
    filter.unanswered = unanswered;
    return Find(filter);
  };
  EXPECT_EQ(with(ResponseStatus::kSubmitted, {}, {}), (Positions{0, 1}));
  EXPECT_EQ(with(ResponseStatus::kDraft, {}, {}), (Positions{1}));
  EXPECT_EQ(with(ResponseStatus::kDiscarded, {}, {}), (Positions{2}));
  EXPECT_EQ(with({}, ann_, {}), (Positions{0, 1}));
  EXPECT_EQ(with({}, bob_, {}), (Positions{1, 2}));
  EXPECT_EQ(with(ResponseStatus::kSubmitted, ann_, {}), (Positions{0}));
  EXPECT_EQ(with(ResponseStatus::kSubmitted, bob_, {}), (Positions{1}));
  EXPECT_EQ(with(ResponseStatus::kDraft, bob_, {}), (Positions{}));
  EXPECT_EQ(with({}, {}, true), (Positions{3, 4}));
  EXPECT_EQ(with({}, {}, false), (Positions{0, 1, 2}));
  EXPECT_EQ(with({}, ann_, false), (Positions{0, 1}));
  EXPECT_EQ(with({}, ann_, true), (Positions{}));  // every member narrows: no response at all
}

TEST_F(StoreFindRecordsTest, TextIsACaseInsensitiveLiteralSubstring) {
  struct Case {
    std::string text;
    Positions expected;
  };
  const Case cases[] = {
      {"hello", {0, 3}},
      {"HELLO wORLD", {0}},
      {"%", {1}},           // a literal percent sign, not "anything"
      {"_thing", {1}},      // a literal underscore: "nothing" does not match
      {"say \"hi\"", {2}},  // quotes as stored in the JSON text
      {"back\\slash", {2}}, // and a backslash
      {"\\", {2}},
      {"zzz", {}},
  };
  for (const Case& test : cases) EXPECT_EQ(Find(Text(test.text)), test.expected) << test.text;
}

TEST_F(StoreFindRecordsTest, CombinationsNarrowEachOther) {
  RecordFilter filter = Metadata("model", R"("m1")");
  filter.unanswered = true;
  EXPECT_EQ(Find(filter), (Positions{3}));

  filter = Metadata("model", R"("m1")");
  filter.text = "HELLO";
  EXPECT_EQ(Find(filter), (Positions{0, 3}));
  filter.response_status = ResponseStatus::kSubmitted;
  filter.annotator_id = ann_;
  EXPECT_EQ(Find(filter), (Positions{0}));
  filter.unanswered = false;
  EXPECT_EQ(Find(filter), (Positions{0}));
  filter.annotator_id = bob_;
  EXPECT_EQ(Find(filter), (Positions{}));
}

TEST_F(StoreFindRecordsTest, CursorPagesThroughAFilteredList) {
  RecordFilter filter = Metadata("model", R"("m1")");
  filter.limit = 2;
  EXPECT_EQ(Find(filter), (Positions{0, 2}));
  filter.after_id = ids_[2];
  EXPECT_EQ(Find(filter), (Positions{3}));
  filter.after_id = ids_[3];
  EXPECT_EQ(Find(filter), (Positions{}));

  RecordFilter all = Filter();
  all.limit = 1;
  Positions seen;
  while (true) {
    Positions page = Find(all);
    if (page.empty()) break;
    ASSERT_EQ(page.size(), 1u);
    seen.push_back(page[0]);
    all.after_id = ids_[page[0]];
  }
  EXPECT_EQ(seen, (Positions{0, 1, 2, 3, 4}));
}

TEST_F(StoreFindRecordsTest, AnUnknownProjectHasNoRecords) {
  RecordFilter filter = Filter();
  filter.project_id = 9999;
  EXPECT_TRUE(Find(filter).empty());
}

}  // namespace
}  // namespace quorum
