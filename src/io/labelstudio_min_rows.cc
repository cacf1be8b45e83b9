#include "io/labelstudio_min_rows.h"

#include <algorithm>
#include <map>
#include <string>

namespace quorum {
namespace {

using nlohmann::json;

// The converter's _prettify / prettify_result: a Choices or TextArea answer with one value
// collapses to that value; everything else stays the list of its result values.
json Prettify(const ControlBinding* control, const std::vector<json>& values) {
  const bool choices = control != nullptr && control->tag == LabelStudioControl::kChoices;
  const bool text = control != nullptr && control->tag == LabelStudioControl::kTextArea;
  json out = json::array();
  for (const json& value : values) {
    if (choices && value.contains("choices") && value["choices"].size() == 1) out.push_back(value["choices"][0]);
    else if (text && value.contains("text") && value["text"].is_array() && value["text"].size() == 1) out.push_back(value["text"][0]);
    else out.push_back(value);
  }
  if ((choices || text) && out.size() == 1) return out[0];
  return out;
}

}  // namespace

std::vector<json> LabelStudioMinRows(const LabelConfig& config, const json& task) {
  std::vector<const json*> annotations;
  auto listed = task.find("annotations");
  if (listed == task.end() || !listed->is_array()) return {};
  for (const json& annotation : *listed)
    if (annotation.is_object() && annotation.value("was_cancelled", false) == false) annotations.push_back(&annotation);
  std::stable_sort(annotations.begin(), annotations.end(), [](const json* a, const json* b) {
    return a->value("created_at", std::string()) > b->value("created_at", std::string());
  });
  std::vector<json> rows;
  for (const json* annotation : annotations) {
    json row = task.value("data", json::object());
    row["id"] = task["id"];
    std::vector<std::string> order;
    std::map<std::string, std::vector<json>> outputs;
    for (const json& item : annotation->value("result", json::array())) {
      const std::string from_name = item.value("from_name", std::string());
      if (outputs.count(from_name) == 0) order.push_back(from_name);
      outputs[from_name].push_back(item.value("value", json::object()));
    }
    for (const std::string& name : order) row[name] = Prettify(config.FindControl(name), outputs[name]);
    row["annotator"] = (*annotation)["completed_by"];
    row["annotation_id"] = (*annotation)["id"];
    row["created_at"] = (*annotation)["created_at"];
    row["updated_at"] = (*annotation)["updated_at"];
    row["lead_time"] = (*annotation)["lead_time"];
    rows.push_back(std::move(row));
  }
  return rows;
}

json LabelStudioCsvCells(const json& min_row) {
  json cells = json::object();
  for (const auto& [key, value] : min_row.items()) {
    if (key == "annotator") cells[key] = value.is_string() ? value : json(value.dump());
    else if (value.is_object() || value.is_array()) cells[key] = PythonJsonDumps(value);
    else cells[key] = value;
  }
  return cells;
}

std::string PythonJsonDumps(const json& value) {
  if (value.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, item] : value.items()) {
      if (!first) out += ", ";
      first = false;
      out += json(key).dump() + ": " + PythonJsonDumps(item);
    }
    return out + "}";
  }
  if (value.is_array()) {
    std::string out = "[";
    for (std::size_t index = 0; index < value.size(); ++index) {
      if (index > 0) out += ", ";
      out += PythonJsonDumps(value[index]);
    }
    return out + "]";
  }
  return value.dump();
}

}  // namespace quorum
