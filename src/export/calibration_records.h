// Which records of a project are calibration records, for the exports' --calibration option.
// The distribution engine is the authority (src/dist/distribution_settings.h): the project's
// first K records by id and the listed record ids go to every annotator first. Records whose
// metadata says "calibration": true (the rule before distribution settings existed, and a way
// to mark them in an import) count too.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/project.h"
#include "core/result.h"

namespace quorum {

class CalibrationRecords {
 public:
  // Reads the project's distribution settings. kInvalid (naming the setting) when they are
  // malformed, as the distribution engine would refuse them.
  static Result<CalibrationRecords> Of(const Project& project);

  // Whether the record is a calibration record. `ordinal` is its 0-based position among the
  // project's records in id order (a scan in id order counts it as it goes).
  bool Contains(int64_t record_id, int64_t ordinal, std::string_view metadata_json) const;

 private:
  int64_t first_ = 0;
  std::vector<int64_t> ids_;  // sorted
};

}  // namespace quorum
