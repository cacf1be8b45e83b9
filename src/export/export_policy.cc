#include "export/export_policy.h"

#include <algorithm>
#include <charconv>

namespace quorum {
namespace {

Error Invalid(std::string_view option, const std::string& why) {
  return MakeError(ErrorCode::kInvalid, std::string(option) + ": " + why);
}

// A share: a number from 0 to 1.
Result<double> ReadShare(std::string_view option, const std::string& text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !(value >= 0 && value <= 1))
    return Invalid(option, "expected a number from 0 to 1, got '" + text + "'");
  return value;
}

Result<int64_t> ReadInteger(std::string_view option, const std::string& text, int64_t low) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low)
    return Invalid(option, "expected an integer of at least " + std::to_string(low) + ", got '" + text + "'");
  return value;
}

// One of two spellings; `first` means true.
Result<bool> ReadChoice(std::string_view option, const std::string& text, const char* first, const char* second) {
  if (text == first) return true;
  if (text == second) return false;
  return Invalid(option, std::string("expected ") + first + " or " + second + ", got '" + text + "'");
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find(',', begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) parts.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return parts;
}

}  // namespace

Result<ExportPolicy> ExportPolicyFrom(const std::function<std::optional<std::string>(std::string_view)>& get) {
  ExportPolicy policy;
  std::optional<std::string> format = get("format");
  if (!format) return Invalid("format", std::string("name one of ") + TrainingFormatList());
  std::optional<TrainingFormat> parsed = ParseTrainingFormat(*format);
  if (!parsed) return Invalid("format", std::string("expected one of ") + TrainingFormatList() + ", got '" + *format + "'");
  policy.format = *parsed;
  policy.question = get("question").value_or("");
  policy.prompt_field = get("prompt_field").value_or("");
  policy.completion_field = get("completion_field").value_or("");
  if (auto method = get("method")) {
    std::optional<AggregationMethod> named = ParseAggregationMethod(*method);
    if (!named || (*named != AggregationMethod::kMajority && *named != AggregationMethod::kWeighted &&
                   *named != AggregationMethod::kDawidSkene))
      return Invalid("method", "expected majority, weighted or dawid-skene, got '" + *method + "'");
    policy.method = *named;
  }
  if (auto text = get("min_agreement")) {
    QUORUM_ASSIGN_OR_RETURN(policy.min_agreement, ReadShare("min_agreement", *text));
  }
  if (auto text = get("min_annotators")) {
    QUORUM_ASSIGN_OR_RETURN(int64_t count, ReadInteger("min_annotators", *text, 1));
    policy.min_annotators = static_cast<int>(std::min<int64_t>(count, 1 << 20));
  }
  if (auto text = get("ties")) {
    QUORUM_ASSIGN_OR_RETURN(policy.keep_ties, ReadChoice("ties", *text, "keep", "drop"));
  }
  if (auto text = get("gold")) {
    QUORUM_ASSIGN_OR_RETURN(policy.include_gold, ReadChoice("gold", *text, "include", "exclude"));
  }
  if (auto text = get("calibration")) {
    QUORUM_ASSIGN_OR_RETURN(policy.include_calibration, ReadChoice("calibration", *text, "include", "exclude"));
  }
  if (auto text = get("test_ratio")) {
    QUORUM_ASSIGN_OR_RETURN(policy.test_ratio, ReadShare("test_ratio", *text));
  }
  if (auto text = get("seed")) {
    QUORUM_ASSIGN_OR_RETURN(int64_t seed, ReadInteger("seed", *text, 0));
    policy.seed = static_cast<uint64_t>(seed);
  }
  if (auto text = get("provenance")) {
    QUORUM_ASSIGN_OR_RETURN(policy.provenance, ReadChoice("provenance", *text, "true", "false"));
  }
  if (auto text = get("ranking_pairs")) {
    QUORUM_ASSIGN_OR_RETURN(bool all, ReadChoice("ranking_pairs", *text, "all", "best-vs-each"));
    policy.ranking_pairs = all ? RankingPairs::kAll : RankingPairs::kBestVsEach;
  }
  if (auto text = get("kto_threshold")) {
    double threshold = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), threshold);
    if (error != std::errc() || end != text->data() + text->size())
      return Invalid("kto_threshold", "expected a number, got '" + *text + "'");
    policy.kto_threshold = threshold;
  }
  if (auto text = get("kto_desirable")) policy.kto_desirable = SplitCommas(*text);
  if (auto text = get("only_accepted")) {
    QUORUM_ASSIGN_OR_RETURN(policy.only_accepted, ReadChoice("only_accepted", *text, "true", "false"));
  }
  if (policy.method != AggregationMethod::kMajority && IsSftFormat(policy.format))
    return Invalid("method", "SFT formats export every written answer; there is no vote to aggregate");
  return policy;
}

nlohmann::json PolicyJson(const ExportPolicy& policy) {
  nlohmann::json json = {{"format", TrainingFormatName(policy.format)},
                         {"question", policy.question},
                         {"method", AggregationMethodName(policy.method)},
                         {"min_agreement", policy.min_agreement},
                         {"min_annotators", policy.min_annotators},
                         {"ties", policy.keep_ties ? "keep" : "drop"},
                         {"gold", policy.include_gold ? "include" : "exclude"},
                         {"calibration", policy.include_calibration ? "include" : "exclude"},
                         {"test_ratio", policy.test_ratio},
                         {"seed", policy.seed},
                         {"provenance", policy.provenance},
                         {"only_accepted", policy.only_accepted}};
  if (policy.format == TrainingFormat::kRankingPairs)
    json["ranking_pairs"] = policy.ranking_pairs == RankingPairs::kAll ? "all" : "best-vs-each";
  if (policy.kto_threshold) json["kto_threshold"] = *policy.kto_threshold;
  if (!policy.kto_desirable.empty()) json["kto_desirable"] = policy.kto_desirable;
  return json;
}

}  // namespace quorum
