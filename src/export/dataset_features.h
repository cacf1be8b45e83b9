// The columns of a training export and their types, as a Hugging Face dataset card declares
// them (dataset_info.features) and as tests check them line by line.
#pragma once

#include <string>
#include <vector>

#include "export/training_format.h"

namespace quorum {

enum class FeatureType {
  kString,
  kMessages,  // a list of {"role": string, "content": string}
  kFloat,     // float64; may be null
  kInteger,   // int64
  kBool,
  kIntegerList,
};

struct DatasetFeature {
  std::string name;
  FeatureType type = FeatureType::kString;
};

// The columns, in the order rows write them: the format's own (see training_rows.h; message
// lists when `conversational`), then the provenance columns, then "split".
std::vector<DatasetFeature> FeaturesOf(TrainingFormat format, bool conversational, bool provenance, bool split_column);

}  // namespace quorum
