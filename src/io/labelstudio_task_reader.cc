#include "io/labelstudio_task_reader.h"

#include <cmath>

#include "core/clock.h"
#include "core/problem_text.h"
#include "io/labelstudio_data.h"
#include "io/labelstudio_result.h"
#include "io/labelstudio_users.h"

namespace quorum {
namespace {

using nlohmann::json;

bool IsTrue(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

class TaskReader {
 public:
  TaskReader(const LabelConfig& config, std::string_view location, std::vector<Problem>& problems)
      : config_(config), location_(location), problems_(problems) {}

  ImportRow Read(json&& task) {
    ImportRow row;
    if (!task.is_object()) {
      Report("", ExpectedGot("a task object {\"data\": {...}, \"annotations\"?, \"predictions\"?}", task));
      return row;
    }
    auto data = task.find("data");
    if (data == task.end()) {
      SplitTaskData(config_, std::move(task), row.fields, row.metadata);
      return row;
    }
    if (!data->is_object()) {
      Report("data", ExpectedGot("an object", *data));
      return row;
    }
    SplitTaskData(config_, std::move(*data), row.fields, row.metadata);
    ReadMeta(task, row);
    if (auto id = task.find("id"); id != task.end()) ReadId(*id, row);
    if (auto created = task.find("created_at"); created != task.end()) row.created_at_ms = ReadTime(*created, "created_at");
    auto annotations = task.find("annotations");
    if (annotations == task.end()) annotations = task.find("completions");  // before Label Studio 1.0
    if (annotations != task.end()) ReadAnnotations(*annotations, row);
    if (auto drafts = task.find("drafts"); drafts != task.end()) ReadDrafts(*drafts, row);
    if (auto predictions = task.find("predictions"); predictions != task.end()) ReadPredictions(*predictions, row);
    return row;
  }

 private:
  void Report(std::string subject, std::string reason) {
    problems_.push_back(Problem{std::string(location_), std::move(subject), std::move(reason)});
  }

  // A list under `key`: null counts as empty; anything else but an array is reported.
  const json* List(const json& value, const std::string& key) {
    if (value.is_null()) return nullptr;
    if (value.is_array()) return &value;
    Report(key, ExpectedGot("an array", value));
    return nullptr;
  }

  void ReadMeta(const json& task, ImportRow& row) {
    auto meta = task.find("meta");
    if (meta == task.end() || meta->is_null() || (meta->is_object() && meta->empty())) return;
    if (!meta->is_object()) return Report("meta", ExpectedGot("an object", *meta));
    if (row.metadata.contains(kTaskMetaKey))
      return Report("meta", "the task has a \"meta\" object and a data key \"meta\"; Quorum keeps both as metadata "
                            "'meta': rename the data key");
    row.metadata[kTaskMetaKey] = *meta;
  }

  void ReadId(const json& id, ImportRow& row) {
    if (id.is_number_integer()) row.external_id = id.dump();
    else if (id.is_string()) row.external_id = id.get<std::string>();
    else if (!id.is_null()) Report("id", ExpectedGot("an integer or a string", id));
  }

  // ISO 8601 text, or (old Label Studio) seconds since the epoch.
  std::optional<int64_t> ReadTime(const json& value, const std::string& subject) {
    if (value.is_null()) return std::nullopt;
    if (value.is_number() && std::isfinite(value.get<double>())) return std::llround(value.get<double>() * 1000);
    if (value.is_string()) {
      if (std::optional<int64_t> ms = ParseTimestamp(value.get_ref<const std::string&>())) return ms;
      Report(subject, "expected an ISO 8601 UTC time such as 2024-01-31T12:00:00.000000Z, got " + Quoted(value.get<std::string>()));
      return std::nullopt;
    }
    Report(subject, ExpectedGot("an ISO 8601 time", value));
    return std::nullopt;
  }

  // completed_by: a Label Studio user id, an object with an email (or an id), or an email.
  std::optional<std::string> ReadUser(const json* value, const std::string& subject) {
    if (value == nullptr || value->is_null()) {
      Report(subject, "missing: the annotator's Label Studio user id, or {\"email\": ...}");
      return std::nullopt;
    }
    if (value->is_number_integer()) return LabelStudioUserEmail(value->get<int64_t>());
    if (value->is_string() && value->get_ref<const std::string&>().find('@') != std::string::npos) return value->get<std::string>();
    if (value->is_object()) {
      auto email = value->find("email");
      if (email != value->end() && email->is_string() && !email->get_ref<const std::string&>().empty()) return email->get<std::string>();
      auto id = value->find("id");
      if (id != value->end() && id->is_number_integer()) return LabelStudioUserEmail(id->get<int64_t>());
    }
    Report(subject, "expected a user id, an email or {\"email\": ...}, got " + DescribeValue(*value));
    return std::nullopt;
  }

  // The fields annotations and drafts share; false when the item is not an object.
  bool ReadResponse(const json& item, const std::string& subject, const char* user_key, ImportedResponse& response) {
    if (!item.is_object()) {
      Report(subject, ExpectedGot("an object", item));
      return false;
    }
    auto user = item.find(user_key);
    if (user == item.end() && std::string_view(user_key) == "user") user = item.find("completed_by");
    response.user_email = ReadUser(user == item.end() ? nullptr : &*user, subject + "." + user_key).value_or("");
    auto result = item.find("result");
    if (result != item.end() && !result->is_null())
      response.values = ResultToValues(config_, *result, location_, subject + ".result", problems_);
    if (auto lead = item.find("lead_time"); lead != item.end() && !lead->is_null()) {
      if (lead->is_number() && lead->get<double>() >= 0 && std::isfinite(lead->get<double>()))
        response.time_spent_ms = std::llround(lead->get<double>() * 1000);
      else
        Report(subject + ".lead_time", "expected a non-negative number of seconds, got " + DescribeValue(*lead));
    }
    if (auto created = item.find("created_at"); created != item.end())
      response.created_at_ms = ReadTime(*created, subject + ".created_at");
    if (auto updated = item.find("updated_at"); updated != item.end())
      response.updated_at_ms = ReadTime(*updated, subject + ".updated_at");
    return true;
  }

  void ReadAnnotations(const json& value, ImportRow& row) {
    const json* annotations = List(value, "annotations");
    if (annotations == nullptr) return;
    for (std::size_t index = 0; index < annotations->size(); ++index) {
      const json& item = (*annotations)[index];
      const std::string subject = "annotations[" + std::to_string(index) + "]";
      ImportedResponse response;
      if (!ReadResponse(item, subject, "completed_by", response)) continue;
      const bool cancelled = IsTrue(item, "was_cancelled") || IsTrue(item, "skipped");
      response.status = cancelled ? ResponseStatus::kDiscarded : ResponseStatus::kSubmitted;
      if (!cancelled && IsTrue(item, "ground_truth") && row.gold.empty() && !response.values.empty())
        row.gold = response.values;
      row.responses.push_back(std::move(response));
    }
  }

  void ReadDrafts(const json& value, ImportRow& row) {
    const json* drafts = List(value, "drafts");
    if (drafts == nullptr) return;
    for (std::size_t index = 0; index < drafts->size(); ++index) {
      ImportedResponse response;
      if (!ReadResponse((*drafts)[index], "drafts[" + std::to_string(index) + "]", "user", response)) continue;
      response.status = ResponseStatus::kDraft;
      row.responses.push_back(std::move(response));
    }
  }

  void ReadPredictions(const json& value, ImportRow& row) {
    const json* predictions = List(value, "predictions");
    if (predictions == nullptr) return;
    for (std::size_t index = 0; index < predictions->size(); ++index) {
      const json& item = (*predictions)[index];
      const std::string subject = "predictions[" + std::to_string(index) + "]";
      if (!item.is_object()) {
        Report(subject, ExpectedGot("an object", item));
        continue;
      }
      std::optional<double> score;
      if (auto it = item.find("score"); it != item.end() && !it->is_null()) {
        if (it->is_number()) score = it->get<double>();
        else Report(subject + ".score", ExpectedGot("a number", *it));
      }
      std::string agent;
      if (auto it = item.find("model_version"); it != item.end() && !it->is_null())
        agent = it->is_string() ? it->get<std::string>() : it->dump();
      auto result = item.find("result");
      if (result == item.end() || result->is_null()) continue;
      json values = ResultToValues(config_, *result, location_, subject + ".result", problems_);
      // In question order, as exports write them back.
      for (const QuestionSpec& question : config_.schema.questions)
        if (auto answer = values.find(question.name); answer != values.end())
          row.suggestions.push_back(ImportedSuggestion{question.name, std::move(*answer), score, agent});
    }
  }

  const LabelConfig& config_;
  std::string_view location_;
  std::vector<Problem>& problems_;
};

}  // namespace

ImportRow MapLabelStudioTask(const LabelConfig& config, json&& task, std::string_view location,
                             std::vector<Problem>& problems) {
  return TaskReader(config, location, problems).Read(std::move(task));
}

}  // namespace quorum
