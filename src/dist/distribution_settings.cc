#include "dist/distribution_settings.h"

#include <algorithm>

#include <string>

#include "store/queue_order.h"

namespace quorum {
namespace {

constexpr int kMaxCalibration = 1000;

// Collects the problems of one settings object; each reader leaves the default when absent.
class SettingsReader {
 public:
  explicit SettingsReader(const nlohmann::json& settings) : settings_(settings) {}

  void Integer(const char* key, int64_t low, int64_t high, auto& out) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return;
    if (!value->is_number_integer() || value->get<int64_t>() < low || value->get<int64_t>() > high) {
      Problem(key, "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
      return;
    }
    out = static_cast<std::remove_reference_t<decltype(out)>>(value->get<int64_t>());
  }

  void Boolean(const char* key, bool& out) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return;
    if (!value->is_boolean()) return Problem(key, "must be true or false");
    out = value->get<bool>();
  }

  void Ratio(const char* key, double& out) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return;
    if (!value->is_number() || value->get<double>() < 0 || value->get<double>() > 1)
      return Problem(key, "must be a number from 0 to 1 (0.05 is 5%)");
    out = value->get<double>();
  }

  void Ordering(const char* key, QueueOrder& out) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return;
    for (QueueOrder order : {QueueOrder::kFifo, QueueOrder::kRandom, QueueOrder::kPriority, QueueOrder::kUncertainty})
      if (value->is_string() && value->get<std::string>() == QueueOrderName(order)) {
        out = order;
        return;
      }
    Problem(key, "must be fifo, random, priority or uncertainty");
  }

  // A list of positive ids, at most `limit` of them.
  void Ids(const char* key, size_t limit, std::vector<int64_t>& out) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return;
    ReadIds(key, *value, limit, out);
  }

  void Calibration(const char* key, DistributionSettings& out) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return;
    if (value->is_number_integer()) return Integer(key, 0, kMaxCalibration, out.calibration_first);
    if (!value->is_array())
      return Problem(key, "must be a number of first records or a list of record ids");
    ReadIds(key, *value, kMaxCalibration, out.calibration_records);
  }

  std::vector<quorum::Problem>& problems() { return problems_; }

 private:
  const nlohmann::json* Find(const char* key) const {
    auto found = settings_.find(key);
    return found == settings_.end() || found->is_null() ? nullptr : &*found;
  }

  void ReadIds(const char* key, const nlohmann::json& value, size_t limit, std::vector<int64_t>& out) {
    if (!value.is_array() || value.size() > limit)
      return Problem(key, "must be a list of at most " + std::to_string(limit) + " ids");
    std::vector<int64_t> ids;
    for (const nlohmann::json& id : value) {
      if (!id.is_number_integer() || id.get<int64_t>() < 1) return Problem(key, "must hold positive integer ids only");
      ids.push_back(id.get<int64_t>());
    }
    out = std::move(ids);
  }

  void Problem(const char* key, std::string reason) { problems_.push_back({"settings", key, std::move(reason)}); }

  const nlohmann::json& settings_;
  std::vector<quorum::Problem> problems_;
};

}  // namespace

Result<DistributionSettings> ParseDistributionSettings(const nlohmann::json& settings) {
  DistributionSettings parsed;
  if (!settings.is_object()) return MakeError(ErrorCode::kInvalid, "settings must be a JSON object");
  SettingsReader reader(settings);
  reader.Integer("overlap", 1, 10, parsed.overlap);
  reader.Integer("lease_minutes", 1, 24 * 60, parsed.lease_minutes);
  reader.Ordering("ordering", parsed.ordering);
  reader.Integer("seed", INT64_MIN, INT64_MAX, parsed.seed);
  reader.Boolean("finish_started_first", parsed.finish_started_first);
  reader.Calibration("calibration", parsed);
  reader.Ratio("gold_ratio", parsed.gold_ratio);
  reader.Boolean("discards_count_toward_overlap", parsed.discards_count_toward_overlap);
  reader.Boolean("paused", parsed.paused);
  reader.Ids("paused_annotators", 100000, parsed.paused_annotators);
  if (reader.problems().empty()) return parsed;
  const size_t count = reader.problems().size();
  return MakeError(ErrorCode::kInvalid,
                   "the distribution settings have " + std::to_string(count) + (count == 1 ? " problem" : " problems"),
                   std::move(reader.problems()));
}

nlohmann::json WithProjectPaused(nlohmann::json settings, bool paused) {
  if (!settings.is_object()) settings = nlohmann::json::object();
  settings["paused"] = paused;
  return settings;
}

nlohmann::json WithAnnotatorPaused(nlohmann::json settings, int64_t user_id, bool paused) {
  if (!settings.is_object()) settings = nlohmann::json::object();
  std::vector<int64_t> ids;
  if (auto list = settings.find("paused_annotators"); list != settings.end() && list->is_array())
    for (const nlohmann::json& id : *list)
      if (id.is_number_integer()) ids.push_back(id.get<int64_t>());
  std::erase(ids, user_id);
  if (paused) ids.push_back(user_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.empty()) settings.erase("paused_annotators");
  else settings["paused_annotators"] = ids;
  return settings;
}

}  // namespace quorum
