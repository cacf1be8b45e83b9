// What the Label Studio config parser passes between its stages (internal to src/schema): the
// tags collected by the walk, and a reader that locates tags ("SOURCE:LINE:COLUMN"), reads
// typed attributes and collects problems.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/result.h"
#include "schema/label_config.h"

namespace quorum {

// An object tag found by the walk.
struct ParsedObject {
  pugi::xml_node node;
  LabelStudioObject tag = LabelStudioObject::kText;
  std::string name;                     // empty for a Header
  std::optional<std::string> variable;  // the $variable, without the '$', when the value is one
};

// A control tag found by the walk, with its Choice / Label values.
struct ParsedControl {
  pugi::xml_node node;
  LabelStudioControl tag = LabelStudioControl::kChoices;
  std::string name;
  std::vector<std::string> to_names;      // toName split at commas, trimmed
  std::vector<std::string> options;       // Choice / Label values (the alias when given), in order
  std::vector<std::string> nested_names;  // names of the object tags inside it (Pairwise)
};

// The attribute named `name`, compared without regard to case as Label Studio does
// (toName, toname and TONAME are one attribute); an empty attribute when there is none.
pugi::xml_attribute Attribute(pugi::xml_node node, std::string_view name);

class LabelConfigReader {
 public:
  // `xml` must outlive the reader; `source` names it in locations.
  LabelConfigReader(std::string_view xml, std::string_view source) : xml_(xml), source_(source) {}

  // "SOURCE:LINE:COLUMN" of byte `offset` (clamped to the text); columns count code points.
  std::string LocationAt(std::ptrdiff_t offset) const;
  // The location of the tag's '<', and the same without the source ("12:3").
  std::string Location(pugi::xml_node node) const;
  std::string LineColumn(pugi::xml_node node) const;
  // `<Choices name="x">`, or `<View>` for a tag without a name.
  static std::string TagSubject(pugi::xml_node node);

  void Report(pugi::xml_node node, std::string reason);
  void ReportAt(std::string location, std::string reason, std::string subject = {}) {
    problems_.push_back(Problem{std::move(location), std::move(subject), std::move(reason)});
  }
  bool has_problems() const { return !problems_.empty(); }
  std::vector<Problem> TakeProblems() { return std::move(problems_); }

  // Typed attributes: nullopt when absent; reported (and nullopt) when malformed.
  // Booleans are "true" / "false" in any case; numbers are finite decimals.
  std::optional<bool> Bool(pugi::xml_node node, const char* attribute);
  std::optional<double> Number(pugi::xml_node node, const char* attribute);

 private:
  std::string_view xml_;
  std::string source_;
  std::vector<Problem> problems_;
};

// The question a control asks and its binding, built from the control and the objects its
// toName names (same order as `to_names`; nullptr where a name names nothing, already
// reported). Reports what is wrong with the control and returns false then.
bool BuildQuestion(const ParsedControl& control, const std::vector<const ParsedObject*>& targets,
                   LabelConfigReader& reader, QuestionSpec& question, ControlBinding& binding);

}  // namespace quorum
