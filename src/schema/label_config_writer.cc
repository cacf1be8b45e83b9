// Writing a Label Studio config for a native schema. Object tags are named after their field,
// so the task data keys, the objects and the fields all share one name.
#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "core/problem_text.h"
#include "schema/label_config.h"
#include "schema/label_config_tags.h"

namespace quorum {
namespace {

class ConfigWriter {
 public:
  explicit ConfigWriter(const Schema& schema) : schema_(schema) {
    for (const FieldSpec& field : schema.fields) names_.insert(field.name);
    for (const QuestionSpec& question : schema.questions) names_.insert(question.name);
  }

  LabelConfig Write() {
    LabelConfig config;
    config.schema = schema_;
    view_ = document_.append_child("View");
    for (const FieldSpec& field : schema_.fields) WriteField(field, config);
    for (const QuestionSpec& question : schema_.questions) WriteQuestion(question, config);
    std::ostringstream text;
    document_.save(text, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    config.schema.label_config = text.str();
    return config;
  }

 private:
  void WriteHeaders(const std::string& name, const std::string& title, const std::string& description) {
    if (!title.empty() && title != name) view_.append_child("Header").append_attribute("value") = title.c_str();
    if (!description.empty()) {
      pugi::xml_node header = view_.append_child("Header");
      header.append_attribute("value") = description.c_str();
      header.append_attribute("size") = "6";
    }
  }

  pugi::xml_node AppendTag(const char* tag, const std::string& name) {
    pugi::xml_node node = view_.append_child(tag);
    node.append_attribute("name") = name.c_str();
    return node;
  }

  void WriteField(const FieldSpec& field, LabelConfig& config) {
    if (field.kind != FieldKind::kItemList) WriteHeaders(field.name, field.title, "");  // a List has a title
    ObjectBinding binding;
    binding.name = field.name;
    binding.field = field.name;
    switch (field.kind) {
      case FieldKind::kText:
      case FieldKind::kMarkdown: binding.tag = LabelStudioObject::kText; break;
      case FieldKind::kChat: binding.tag = LabelStudioObject::kParagraphs; break;
      case FieldKind::kImageUrl: binding.tag = LabelStudioObject::kImage; break;
      case FieldKind::kItemList: binding.tag = LabelStudioObject::kList; break;
    }
    pugi::xml_node node = AppendTag(ObjectTagName(binding.tag), field.name);
    node.append_attribute("value") = ("$" + field.name).c_str();
    if (binding.tag == LabelStudioObject::kList) node.append_attribute("title") = field.title.c_str();
    if (binding.tag == LabelStudioObject::kParagraphs) {
      // Quorum's messages already are {role, content}: name those keys and the data passes as is.
      binding.name_key = "role";
      binding.text_key = "content";
      node.append_attribute("layout") = "dialogue";
      node.append_attribute("nameKey") = "role";
      node.append_attribute("textKey") = "content";
    }
    config.objects.push_back(std::move(binding));
  }

  // A name no field, question or earlier list uses: `base`, else base_2, base_3, ...
  std::string FreshName(const std::string& base) {
    std::string name = base;
    for (int suffix = 2; names_.count(name) != 0; ++suffix) name = base + "_" + std::to_string(suffix);
    names_.insert(name);
    return name;
  }

  void WriteQuestion(const QuestionSpec& question, LabelConfig& config) {
    ControlBinding binding;
    binding.name = question.name;
    if (const FieldSpec* shown = DefaultTarget()) binding.to_names = {shown->name};
    if (question.kind == QuestionKind::kRanking) {
      if (question.field.empty()) WriteRankingList(question, binding, config);
      else binding.to_names = {question.field};  // the List of its item_list field
    }
    WriteHeaders(question.name, question.title, question.description);
    pugi::xml_node node;
    switch (question.kind) {
      case QuestionKind::kLabel:
      case QuestionKind::kMultiLabel:
        binding.tag = LabelStudioControl::kChoices;
        binding.multiple = question.kind == QuestionKind::kMultiLabel;
        node = AppendTag("Choices", question.name);
        node.append_attribute("choice") = binding.multiple ? "multiple" : "single";
        for (const std::string& label : question.labels)
          node.append_child("Choice").append_attribute("value") = label.c_str();
        break;
      case QuestionKind::kRating: node = WriteRating(question, binding); break;
      case QuestionKind::kText:
        binding.tag = LabelStudioControl::kTextArea;
        node = AppendTag("TextArea", question.name);
        break;
      case QuestionKind::kSpan:
        binding.tag = LabelStudioControl::kLabels;
        binding.to_names = {question.field};
        node = AppendTag("Labels", question.name);
        for (const std::string& label : question.labels)
          node.append_child("Label").append_attribute("value") = label.c_str();
        break;
      case QuestionKind::kRanking:
        binding.tag = LabelStudioControl::kRanker;
        node = AppendTag("Ranker", question.name);
        break;
      case QuestionKind::kPreference: node = WritePreference(question, binding); break;
    }
    if (!binding.to_names.empty()) {
      std::string to_name = binding.to_names.front();
      for (std::size_t index = 1; index < binding.to_names.size(); ++index) to_name += "," + binding.to_names[index];
      node.append_attribute("toName") = to_name.c_str();
      if (binding.target.empty()) binding.target = binding.to_names.front();
    }
    if (question.required) node.append_attribute("required") = "true";
    config.controls.push_back(std::move(binding));
  }

  // Rating 1..N is a Rating; any other scale a Number (with its step when evenly spaced).
  pugi::xml_node WriteRating(const QuestionSpec& question, ControlBinding& binding) {
    const std::vector<double>& values = question.values;
    bool one_to_n = !values.empty();
    for (std::size_t index = 0; index < values.size(); ++index)
      one_to_n = one_to_n && values[index] == static_cast<double>(index + 1);
    if (one_to_n) {
      binding.tag = LabelStudioControl::kRating;
      pugi::xml_node node = AppendTag("Rating", question.name);
      node.append_attribute("maxRating") = FormatNumber(values.back()).c_str();
      return node;
    }
    binding.tag = LabelStudioControl::kNumber;
    pugi::xml_node node = AppendTag("Number", question.name);
    if (values.empty()) return node;
    const auto [min, max] = std::minmax_element(values.begin(), values.end());
    node.append_attribute("min") = FormatNumber(*min).c_str();
    node.append_attribute("max") = FormatNumber(*max).c_str();
    if (values.size() > 1) {
      const double step = (*max - *min) / static_cast<double>(values.size() - 1);
      node.append_attribute("step") = FormatNumber(step).c_str();
    }
    return node;
  }

  pugi::xml_node WritePreference(const QuestionSpec& question, ControlBinding& binding) {
    binding.to_names = question.options;
    if (question.scale == PreferenceScale::kBinary && question.options.size() == 2) {
      binding.tag = LabelStudioControl::kPairwise;
      binding.target = question.name;  // Label Studio writes the Pairwise's own name as to_name
      return AppendTag("Pairwise", question.name);
    }
    binding.tag = LabelStudioControl::kChoices;
    binding.to_names = {question.options.front()};
    pugi::xml_node node = AppendTag("Choices", question.name);
    node.append_attribute("choice") = "single-radio";
    auto add = [&](const std::string& shown, const std::string& alias, nlohmann::json answer) {
      pugi::xml_node choice = node.append_child("Choice");
      choice.append_attribute("value") = shown.c_str();
      if (!alias.empty()) choice.append_attribute("alias") = alias.c_str();
      binding.choice_answers.emplace_back(alias.empty() ? shown : alias, std::move(answer));
    };
    if (question.scale == PreferenceScale::kFivePoint) {
      const std::string a = TitleOf(question.options[0]);
      const std::string b = TitleOf(question.options[1]);
      add(a + " much better", "-2", -2);
      add(a + " slightly better", "-1", -1);
      add("Tie", "0", 0);
      add(b + " slightly better", "1", 1);
      add(b + " much better", "2", 2);
      return node;
    }
    for (const std::string& option : question.options) add(option, "", option);
    if (question.scale == PreferenceScale::kThreeWay) add("tie", "", "tie");
    return node;
  }

  // A ranking's options become the items of a List the export builds under a fresh data key.
  void WriteRankingList(const QuestionSpec& question, ControlBinding& binding, LabelConfig& config) {
    ObjectBinding list;
    list.tag = LabelStudioObject::kList;
    list.name = FreshName(question.name + "_items");
    list.item_fields = question.options;
    pugi::xml_node node = AppendTag("List", list.name);
    node.append_attribute("value") = ("$" + list.name).c_str();
    node.append_attribute("title") = question.title.c_str();
    binding.to_names = {list.name};
    config.objects.push_back(std::move(list));
  }

  // What a control that annotates the whole record names as toName: the first field that is
  // not a list of items (Label Studio would tie a Choices on a List to its items), else the first.
  const FieldSpec* DefaultTarget() const {
    for (const FieldSpec& field : schema_.fields)
      if (field.kind != FieldKind::kItemList) return &field;
    return schema_.fields.empty() ? nullptr : &schema_.fields.front();
  }

  std::string TitleOf(const std::string& field_name) const {
    const FieldSpec* field = schema_.FindField(field_name);
    return field == nullptr ? field_name : field->title;
  }

  const Schema& schema_;
  pugi::xml_document document_;
  pugi::xml_node view_;
  std::set<std::string> names_;
};

}  // namespace

LabelConfig WriteLabelConfig(const Schema& schema) { return ConfigWriter(schema).Write(); }

}  // namespace quorum
