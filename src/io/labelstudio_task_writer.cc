#include "io/labelstudio_task_writer.h"

#include <algorithm>
#include <charconv>

#include "core/clock.h"
#include "io/labelstudio_data.h"
#include "io/labelstudio_result.h"
#include "io/labelstudio_users.h"

namespace quorum {
namespace {

using nlohmann::json;

json TaskId(const Record& record) {
  const std::string& external = record.external_id;
  int64_t id = 0;
  auto [end, error] = std::from_chars(external.data(), external.data() + external.size(), id);
  if (!external.empty() && error == std::errc() && end == external.data() + external.size()) return id;
  return record.id;
}

double Seconds(int64_t ms) { return static_cast<double>(ms) / 1000.0; }

json Annotation(const LabelStudioResponse& item, json result, bool cancelled, bool ground_truth, const json& task_id,
                int64_t project_id) {
  const Response& response = item.response;
  const int64_t user = ExportedUserId(response.user_id, item.user_email);
  const std::size_t count = result.size();
  return json{{"id", response.id},
              {"completed_by", user},
              {"result", std::move(result)},
              {"was_cancelled", cancelled},
              {"ground_truth", ground_truth},
              {"created_at", LabelStudioTime(response.created_at_ms)},
              {"updated_at", LabelStudioTime(response.updated_at_ms)},
              {"draft_created_at", nullptr},
              {"lead_time", Seconds(response.time_spent_ms)},
              {"prediction", json::object()},
              {"result_count", count},
              {"import_id", nullptr},
              {"last_action", nullptr},
              {"task", task_id},
              {"project", project_id},
              {"updated_by", user},
              {"parent_prediction", nullptr},
              {"parent_annotation", nullptr},
              {"last_created_by", nullptr}};
}

json Draft(const LabelStudioResponse& item, json result, const json& task_id) {
  const Response& response = item.response;
  return json{{"id", response.id},
              {"user", ExportedUserId(response.user_id, item.user_email)},
              {"result", std::move(result)},
              {"lead_time", Seconds(response.time_spent_ms)},
              {"was_postponed", false},
              {"import_id", nullptr},
              {"created_at", LabelStudioTime(response.created_at_ms)},
              {"updated_at", LabelStudioTime(response.updated_at_ms)},
              {"task", task_id},
              {"annotation", nullptr}};
}

json Predictions(const LabelConfig& config, const Record& record, std::span<const Suggestion> suggestions,
                 const json& task_id) {
  json predictions = json::array();
  std::size_t index = 0;
  while (index < suggestions.size()) {
    const Suggestion& first = suggestions[index];
    json values = json::object();
    std::size_t end = index;
    while (end < suggestions.size() && suggestions[end].agent == first.agent && suggestions[end].score == first.score &&
           !values.contains(suggestions[end].question)) {
      values[suggestions[end].question] = suggestions[end].value;
      ++end;
    }
    predictions.push_back(json{{"id", first.id},
                               {"model_version", first.agent},
                               {"score", first.score ? json(*first.score) : json(nullptr)},
                               {"result", ValuesToResult(config, values, record.fields, "")},
                               {"cluster", nullptr},
                               {"neighbors", nullptr},
                               {"mislabeling", 0.0},
                               {"task", task_id},
                               {"project", record.project_id}});
    index = end;
  }
  return predictions;
}

}  // namespace

std::string LabelStudioTime(int64_t ms) {
  std::string text = FormatTimestamp(ms);  // ...T08:45:00.123Z
  text.insert(text.size() - 1, "000");
  return text;
}

json LabelStudioTaskJson(const LabelConfig& config, const Record& record, std::span<const Suggestion> suggestions,
                         std::span<const LabelStudioResponse> responses, int64_t inner_id) {
  const json task_id = TaskId(record);
  json answered = json::array();
  json cancelled = json::array();
  json drafts = json::array();
  int64_t updated_at = record.created_at_ms;
  bool ground_truth_given = false;
  for (const LabelStudioResponse& item : responses) {
    const Response& response = item.response;
    updated_at = std::max(updated_at, response.updated_at_ms);
    json result = ValuesToResult(config, response.values, record.fields, "manual");
    if (response.status == ResponseStatus::kDraft) {
      drafts.push_back(Draft(item, std::move(result), task_id));
    } else if (response.status == ResponseStatus::kDiscarded || result.empty()) {
      cancelled.push_back(Annotation(item, std::move(result), true, false, task_id, record.project_id));
    } else {
      const bool ground_truth = !ground_truth_given && !record.gold.empty() && response.values == record.gold;
      ground_truth_given = ground_truth_given || ground_truth;
      answered.push_back(Annotation(item, std::move(result), false, ground_truth, task_id, record.project_id));
    }
  }
  const std::size_t total_annotations = answered.size();
  const std::size_t cancelled_annotations = cancelled.size();
  for (json& annotation : cancelled) answered.push_back(std::move(annotation));
  json predictions = Predictions(config, record, suggestions, task_id);
  const std::size_t total_predictions = predictions.size();
  json meta = json::object();
  if (auto it = record.metadata.find(kTaskMetaKey); it != record.metadata.end() && it->is_object()) meta = *it;
  return json{{"id", task_id},
              {"data", JoinTaskData(config, record.fields, record.metadata)},
              {"meta", std::move(meta)},
              {"annotations", std::move(answered)},
              {"drafts", std::move(drafts)},
              {"predictions", std::move(predictions)},
              {"created_at", LabelStudioTime(record.created_at_ms)},
              {"updated_at", LabelStudioTime(updated_at)},
              {"inner_id", inner_id},
              {"total_annotations", total_annotations},
              {"cancelled_annotations", cancelled_annotations},
              {"total_predictions", total_predictions},
              {"project", record.project_id},
              {"updated_by", nullptr},
              {"file_upload", nullptr},
              {"comment_count", 0},
              {"unresolved_comment_count", 0},
              {"last_comment_updated_at", nullptr},
              {"comment_authors", json::array()}};
}

bool IsAnnotatedTask(const json& task) {
  auto annotations = task.find("annotations");
  if (annotations == task.end() || !annotations->is_array()) return false;
  return std::any_of(annotations->begin(), annotations->end(), [](const json& annotation) {
    return annotation.value("was_cancelled", true) == false && !annotation.value("result", json::array()).empty();
  });
}

}  // namespace quorum
