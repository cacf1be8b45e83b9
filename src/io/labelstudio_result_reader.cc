// ResultToValues: reading a Label Studio result array into native answers. Shapes are checked
// before any value is read; every problem is reported, none throws.
#include <algorithm>
#include <cctype>

#include "core/problem_text.h"
#include "io/labelstudio_result.h"

namespace quorum {
namespace {

using nlohmann::json;

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool IsStringArray(const json& value) {
  return value.is_array() && std::all_of(value.begin(), value.end(), [](const json& item) { return item.is_string(); });
}

class ResultReader {
 public:
  ResultReader(const LabelConfig& config, std::string_view location, std::vector<Problem>& problems)
      : config_(config), location_(location), problems_(problems) {}

  void Read(const json& item, const std::string& subject, json& values) {
    subject_ = &subject;
    if (!item.is_object()) return Report(ExpectedGot("a result object {\"from_name\", \"to_name\", \"type\", \"value\"}", item));
    auto from_name = item.find("from_name");
    if (from_name == item.end() || !from_name->is_string())
      return Report("from_name: " + (from_name == item.end() ? std::string("missing") : ExpectedGot("a string", *from_name)));
    const ControlBinding* control = config_.FindControl(from_name->get_ref<const std::string&>());
    const QuestionSpec* question = control == nullptr ? nullptr : config_.schema.FindQuestion(control->name);
    if (control == nullptr || question == nullptr)
      return Report("from_name " + Quoted(from_name->get_ref<const std::string&>()) + " names no control of the label config (known: " + KnownControls() + ")");
    if (!TypeFits(item, *control) || !ToNameFits(item, *control)) return;
    auto value = item.find("value");
    if (value == item.end() || !value->is_object())
      return Report("value: " + (value == item.end() ? std::string("missing") : ExpectedGot("an object", *value)));
    if (control->tag == LabelStudioControl::kLabels) return ReadRegion(*value, *question, values);
    json answer = ReadAnswer(*value, *control, *question);
    if (answer.is_discarded()) return;
    if (values.contains(question->name)) return Report("a second result for question " + Quoted(question->name));
    values[question->name] = std::move(answer);
  }

 private:
  void Report(std::string reason) { problems_.push_back(Problem{std::string(location_), *subject_, std::move(reason)}); }

  std::string KnownControls() const {
    std::vector<std::string> names;
    for (const ControlBinding& control : config_.controls) names.push_back(control.name);
    return JoinNames(names);
  }

  bool TypeFits(const json& item, const ControlBinding& control) {
    auto type = item.find("type");
    if (type == item.end()) return true;
    if (type->is_string() && Lower(type->get<std::string>()) == LabelStudioResultType(control.tag)) return true;
    Report("type " + DescribeValue(*type) + " does not fit " + ControlLabel(control) + " (expected '" +
           LabelStudioResultType(control.tag) + "')");
    return false;
  }

  bool ToNameFits(const json& item, const ControlBinding& control) {
    auto to_name = item.find("to_name");
    if (to_name == item.end()) return true;
    if (to_name->is_string()) {
      const std::string& name = to_name->get_ref<const std::string&>();
      std::string joined;
      for (const std::string& target : control.to_names) joined += (joined.empty() ? "" : ",") + target;
      const bool listed = std::find(control.to_names.begin(), control.to_names.end(), name) != control.to_names.end();
      if (listed || name == control.target || name == joined || name == control.name) return true;
    }
    Report("to_name " + DescribeValue(*to_name) + " does not fit " + ControlLabel(control) + " (expected '" +
           control.target + "')");
    return false;
  }

  static std::string ControlLabel(const ControlBinding& control) { return "control " + Quoted(control.name); }

  // Reports `reason` and returns the "no answer" marker.
  json Refuse(std::string reason) {
    Report(std::move(reason));
    return json(json::value_t::discarded);
  }

  // The answer `value` holds, or a discarded json after a reported problem.
  json ReadAnswer(const json& value, const ControlBinding& control, const QuestionSpec& question) {
    const json* field = nullptr;
    auto need = [&](const char* key) {
      auto it = value.find(key);
      if (it == value.end()) Report(std::string("value.") + key + ": missing");
      else field = &*it;
      return field != nullptr;
    };
    const json discarded = json(json::value_t::discarded);
    switch (control.tag) {
      case LabelStudioControl::kChoices: {
        if (!need("choices")) return discarded;
        if (!IsStringArray(*field)) return Refuse("value.choices: " + ExpectedGot("an array of strings", *field));
        if (control.multiple) return *field;
        if (field->size() != 1)
          return Refuse("value.choices: a single-choice control takes one choice, got " + std::to_string(field->size()));
        if (control.choice_answers.empty()) return (*field)[0];
        for (const auto& [choice, stands_for] : control.choice_answers)
          if ((*field)[0] == choice) return stands_for;
        return Refuse("value.choices: " + DescribeValue((*field)[0]) + " is not a choice of " + ControlLabel(control));
      }
      case LabelStudioControl::kRating:
      case LabelStudioControl::kNumber: {
        const char* key = control.tag == LabelStudioControl::kRating ? "rating" : "number";
        if (!need(key)) return discarded;
        if (!field->is_number()) return Refuse(std::string("value.") + key + ": " + ExpectedGot("a number", *field));
        return *field;
      }
      case LabelStudioControl::kTextArea: {
        if (!need("text")) return discarded;
        if (field->is_string()) return *field;  // what ML backends often send
        if (!IsStringArray(*field)) return Refuse("value.text: " + ExpectedGot("an array of strings", *field));
        std::string joined;
        for (const json& line : *field) joined += (joined.empty() ? "" : "\n") + line.get<std::string>();
        return joined;
      }
      case LabelStudioControl::kPairwise: {
        if (!need("selected")) return discarded;
        if (*field == "left" && question.options.size() == 2) return question.options[0];
        if (*field == "right" && question.options.size() == 2) return question.options[1];
        return Refuse("value.selected: expected 'left' or 'right', got " + DescribeValue(*field));
      }
      case LabelStudioControl::kRanker: {
        if (!need("ranker")) return discarded;
        if (IsStringArray(*field)) return *field;  // before Label Studio 1.13
        if (field->is_object()) {
          auto own = field->find(control.name);
          if (own != field->end() && IsStringArray(*own)) return *own;
          if (field->size() == 1 && IsStringArray(field->begin().value())) return field->begin().value();
        }
        return Refuse("value.ranker: expected {\"" + control.name + "\": [ids]} or [ids]");
      }
      case LabelStudioControl::kLabels: return discarded;
    }
    return discarded;
  }

  // One region: a span per label, added to the question's span list.
  void ReadRegion(const json& value, const QuestionSpec& question, json& values) {
    auto start = value.find("start");
    auto end = value.find("end");
    auto labels = value.find("labels");
    if (start == value.end() || end == value.end() || !start->is_number_integer() || !end->is_number_integer())
      return Report("value: a region needs integer start and end (character offsets in the text)");
    if (labels == value.end() || !IsStringArray(*labels) || labels->empty())
      return Report("value.labels: expected a non-empty array of label names");
    json& spans = values[question.name];
    if (!spans.is_array()) spans = json::array();
    for (const json& label : *labels) spans.push_back(json{{"start", *start}, {"end", *end}, {"label", label}});
  }

  const LabelConfig& config_;
  std::string_view location_;
  std::vector<Problem>& problems_;
  const std::string* subject_ = nullptr;
};

}  // namespace

json ResultToValues(const LabelConfig& config, const json& result, std::string_view location, const std::string& subject,
                    std::vector<Problem>& problems) {
  json values = json::object();
  if (!result.is_array()) {
    problems.push_back(Problem{std::string(location), subject, ExpectedGot("an array of results", result)});
    return values;
  }
  ResultReader reader(config, location, problems);
  for (std::size_t index = 0; index < result.size(); ++index)
    reader.Read(result[index], subject + "[" + std::to_string(index) + "]", values);
  return values;
}

}  // namespace quorum
