#include "export/dataset_split.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "export/export_test_support.h"

namespace quorum::testing {
namespace {

FieldText Text(const std::string& text) {
  FieldText value;
  value.SetText(text);
  return value;
}

TEST(DatasetSplitTest, ADrawDependsOnlyOnThePromptAndTheSeed) {
  int in_test = 0;
  for (int index = 0; index < 1000; ++index) {
    const uint64_t hash = PromptHash(Text("prompt " + std::to_string(index)));
    EXPECT_EQ(InTestSplit(hash, 3, 0.25), InTestSplit(PromptHash(Text("prompt " + std::to_string(index))), 3, 0.25));
    EXPECT_FALSE(InTestSplit(hash, 3, 0));
    EXPECT_TRUE(InTestSplit(hash, 3, 1));
    if (InTestSplit(hash, 3, 0.25)) ++in_test;
  }
  EXPECT_GT(in_test, 180);  // about a quarter (deterministic: these inputs always give the same count)
  EXPECT_LT(in_test, 320);
}

TEST(DatasetSplitTest, ChatTurnBoundariesMatter) {
  FieldText first, second;
  first.ClearMessages();
  first.AddMessage("user", "ab");
  first.AddMessage("assistant", "c");
  second.ClearMessages();
  second.AddMessage("user", "a");
  second.AddMessage("assistant", "bc");
  EXPECT_NE(PromptHash(first), PromptHash(second));
}

class SplitExportTest : public ExportTest {
 protected:
  // 20 prompts, each in 3 records answered A.
  Project SharedPrompts() {
    Project project = MakeProject(PreferenceSchema());
    std::string rows;
    for (int record = 0; record < 60; ++record) {
      const std::string prompt = "prompt " + std::to_string(record % 20);
      rows += R"({"id":"s)" + std::to_string(record) + R"(","fields":{"prompt":")" + prompt +
              R"(","response_a":"a","response_b":"b"},"responses":[{"user":"ann1@x.org","values":{"preference":"response_a"},"status":"submitted"}]})" +
              "\n";
    }
    Import(project, rows);
    return project;
  }

  // prompt -> splits its rows went to.
  static std::map<std::string, std::set<std::string>> SplitsByPrompt(const std::string& text) {
    std::map<std::string, std::set<std::string>> splits;
    for (const std::string& line : Lines(text)) {
      nlohmann::json row = nlohmann::json::parse(line);
      splits[row["prompt"]].insert(row["split"]);
    }
    return splits;
  }
};

TEST_F(SplitExportTest, NoPromptIsInBothSplitsAndTheSplitIsReproducible) {
  Project project = SharedPrompts();
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.test_ratio = 0.3;
  policy.seed = 5;
  ExportSummary summary;
  const std::string first = Export(project, policy, &summary);
  EXPECT_EQ(first, Export(project, policy)) << "same policy, same bytes";
  const auto splits = SplitsByPrompt(first);
  ASSERT_EQ(splits.size(), 20u);
  int test_prompts = 0;
  for (const auto& [prompt, sides] : splits) {
    EXPECT_EQ(sides.size(), 1u) << prompt << " is in both splits";
    if (sides.count("test")) ++test_prompts;
  }
  EXPECT_GT(test_prompts, 0);
  EXPECT_LT(test_prompts, 20);
  EXPECT_EQ(summary.test_rows, test_prompts * 3);
  EXPECT_EQ(summary.train_rows + summary.test_rows, 60);

  policy.seed = 6;
  EXPECT_NE(SplitsByPrompt(Export(project, policy)), splits) << "another seed, another split";
}

TEST_F(SplitExportTest, SeparateSinksGetTheRowsTheSplitColumnNames) {
  Project project = SharedPrompts();
  ExportPolicy policy = Policy(TrainingFormat::kDpo);
  policy.test_ratio = 0.3;
  policy.seed = 5;
  const auto splits = SplitsByPrompt(Export(project, policy));
  std::string train, test;
  std::unique_ptr<ByteSink> train_sink = StringSink(train), test_sink = StringSink(test);
  ASSERT_TRUE(ExportTraining(*store_, project, policy, *train_sink, test_sink.get()).ok());
  for (const auto& [text, name] : {std::pair{&train, "train"}, std::pair{&test, "test"}}) {
    ASSERT_FALSE(text->empty()) << name;
    for (const std::string& line : Lines(*text)) {
      nlohmann::json row = nlohmann::json::parse(line);
      EXPECT_FALSE(row.contains("split")) << "separate files need no split column";
      EXPECT_EQ(splits.at(row["prompt"]), std::set<std::string>{name});
    }
  }
}

}  // namespace
}  // namespace quorum::testing
