#include "schema/label_config_tags.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace quorum {
namespace {

struct TagEntry {
  std::string_view name;  // lower case
  TagInfo info;
};

TagInfo Object(LabelStudioObject object) { return {TagRole::kObject, object, {}, {}}; }
TagInfo Control(LabelStudioControl control) { return {TagRole::kControl, {}, control, {}}; }
TagInfo Role(TagRole role) { return {role, {}, {}, {}}; }
TagInfo Unsupported(std::string_view reason) { return {TagRole::kUnsupported, {}, {}, reason}; }

constexpr std::string_view kMedia =
    "is not supported: Quorum annotates text, conversations and images as a whole (no audio, video or time series)";
constexpr std::string_view kRegions =
    "is not supported: Quorum's spans are Labels on a Text; it has no image, audio or HTML regions";
constexpr std::string_view kTaxonomy = "is not supported: use Choices (choice=\"multiple\") for a flat set of labels";

const std::array<TagEntry, 44>& Table() {
  static const std::array<TagEntry, 44> table = {{
      {"view", Role(TagRole::kLayout)},
      {"collapse", Role(TagRole::kLayout)},
      {"panel", Role(TagRole::kLayout)},
      {"header", Role(TagRole::kHeader)},
      {"style", Role(TagRole::kIgnored)},
      {"filter", Role(TagRole::kIgnored)},
      {"shortcut", Role(TagRole::kIgnored)},
      {"text", Object(LabelStudioObject::kText)},
      {"hypertext", Object(LabelStudioObject::kHyperText)},
      {"paragraphs", Object(LabelStudioObject::kParagraphs)},
      {"image", Object(LabelStudioObject::kImage)},
      {"list", Object(LabelStudioObject::kList)},
      {"choices", Control(LabelStudioControl::kChoices)},
      {"rating", Control(LabelStudioControl::kRating)},
      {"number", Control(LabelStudioControl::kNumber)},
      {"textarea", Control(LabelStudioControl::kTextArea)},
      {"labels", Control(LabelStudioControl::kLabels)},
      {"pairwise", Control(LabelStudioControl::kPairwise)},
      // Not a Label Studio tag, but configs in circulation use it for Pairwise (seeds/000).
      {"pairwisecomparison", Control(LabelStudioControl::kPairwise)},
      {"ranker", Control(LabelStudioControl::kRanker)},
      {"choice", Role(TagRole::kChoice)},
      {"label", Role(TagRole::kLabel)},
      {"bucket", Unsupported("is not supported: a Quorum ranking orders every item of the List; it does not sort "
                             "items into buckets (use a Ranker without Buckets)")},
      {"audio", Unsupported(kMedia)},
      {"audioplus", Unsupported(kMedia)},
      {"video", Unsupported(kMedia)},
      {"timeseries", Unsupported(kMedia)},
      {"rectanglelabels", Unsupported(kRegions)},
      {"rectangle", Unsupported(kRegions)},
      {"polygonlabels", Unsupported(kRegions)},
      {"polygon", Unsupported(kRegions)},
      {"keypointlabels", Unsupported(kRegions)},
      {"keypoint", Unsupported(kRegions)},
      {"brushlabels", Unsupported(kRegions)},
      {"brush", Unsupported(kRegions)},
      {"ellipselabels", Unsupported(kRegions)},
      {"hypertextlabels", Unsupported(kRegions)},
      {"paragraphlabels", Unsupported(kRegions)},
      {"timeserieslabels", Unsupported(kRegions)},
      {"relations", Unsupported("is not supported: Quorum's spans carry no relations")},
      {"relation", Unsupported("is not supported: Quorum's spans carry no relations")},
      {"taxonomy", Unsupported(kTaxonomy)},
      {"datetime", Unsupported("is not supported: Quorum has no date questions")},
      {"table", Unsupported("is not supported: show key/value data as Text")},
  }};
  return table;
}

}  // namespace

TagInfo LookUpTag(std::string_view tag) {
  std::string lower(tag);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const TagEntry& entry : Table())
    if (entry.name == lower) return entry.info;
  return Role(TagRole::kUnknown);
}

const char* LabelStudioResultType(LabelStudioControl control) {
  switch (control) {
    case LabelStudioControl::kChoices: return "choices";
    case LabelStudioControl::kRating: return "rating";
    case LabelStudioControl::kNumber: return "number";
    case LabelStudioControl::kTextArea: return "textarea";
    case LabelStudioControl::kLabels: return "labels";
    case LabelStudioControl::kPairwise: return "pairwise";
    case LabelStudioControl::kRanker: return "ranker";
  }
  return "";
}

const char* ObjectTagName(LabelStudioObject object) {
  switch (object) {
    case LabelStudioObject::kText: return "Text";
    case LabelStudioObject::kHyperText: return "HyperText";
    case LabelStudioObject::kParagraphs: return "Paragraphs";
    case LabelStudioObject::kImage: return "Image";
    case LabelStudioObject::kList: return "List";
    case LabelStudioObject::kHeader: return "Header";
  }
  return "";
}

}  // namespace quorum
