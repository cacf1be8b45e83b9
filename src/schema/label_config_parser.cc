// Reading a Label Studio config. One walk over the XML collects the named tags (objects and
// controls, with their choices) and checks each tag on its own; a second pass resolves every
// control's toName against all objects (a toName may name a tag that comes later) and builds
// the questions (label_config_controls.cc). Every problem is reported, located at the tag's '<'.
#include <algorithm>
#include <cctype>
#include <map>

#include "core/problem_text.h"
#include "core/validation.h"
#include "schema/label_config.h"
#include "schema/label_config_reader.h"
#include "schema/label_config_tags.h"

namespace quorum {
namespace {

std::vector<std::string> SplitNames(std::string_view list) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = std::min(list.find(',', start), list.size());
    std::string_view name = list.substr(start, comma - start);
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front()))) name.remove_prefix(1);
    while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.remove_suffix(1);
    if (!name.empty()) names.emplace_back(name);
    start = comma + 1;
  }
  return names;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

FieldKind KindOf(LabelStudioObject tag) {
  switch (tag) {
    case LabelStudioObject::kHyperText: return FieldKind::kMarkdown;
    case LabelStudioObject::kParagraphs: return FieldKind::kChat;
    case LabelStudioObject::kImage: return FieldKind::kImageUrl;
    case LabelStudioObject::kList: return FieldKind::kItemList;
    case LabelStudioObject::kText:
    case LabelStudioObject::kHeader: return FieldKind::kText;
  }
  return FieldKind::kText;
}

class ConfigParser {
 public:
  ConfigParser(std::string_view xml, std::string_view source) : xml_(xml), source_(source), reader_(xml, source) {}

  Result<LabelConfig> Parse() {
    pugi::xml_document document;
    const pugi::xml_parse_result parsed =
        document.load_buffer(xml_.data(), xml_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      reader_.ReportAt(reader_.LocationAt(parsed.offset), std::string("XML: ") + parsed.description());
      return Failure();
    }
    const pugi::xml_node root = document.document_element();
    if (!EqualsIgnoringCase(root.name(), "view")) {
      reader_.Report(root, "the root element must be <View>");
      return Failure();
    }
    Walk(root, std::nullopt);

    LabelConfig config;
    config.schema.label_config = std::string(xml_);
    for (const ParsedObject& object : objects_) AddField(object, config);
    for (const ParsedControl& control : controls_) AddQuestion(control, config);
    if (reader_.has_problems()) return Failure();
    for (Problem& problem : ValidateSchema(config.schema))
      reader_.ReportAt(std::string(source_), std::move(problem.reason), std::move(problem.subject));
    if (reader_.has_problems()) return Failure();
    return config;
  }

 private:
  Error Failure() {
    return RefusedWhole("invalid label config", reader_.TakeProblems());
  }

  // Visits `node` and its subtree. `control` indexes the innermost enclosing control in
  // controls_ (an index, not a pointer: controls_ grows during the walk).
  void Walk(pugi::xml_node node, std::optional<std::size_t> control) {
    const TagInfo info = LookUpTag(node.name());
    switch (info.role) {
      case TagRole::kIgnored: return;
      case TagRole::kUnknown: return reader_.Report(node, "unknown tag <" + std::string(node.name()) + ">");
      case TagRole::kUnsupported:
        return reader_.Report(node, "<" + std::string(node.name()) + "> " + std::string(info.reason));
      case TagRole::kLayout: break;
      case TagRole::kHeader: WalkHeader(node); break;
      case TagRole::kObject: WalkObject(node, info.object, control); break;
      case TagRole::kControl:
        if (!ReadControl(node, info.control)) return;
        control = controls_.size() - 1;
        break;
      case TagRole::kChoice:
      case TagRole::kLabel: return AddOption(node, info.role, control);
    }
    for (pugi::xml_node child : node.children())
      if (child.type() == pugi::node_element) Walk(child, control);
  }

  void WalkHeader(pugi::xml_node node) {
    const std::string value = Attribute(node, "value").as_string();
    if (value.empty() || value[0] != '$') return;
    if (std::optional<std::string> variable = ReadVariable(node, value))
      objects_.push_back(ParsedObject{node, LabelStudioObject::kHeader, "", variable});
  }

  void WalkObject(pugi::xml_node node, LabelStudioObject tag, std::optional<std::size_t> control) {
    std::optional<std::string> name = ReadName(node);
    if (!name) return;
    if (control) controls_[*control].nested_names.push_back(*name);
    const std::string value = Attribute(node, "value").as_string();
    std::optional<std::string> variable;
    if (!value.empty() && value[0] == '$') {
      variable = ReadVariable(node, value);
      if (!variable) return;
    } else if (tag != LabelStudioObject::kText && tag != LabelStudioObject::kHyperText) {
      return reader_.Report(node, "value must be a $variable naming the task data to show, got " + Quoted(value));
    }
    objects_.push_back(ParsedObject{node, tag, *name, variable});
  }

  bool ReadControl(pugi::xml_node node, LabelStudioControl tag) {
    std::optional<std::string> name = ReadName(node);
    if (!name) return false;
    if (reader_.Bool(node, "perRegion").value_or(false) || reader_.Bool(node, "perItem").value_or(false)) {
      reader_.Report(node, "perRegion and perItem controls are not supported: Quorum's answers are per record");
      return false;
    }
    std::vector<std::string> to_names = SplitNames(Attribute(node, "toName").as_string());
    if (to_names.empty()) {
      reader_.Report(node, "missing toName (the name of the object tag it annotates)");
      return false;
    }
    controls_.push_back(ParsedControl{node, tag, *name, std::move(to_names), {}, {}});
    return true;
  }

  void AddOption(pugi::xml_node node, TagRole role, std::optional<std::size_t> control_index) {
    const bool is_choice = role == TagRole::kChoice;
    const LabelStudioControl expected = is_choice ? LabelStudioControl::kChoices : LabelStudioControl::kLabels;
    if (!control_index || controls_[*control_index].tag != expected)
      return reader_.Report(node, is_choice ? "<Choice> outside a <Choices>" : "<Label> outside a <Labels>");
    ParsedControl& control = controls_[*control_index];
    // Results carry the alias when there is one (Label Studio's Choice and Label models).
    std::string value = Attribute(node, "alias").as_string();
    if (value.empty()) value = Attribute(node, "value").as_string();
    if (value.empty()) return reader_.Report(node, "missing value");
    if (std::find(control.options.begin(), control.options.end(), value) != control.options.end())
      return reader_.Report(node, Quoted(value) + " appears twice in " + LabelConfigReader::TagSubject(control.node));
    control.options.push_back(std::move(value));
  }

  // The tag's name, checked present and unique among named tags.
  std::optional<std::string> ReadName(pugi::xml_node node) {
    std::string name = Attribute(node, "name").as_string();
    if (name.empty()) {
      reader_.Report(node, "missing name");
      return std::nullopt;
    }
    auto [first, inserted] = names_.emplace(name, node);
    if (!inserted) {
      reader_.Report(node, "duplicate name " + Quoted(name) + " (first used at " + reader_.LineColumn(first->second) + ")");
      return std::nullopt;
    }
    return name;
  }

  std::optional<std::string> ReadVariable(pugi::xml_node node, const std::string& value) {
    std::string variable = value.substr(1);
    const bool simple = !variable.empty() && std::all_of(variable.begin(), variable.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '_' || c == '-';
    });
    if (simple) return variable;
    reader_.Report(node, "value " + Quoted(value) + " is not a $variable (letters, digits, '_' and '-' after the '$')");
    return std::nullopt;
  }

  void AddField(const ParsedObject& object, LabelConfig& config) {
    if (!object.variable) return;  // static content: layout only
    ObjectBinding binding;
    binding.tag = object.tag;
    binding.name = object.name;
    binding.field = *object.variable;
    if (object.tag == LabelStudioObject::kParagraphs) {
      binding.name_key = Attribute(object.node, "nameKey").as_string("author");
      binding.text_key = Attribute(object.node, "textKey").as_string("text");
    }
    const FieldKind kind = KindOf(object.tag);
    if (const FieldSpec* existing = config.schema.FindField(binding.field)) {
      if (existing->kind != kind)
        reader_.Report(object.node, "$" + binding.field + " is shown as " + FieldKindName(existing->kind) +
                                        " by another tag; one data key has one kind");
    } else {
      // A List's title is what Label Studio shows above its items.
      std::string title = object.tag == LabelStudioObject::kList ? Attribute(object.node, "title").as_string() : "";
      config.schema.fields.push_back(FieldSpec{binding.field, title.empty() ? binding.field : title, kind, true});
    }
    if (!binding.name.empty()) config.objects.push_back(std::move(binding));
  }

  void AddQuestion(const ParsedControl& control, LabelConfig& config) {
    std::vector<const ParsedObject*> targets;
    for (const std::string& to_name : control.to_names) {
      const ParsedObject* target = FindObject(to_name);
      if (target == nullptr) reader_.Report(control.node, "toName " + Quoted(to_name) + " names no object tag" + KnownObjects());
      targets.push_back(target);
    }
    QuestionSpec question;
    ControlBinding binding;
    if (!BuildQuestion(control, targets, reader_, question, binding)) return;
    config.schema.questions.push_back(std::move(question));
    config.controls.push_back(std::move(binding));
  }

  const ParsedObject* FindObject(std::string_view name) const {
    for (const ParsedObject& object : objects_)
      if (!object.name.empty() && object.name == name) return &object;
    return nullptr;
  }

  std::string KnownObjects() const {
    std::vector<std::string> known;
    for (const ParsedObject& object : objects_)
      if (!object.name.empty()) known.push_back(object.name);
    return known.empty() ? " (the config has no object tags)" : " (known: " + JoinNames(known) + ")";
  }

  std::string_view xml_;
  std::string_view source_;
  LabelConfigReader reader_;
  std::vector<ParsedObject> objects_;
  std::vector<ParsedControl> controls_;
  std::map<std::string, pugi::xml_node> names_;
};

}  // namespace

Result<LabelConfig> ParseLabelConfig(std::string_view xml, std::string_view source) {
  return ConfigParser(xml, source).Parse();
}

}  // namespace quorum
