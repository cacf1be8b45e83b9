#include "export/calibration_records.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "dist/distribution_settings.h"

namespace quorum {
namespace {

// Whether the record's metadata marks it as a calibration record ("calibration": true).
bool MarkedInMetadata(std::string_view metadata_json) {
  // Most records say nothing of calibration: skip the parse for them.
  if (metadata_json.find("\"calibration\"") == std::string_view::npos) return false;
  const nlohmann::json metadata = nlohmann::json::parse(metadata_json, nullptr, false);
  if (!metadata.is_object()) return false;
  auto flag = metadata.find("calibration");
  return flag != metadata.end() && *flag == true;  // a string "true" is not the flag
}

}  // namespace

Result<CalibrationRecords> CalibrationRecords::Of(const Project& project) {
  QUORUM_ASSIGN_OR_RETURN(DistributionSettings settings, ParseDistributionSettings(project.settings));
  CalibrationRecords calibration;
  calibration.first_ = settings.calibration_first;
  calibration.ids_ = std::move(settings.calibration_records);
  std::sort(calibration.ids_.begin(), calibration.ids_.end());
  return calibration;
}

bool CalibrationRecords::Contains(int64_t record_id, int64_t ordinal, std::string_view metadata_json) const {
  if (ordinal < first_) return true;
  if (std::binary_search(ids_.begin(), ids_.end(), record_id)) return true;
  return MarkedInMetadata(metadata_json);
}

}  // namespace quorum
