// Item lists (Label Studio's <List> data) as field values, and rankings of a record's items.
#include "core/item_list.h"

#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "core/validation.h"

namespace quorum {
namespace {

using builders::Field;
using builders::Question;
using nlohmann::json;

struct ListCase {
  std::string name;
  std::string value;
  std::vector<std::string> reasons;
};

class ItemListTest : public ::testing::TestWithParam<ListCase> {};

TEST_P(ItemListTest, GivesExactlyTheExpectedReasons) {
  Schema schema;
  schema.fields = {Field("items", FieldKind::kItemList)};
  std::vector<std::string> reasons;
  for (const Problem& problem : ValidateRecordFields(schema, json{{"items", json::parse(GetParam().value)}}, "tasks.json:3")) {
    EXPECT_EQ(problem.location, "tasks.json:3");
    EXPECT_EQ(problem.subject, "field 'items'");
    reasons.push_back(problem.reason);
  }
  EXPECT_EQ(reasons, GetParam().reasons);
}

INSTANTIATE_TEST_SUITE_P(
    Values, ItemListTest,
    ::testing::Values(
        ListCase{"LabelStudioExample",
                 R"([{"id": "blog", "title": "10 tips", "body": "There is nothing worse"}, {"id": "mdn", "title": "Arrows"}])",
                 {}},
        ListCase{"IntegerIdsAndExtraKeys", R"([{"id": 1}, {"id": 2, "html": "<b>x</b>", "score": 0.5}])", {}},
        ListCase{"NotAnArray", R"("a, b")", {"expected an array of items {\"id\", \"title\", \"body\"}, got string"}},
        ListCase{"Empty", "[]", {"expected at least one item to rank, got an empty array"}},
        ListCase{"ItemNotObject", R"(["a"])", {"item 0: expected an object with an id, got string"}},
        ListCase{"MissingId", R"([{"title": "t"}])", {"item 0: missing \"id\""}},
        ListCase{"EmptyId", R"([{"id": ""}])", {"item 0: id: expected a non-empty string or an integer, got string"}},
        ListCase{"FractionalId", R"([{"id": 1.5}])", {"item 0: id: expected a non-empty string or an integer, got number"}},
        // Label Studio keys items by id in a JavaScript object: 1 and "1" are one item.
        ListCase{"SameIdAsNumberAndString", R"([{"id": 1}, {"id": "1"}])", {"item 1: id '1' is used by an earlier item"}},
        ListCase{"TitleNotString", R"([{"id": "a", "title": 3, "body": null}])",
                 {"item 0: title: expected a string, got number", "item 0: body: expected a string, got null"}}),
    [](const ::testing::TestParamInfo<ListCase>& info) { return info.param.name; });

TEST(ItemIds, AreStringsInListOrder) {
  EXPECT_EQ(ItemIds(json::parse(R"([{"id": "b"}, {"id": 7}, {"title": "no id"}, {"id": "a"}])")),
            (std::vector<std::string>{"b", "7", "a"}));
}

QuestionSpec RanksItems() {
  QuestionSpec question = Question("rank", QuestionKind::kRanking);
  question.field = "items";
  return question;
}

std::vector<std::string> Reasons(const json& answer, const json& record_fields) {
  std::vector<std::string> reasons;
  for (const Problem& problem : ValidateAnswer(RanksItems(), answer, record_fields, "record 1"))
    reasons.push_back(problem.reason);
  return reasons;
}

TEST(ItemRanking, IsAPermutationOfTheRecordsItemIds) {
  const json fields = json::parse(R"({"items": [{"id": "blog"}, {"id": "mdn"}, {"id": 3}]})");
  EXPECT_EQ(Reasons(json::parse(R"(["mdn", "3", "blog"])"), fields), std::vector<std::string>{});
  EXPECT_EQ(Reasons(json::parse(R"(["mdn", "wiki", "blog"])"), fields),
            std::vector<std::string>{"ranking must list each of blog, mdn, 3 exactly once; 'wiki' is not an item of "
                                     "the record, '3' is missing"});
  EXPECT_EQ(Reasons(json::parse(R"(["mdn", 3, "blog"])"), fields),
            std::vector<std::string>{"item 1: expected an item id, got number"});
  EXPECT_EQ(Reasons(json::parse(R"("mdn")"), fields),
            std::vector<std::string>{"expected an array of item ids, got string"});
}

TEST(ItemRanking, NeedsTheRecordsItems) {
  EXPECT_EQ(Reasons(json::parse(R"(["a"])"), json::object()),
            std::vector<std::string>{"the record has no items to rank (field 'items' is empty)"});
}

}  // namespace
}  // namespace quorum
