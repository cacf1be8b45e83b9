// The Label Studio tags the config parser knows, by role (internal to src/schema).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schema/label_config.h"

namespace quorum {

enum class TagRole {
  kLayout,       // View and its kin: children are walked, the tag itself binds nothing
  kHeader,       // Header: layout, unless its value is a $variable
  kIgnored,      // Style, Filter, Shortcut: skipped with everything inside
  kObject,       // shows task data
  kControl,      // asks a question
  kChoice,       // Choice inside Choices
  kLabel,        // Label inside Labels
  kUnsupported,  // a real Label Studio tag Quorum does not take; see `reason`
  kUnknown,
};

struct TagInfo {
  TagRole role = TagRole::kUnknown;
  LabelStudioObject object = LabelStudioObject::kText;      // kObject
  LabelStudioControl control = LabelStudioControl::kChoices;  // kControl
  std::string_view reason;                                   // kUnsupported
};

// What `tag` is. Tag names are matched without regard to case, as Label Studio does.
TagInfo LookUpTag(std::string_view tag);

// The canonical spelling of an object's tag ("Text", "Paragraphs").
const char* ObjectTagName(LabelStudioObject object);

}  // namespace quorum
