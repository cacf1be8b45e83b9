#include "store/project_text_cache.h"

#include <gtest/gtest.h>

#include "schema/schema_json.h"
#include "store/store_test_support.h"

namespace quorum {
namespace {

std::string SchemaText(const Schema& schema) { return SchemaToJson(schema).dump(); }

TEST(ProjectTextCacheTest, ParsesEachTextAndFollowsEveryChange) {
  ProjectTextCache cache;
  Schema schema = testing::TestSchema();
  Project project;
  project.id = 3;
  ASSERT_TRUE(cache.Fill(project, SchemaText(schema), R"({"overlap":2})").ok());
  EXPECT_EQ(project.settings, nlohmann::json({{"overlap", 2}}));
  ASSERT_EQ(project.schema.questions.size(), 1u);

  Project again;
  again.id = 3;
  ASSERT_TRUE(cache.Fill(again, SchemaText(schema), R"({"overlap":2})").ok());
  EXPECT_EQ(SchemaToJson(again.schema), SchemaToJson(schema));
  EXPECT_EQ(again.settings, project.settings);

  Project settings_changed;
  settings_changed.id = 3;
  ASSERT_TRUE(cache.Fill(settings_changed, SchemaText(schema), R"({"overlap":5})").ok());
  EXPECT_EQ(settings_changed.settings, nlohmann::json({{"overlap", 5}}));

  schema.questions.push_back(builders::Question("why", QuestionKind::kText, false));
  Project schema_changed;
  schema_changed.id = 3;
  ASSERT_TRUE(cache.Fill(schema_changed, SchemaText(schema), R"({"overlap":5})").ok());
  EXPECT_EQ(schema_changed.schema.questions.size(), 2u);

  // Another project with the first texts is its own entry.
  Project other;
  other.id = 4;
  ASSERT_TRUE(cache.Fill(other, SchemaText(testing::TestSchema()), "{}").ok());
  EXPECT_EQ(other.schema.questions.size(), 1u);
  EXPECT_EQ(other.settings, nlohmann::json::object());
}

TEST(ProjectTextCacheTest, UnreadableTextsAreInternalErrorsNamingTheProject) {
  ProjectTextCache cache;
  Project project;
  project.id = 9;
  Status bad_settings = cache.Fill(project, SchemaText(testing::TestSchema()), "{not json");
  ASSERT_FALSE(bad_settings.ok());
  EXPECT_EQ(bad_settings.error().code, ErrorCode::kInternal);
  EXPECT_NE(bad_settings.error().message.find("project 9 settings"), std::string::npos) << bad_settings.error().message;

  Status bad_schema = cache.Fill(project, R"({"fields": 3})", "{}");
  ASSERT_FALSE(bad_schema.ok());
  EXPECT_EQ(bad_schema.error().code, ErrorCode::kInternal);
  EXPECT_NE(bad_schema.error().message.find("project 9"), std::string::npos) << bad_schema.error().message;
}

}  // namespace
}  // namespace quorum
