// Every line of every format is a JSON object with exactly the columns TRL reads (spelled out
// here, independently of the writers), of the right types, plus the provenance and split
// columns; and the columns match what ExportFeatures declares for the dataset card.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "export/export_test_support.h"

namespace quorum::testing {
namespace {

struct FormatCase {
  const char* project;  // which fixture
  TrainingFormat format;
  const char* question;
  std::vector<std::pair<const char*, const char*>> columns;  // name, "string" | "messages" | "number" | "bool"
};

bool IsMessages(const nlohmann::json& value) {
  if (!value.is_array() || value.empty()) return false;
  for (const nlohmann::json& message : value)
    if (!message.is_object() || message.size() != 2 || !message["role"].is_string() || !message["content"].is_string())
      return false;
  return true;
}

bool HasType(const nlohmann::json& value, const std::string& type) {
  if (type == "string") return value.is_string();
  if (type == "messages") return IsMessages(value);
  if (type == "number") return value.is_number();
  if (type == "bool") return value.is_boolean();
  return false;
}

bool FeatureFits(const nlohmann::json& value, FeatureType type) {
  switch (type) {
    case FeatureType::kString: return value.is_string();
    case FeatureType::kMessages: return IsMessages(value);
    case FeatureType::kFloat: return value.is_number() || value.is_null();
    case FeatureType::kInteger: return value.is_number_integer();
    case FeatureType::kBool: return value.is_boolean();
    case FeatureType::kIntegerList:
      return value.is_array() && std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_number_integer(); });
  }
  return false;
}

class TrainingLinesTest : public ExportTest {};

TEST_F(TrainingLinesTest, EveryLineOfEveryFormatHasTrlColumnsAndDeclaredTypes) {
  std::map<std::string, Project> projects;
  projects["preference"] = MakeProject(PreferenceSchema());
  Import(projects["preference"], kPreferenceRows);
  projects["chat"] = MakeProject(ChatPreferenceSchema());
  Import(projects["chat"], kChatPreferenceRows);
  projects["ranking"] = MakeTemplateProject("best-of-n-ranking");
  Import(projects["ranking"], kRankingRows);
  projects["dialogue"] = MakeTemplateProject("dialogue-rating");
  Import(projects["dialogue"], kDialogueRows);

  const std::vector<FormatCase> cases = {
      {"preference", TrainingFormat::kDpo, "", {{"prompt", "string"}, {"chosen", "string"}, {"rejected", "string"}}},
      {"chat", TrainingFormat::kDpo, "", {{"prompt", "string"}, {"chosen", "string"}, {"rejected", "string"}}},
      {"ranking", TrainingFormat::kDpo, "", {{"prompt", "string"}, {"chosen", "string"}, {"rejected", "string"}}},
      {"preference", TrainingFormat::kDpoChat, "", {{"prompt", "messages"}, {"chosen", "messages"}, {"rejected", "messages"}}},
      {"chat", TrainingFormat::kDpoChat, "", {{"prompt", "messages"}, {"chosen", "messages"}, {"rejected", "messages"}}},
      {"preference", TrainingFormat::kReward, "",
       {{"prompt", "string"}, {"chosen", "string"}, {"rejected", "string"}, {"margin", "number"}}},
      {"preference", TrainingFormat::kKto, "", {{"prompt", "string"}, {"completion", "string"}, {"label", "bool"}}},
      {"preference", TrainingFormat::kKto, "preference", {{"prompt", "string"}, {"completion", "string"}, {"label", "bool"}}},
      {"dialogue", TrainingFormat::kKto, "", {{"prompt", "messages"}, {"completion", "messages"}, {"label", "bool"}}},
      {"dialogue", TrainingFormat::kKto, "safe", {{"prompt", "messages"}, {"completion", "messages"}, {"label", "bool"}}},
      {"preference", TrainingFormat::kSftMessages, "", {{"messages", "messages"}}},
      {"preference", TrainingFormat::kSftAlpaca, "", {{"instruction", "string"}, {"input", "string"}, {"output", "string"}}},
      {"preference", TrainingFormat::kSftPromptCompletion, "", {{"prompt", "string"}, {"completion", "string"}}},
      {"ranking", TrainingFormat::kRankingPairs, "", {{"prompt", "string"}, {"chosen", "string"}, {"rejected", "string"}}},
  };
  const std::vector<std::pair<const char*, const char*>> provenance = {
      {"record_id", "number"}, {"external_id", "string"}, {"n_annotators", "number"}, {"guideline_version", "number"},
      {"split", "string"}};
  for (const FormatCase& c : cases) {
    const std::string label = std::string(c.project) + " " + TrainingFormatName(c.format) + " " + c.question;
    ExportPolicy policy = Policy(c.format);
    policy.question = c.question;
    policy.provenance = true;
    policy.test_ratio = 0.5;
    policy.min_agreement = 0;
    const Project& project = projects[c.project];
    const std::vector<DatasetFeature> features = ExportFeatures(project, policy, true).value();
    const std::vector<std::string> lines = Lines(Export(project, policy));
    ASSERT_FALSE(lines.empty()) << label;
    for (const std::string& line : lines) {
      nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
      ASSERT_TRUE(row.is_object()) << label << ": " << line;
      for (const auto& [name, type] : c.columns)
        EXPECT_TRUE(row.contains(name) && HasType(row[name], type)) << label << ": " << name << " in " << line;
      for (const auto& [name, type] : provenance)
        EXPECT_TRUE(row.contains(name) && HasType(row[name], type)) << label << ": " << name << " in " << line;
      EXPECT_TRUE(row["annotator_ids"].is_array()) << label;
      EXPECT_TRUE(row["agreement"].is_number() || (IsSftFormat(c.format) && row["agreement"].is_null())) << label;
      EXPECT_EQ(row.size(), c.columns.size() + 7) << label << ": only the declared columns: " << line;
      ASSERT_EQ(row.size(), features.size()) << label;
      for (const DatasetFeature& feature : features)
        EXPECT_TRUE(row.contains(feature.name) && FeatureFits(row[feature.name], feature.type))
            << label << ": declared feature " << feature.name << " in " << line;
    }
  }
}

}  // namespace
}  // namespace quorum::testing
