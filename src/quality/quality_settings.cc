#include "quality/quality_settings.h"

#include <string>
#include <vector>

namespace quorum {
namespace {

class SettingsReader {
 public:
  explicit SettingsReader(const nlohmann::json& settings) : settings_(settings) {}

  // Reads a number into `target` when `key` is present; records a problem when it is not a
  // number in [low, high].
  void Number(const char* key, double low, double high, double& target) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return;
    if (!value->is_number() || value->get<double>() < low || value->get<double>() > high) {
      problems_.push_back(Problem{"settings", key, "expected a number from " + Format(low) + " to " + Format(high)});
      return;
    }
    target = value->get<double>();
  }
  void Integer(const char* key, int64_t low, std::optional<int64_t>& target) {
    const nlohmann::json* value = Find(key);
    if (value == nullptr) return;
    if (!value->is_number_integer() || value->get<int64_t>() < low) {
      problems_.push_back(Problem{"settings", key, "expected an integer of at least " + std::to_string(low)});
      return;
    }
    target = value->get<int64_t>();
  }
  void Fail(const char* key, std::string reason) { problems_.push_back(Problem{"settings", key, std::move(reason)}); }
  std::vector<Problem>& problems() { return problems_; }

 private:
  const nlohmann::json* Find(const char* key) const {
    auto it = settings_.find(key);
    return it == settings_.end() || it->is_null() ? nullptr : &*it;
  }
  static std::string Format(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  const nlohmann::json& settings_;
  std::vector<Problem> problems_;
};

}  // namespace

Result<QualitySettings> QualitySettingsFrom(const nlohmann::json& settings) {
  QualitySettings result;
  if (settings.is_null()) return result;
  if (!settings.is_object()) return MakeError(ErrorCode::kInvalid, "project settings must be a JSON object");
  SettingsReader reader(settings);
  constexpr double kDay = 86400;
  reader.Number("min_seconds_per_record", 0, kDay, result.min_seconds_per_record);
  reader.Number("max_seconds_per_record", 0, kDay, result.max_seconds_per_record);
  double below = -1;
  reader.Number("gold_suspend_below", 0, 1, below);
  if (below >= 0) result.gold_suspend_below = below;
  reader.Integer("gold_suspend_after", 1, result.gold_suspend_after);
  reader.Number("override_rate_low", 0, 1, result.override_rate_low);
  reader.Number("override_rate_high", 0, 1, result.override_rate_high);
  double share = result.preference_winner_share;
  reader.Number("preference_winner_share", 0, 1, share);
  if (share <= 0.5) reader.Fail("preference_winner_share", "expected a share above 0.5 (two winners otherwise)");
  else result.preference_winner_share = share;
  if (result.min_seconds_per_record > result.max_seconds_per_record)
    reader.Fail("min_seconds_per_record", "is above max_seconds_per_record");
  if (result.override_rate_low > result.override_rate_high) reader.Fail("override_rate_low", "is above override_rate_high");
  if (result.gold_suspend_below.has_value() != result.gold_suspend_after.has_value())
    reader.Fail(result.gold_suspend_below ? "gold_suspend_after" : "gold_suspend_below",
                "gold_suspend_below and gold_suspend_after work together: set both, or neither");
  if (!reader.problems().empty())
    return MakeError(ErrorCode::kInvalid, "invalid quality settings", std::move(reader.problems()));
  return result;
}

}  // namespace quorum
