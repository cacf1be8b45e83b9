#include "export/hf_dataset.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "export/training_export.h"
#include "io/byte_sink.h"

namespace quorum {
namespace {

void AppendFeatureYaml(std::string& out, const DatasetFeature& feature) {
  out += "  - name: " + feature.name + "\n";
  switch (feature.type) {
    case FeatureType::kString: out += "    dtype: string\n"; break;
    case FeatureType::kFloat: out += "    dtype: float64\n"; break;
    case FeatureType::kInteger: out += "    dtype: int64\n"; break;
    case FeatureType::kBool: out += "    dtype: bool\n"; break;
    case FeatureType::kIntegerList: out += "    sequence: int64\n"; break;
    case FeatureType::kMessages:
      out += "    list:\n    - name: role\n      dtype: string\n    - name: content\n      dtype: string\n";
      break;
  }
}

const char* FeatureMeaning(const std::string& name) {
  static const std::pair<const char*, const char*> kMeanings[] = {
      {"prompt", "the prompt (a list of messages in the conversational form)"},
      {"chosen", "the response the annotators preferred"},
      {"rejected", "the response they did not prefer"},
      {"margin", "how strongly chosen was preferred: the mean vote toward it (five-point scales: 2 much, 1 slightly)"},
      {"completion", "the response judged"},
      {"label", "true when the response is desirable"},
      {"messages", "the conversation, ending with the written answer"},
      {"instruction", "the prompt"},
      {"input", "context given with the prompt (may be empty)"},
      {"output", "the written answer"},
      {"record_id", "the Quorum record id"},
      {"external_id", "the record's id at import"},
      {"agreement", "the winner's share of the votes (Dawid-Skene: its posterior); null for written answers"},
      {"n_annotators", "submitted answers to the question"},
      {"annotator_ids", "the Quorum user ids of those annotators"},
      {"guideline_version", "the latest guideline version they answered under"},
      {"split", "train or test"}};
  for (const auto& [key, meaning] : kMeanings)
    if (name == key) return meaning;
  return "";
}

std::string Fixed(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

}  // namespace

std::string DatasetCard(const Project& project, const ExportPolicy& policy, const std::vector<DatasetFeature>& features,
                        const ExportSummary& summary) {
  const nlohmann::json summary_json = SummaryJson(summary);
  const bool has_test = summary.test_rows > 0;
  std::string card = "---\n";
  card += "pretty_name: " + nlohmann::json(project.name).dump() + "\n";
  card += "tags:\n- quorum\n- " + std::string(TrainingFormatName(policy.format)) + "\n";
  card += "configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/train.jsonl\n";
  if (has_test) card += "  - split: test\n    path: data/test.jsonl\n";
  card += "dataset_info:\n  features:\n";
  for (const DatasetFeature& feature : features) AppendFeatureYaml(card, feature);
  card += "  splits:\n  - name: train\n    num_examples: " + std::to_string(summary.train_rows) + "\n";
  if (has_test) card += "  - name: test\n    num_examples: " + std::to_string(summary.test_rows) + "\n";
  card += "---\n\n";

  card += "# " + project.name + "\n\n";
  card += "Exported by Quorum from project " + std::to_string(project.id) + " (guideline version " +
          std::to_string(project.guideline_version) + "), question `" + summary.question + "`, as `" +
          summary.format + "` rows in the column names TRL expects.\n\n";
  card += "```python\nfrom datasets import load_dataset\ndataset = load_dataset(\"path/to/this/folder\")\n```\n\n";
  card += "## Counts\n\n| split | rows |\n|---|---|\n| train | " + std::to_string(summary.train_rows) + " |\n| test | " +
          std::to_string(summary.test_rows) + " |\n\n";
  card += std::to_string(summary.records) + " records were read; left out";
  if (summary.left_out_total() == 0) {
    card += ": none.\n\n";
  } else {
    card += " (by reason; ranking pairs count per pair for tie and low_agreement):\n\n| reason | count |\n|---|---|\n";
    for (const auto& [reason, count] : summary_json["left_out"].items())
      card += "| " + reason + " | " + std::to_string(count.get<int64_t>()) + " |\n";
    card += "\n";
  }
  if (summary.agreement_rows > 0)
    card += "Agreement over the exported rows: mean " +
            Fixed(summary.agreement_sum / static_cast<double>(summary.agreement_rows)) + ", lowest " +
            Fixed(summary.agreement_min) + ".\n\n";
  card += "## Export policy\n\n| option | value |\n|---|---|\n";
  nlohmann::json policy_json = PolicyJson(policy);
  policy_json["question"] = summary.question;  // the one chosen when none was named
  for (const auto& [option, value] : policy_json.items())
    card += "| " + option + " | " + (value.is_string() ? value.get<std::string>() : value.dump()) + " |\n";
  card += "\nThe test split holds whole prompts (a prompt is never in both splits), chosen by a hash of the "
          "prompt and the seed.\n\n## Columns\n\n| column | meaning |\n|---|---|\n";
  for (const DatasetFeature& feature : features)
    card += "| " + feature.name + " | " + FeatureMeaning(feature.name) + " |\n";
  return card;
}

Result<ExportSummary> ExportHfDataset(Store& store, const Project& project, const ExportPolicy& policy,
                                      const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(dir) / "data", error);
  if (error) return MakeError(ErrorCode::kIo, "cannot create " + dir + "/data: " + error.message());
  QUORUM_ASSIGN_OR_RETURN(std::vector<DatasetFeature> features, ExportFeatures(project, policy, false));
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<ByteSink> train, OpenFileSink(dir + "/data/train.jsonl"));
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<ByteSink> test, OpenFileSink(dir + "/data/test.jsonl"));
  QUORUM_ASSIGN_OR_RETURN(ExportSummary summary, ExportTraining(store, project, policy, *train, test.get()));
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<ByteSink> readme, OpenFileSink(dir + "/README.md"));
  QUORUM_RETURN_IF_ERROR(readme->Write(DatasetCard(project, policy, features, summary)));
  QUORUM_RETURN_IF_ERROR(readme->Flush());
  return summary;
}

}  // namespace quorum
