#include "export/dataset_features.h"

namespace quorum {

std::vector<DatasetFeature> FeaturesOf(TrainingFormat format, bool conversational, bool provenance, bool split_column) {
  const FeatureType text = conversational ? FeatureType::kMessages : FeatureType::kString;
  std::vector<DatasetFeature> features;
  switch (format) {
    case TrainingFormat::kDpo:
    case TrainingFormat::kRankingPairs:
      features = {{"prompt", FeatureType::kString}, {"chosen", FeatureType::kString}, {"rejected", FeatureType::kString}};
      break;
    case TrainingFormat::kDpoChat:
      features = {{"prompt", FeatureType::kMessages}, {"chosen", FeatureType::kMessages}, {"rejected", FeatureType::kMessages}};
      break;
    case TrainingFormat::kReward:
      features = {{"prompt", FeatureType::kString}, {"chosen", FeatureType::kString}, {"rejected", FeatureType::kString},
                  {"margin", FeatureType::kFloat}};
      break;
    case TrainingFormat::kKto: features = {{"prompt", text}, {"completion", text}, {"label", FeatureType::kBool}}; break;
    case TrainingFormat::kSftMessages: features = {{"messages", FeatureType::kMessages}}; break;
    case TrainingFormat::kSftAlpaca:
      features = {{"instruction", FeatureType::kString}, {"input", FeatureType::kString}, {"output", FeatureType::kString}};
      break;
    case TrainingFormat::kSftPromptCompletion: features = {{"prompt", text}, {"completion", text}}; break;
  }
  if (provenance) {
    features.push_back({"record_id", FeatureType::kInteger});
    features.push_back({"external_id", FeatureType::kString});
    features.push_back({"agreement", FeatureType::kFloat});
    features.push_back({"n_annotators", FeatureType::kInteger});
    features.push_back({"annotator_ids", FeatureType::kIntegerList});
    features.push_back({"guideline_version", FeatureType::kInteger});
  }
  if (split_column) features.push_back({"split", FeatureType::kString});
  return features;
}

}  // namespace quorum
