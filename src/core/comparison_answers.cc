// Answers that compare response fields or a record's items: rankings (best first) and
// preferences.
#include <algorithm>
#include <map>

#include "core/answer_checks.h"
#include "core/item_list.h"
#include "core/problem_text.h"

namespace quorum {
namespace {

std::string TimesText(int count) { return count == 2 ? "twice" : std::to_string(count) + " times"; }

}  // namespace

std::vector<std::string> CheckRankingAnswer(const QuestionSpec& question, const nlohmann::json& value,
                                            const nlohmann::json& record_fields) {
  const bool ranks_items = !question.field.empty();
  const char* noun = ranks_items ? "an item id" : "an option name";
  if (!value.is_array()) return {ExpectedGot(ranks_items ? "an array of item ids" : "an array of option names", value)};
  std::vector<std::string> options = question.options;
  if (ranks_items) {
    auto items = record_fields.is_object() ? record_fields.find(question.field) : record_fields.end();
    if (!record_fields.is_object() || items == record_fields.end())
      return {"the record has no items to rank (field " + Quoted(question.field) + " is empty)"};
    options = ItemIds(*items);
  }
  std::vector<std::string> reasons;
  std::map<std::string, int> counts;
  std::vector<std::string> order;  // names in order of first appearance, for stable messages
  for (std::size_t index = 0; index < value.size(); ++index) {
    const nlohmann::json& item = value[index];
    if (!item.is_string()) {
      reasons.push_back("item " + std::to_string(index) + ": " + ExpectedGot(noun, item));
      continue;
    }
    const std::string& name = item.get_ref<const std::string&>();
    if (counts[name]++ == 0) order.push_back(name);
  }
  if (!reasons.empty()) return reasons;

  std::vector<std::string> faults;
  for (const std::string& name : order) {
    bool is_option = std::find(options.begin(), options.end(), name) != options.end();
    if (!is_option) faults.push_back(Quoted(name) + (ranks_items ? " is not an item of the record" : " is not an option"));
    else if (counts[name] > 1) faults.push_back(Quoted(name) + " appears " + TimesText(counts[name]));
  }
  for (const std::string& option : options)
    if (counts.count(option) == 0) faults.push_back(Quoted(option) + " is missing");
  if (faults.empty()) return {};
  return {"ranking must list each of " + JoinNames(options) + " exactly once; " + JoinNames(faults)};
}

std::vector<std::string> CheckPreferenceAnswer(const QuestionSpec& question, const nlohmann::json& value) {
  const std::string scale = PreferenceScaleName(question.scale);
  if (question.scale == PreferenceScale::kFivePoint) {
    if (!value.is_number()) return {ExpectedGot("an integer from -2 to 2", value)};
    const double point = value.get<double>();
    if (point == -2 || point == -1 || point == 0 || point == 1 || point == 2) return {};
    return {"value " + DescribeValue(value) + " is not on the five_point scale (-2, -1, 0, 1, 2)"};
  }
  if (!value.is_string()) return {ExpectedGot("a string", value)};
  const std::string& choice = value.get_ref<const std::string&>();
  std::vector<std::string> allowed = question.options;
  if (question.scale == PreferenceScale::kThreeWay) allowed.push_back("tie");
  if (std::find(allowed.begin(), allowed.end(), choice) != allowed.end()) return {};
  return {"value " + Quoted(choice) + " is not on the " + scale + " scale (" + JoinNames(allowed) + ")"};
}

}  // namespace quorum
