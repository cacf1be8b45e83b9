#include "core/schema.h"

#include <algorithm>
#include <array>
#include <utility>

namespace quorum {
namespace {

template <class Spec>
const Spec* FindByName(const std::vector<Spec>& specs, std::string_view name) {
  auto it = std::find_if(specs.begin(), specs.end(), [&](const Spec& spec) { return spec.name == name; });
  return it == specs.end() ? nullptr : &*it;
}

// One table per enum keeps the names and the parsers in step.
template <class Enum, std::size_t N>
const char* NameOf(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
  for (const auto& [entry, name] : table)
    if (entry == value) return name;
  return "";
}

template <class Enum, std::size_t N>
std::optional<Enum> Parse(const std::array<std::pair<Enum, const char*>, N>& table, std::string_view name) {
  for (const auto& [entry, entry_name] : table)
    if (name == entry_name) return entry;
  return std::nullopt;
}

constexpr std::array<std::pair<FieldKind, const char*>, 5> kFieldKinds{{
    {FieldKind::kText, "text"},
    {FieldKind::kMarkdown, "markdown"},
    {FieldKind::kChat, "chat"},
    {FieldKind::kImageUrl, "image_url"},
    {FieldKind::kItemList, "item_list"},
}};
constexpr std::array<std::pair<QuestionKind, const char*>, 7> kQuestionKinds{{
    {QuestionKind::kLabel, "label"},
    {QuestionKind::kMultiLabel, "multi_label"},
    {QuestionKind::kRating, "rating"},
    {QuestionKind::kText, "text"},
    {QuestionKind::kSpan, "span"},
    {QuestionKind::kRanking, "ranking"},
    {QuestionKind::kPreference, "preference"},
}};
constexpr std::array<std::pair<PreferenceScale, const char*>, 3> kScales{{
    {PreferenceScale::kBinary, "binary"},
    {PreferenceScale::kThreeWay, "three_way"},
    {PreferenceScale::kFivePoint, "five_point"},
}};
constexpr std::array<std::pair<MetadataKind, const char*>, 3> kMetadataKinds{{
    {MetadataKind::kTerms, "terms"},
    {MetadataKind::kInteger, "integer"},
    {MetadataKind::kFloat, "float"},
}};

}  // namespace

const FieldSpec* Schema::FindField(std::string_view name) const { return FindByName(fields, name); }
const QuestionSpec* Schema::FindQuestion(std::string_view name) const { return FindByName(questions, name); }
const MetadataProperty* Schema::FindMetadata(std::string_view name) const { return FindByName(metadata, name); }

const char* FieldKindName(FieldKind kind) { return NameOf(kFieldKinds, kind); }
const char* QuestionKindName(QuestionKind kind) { return NameOf(kQuestionKinds, kind); }
const char* PreferenceScaleName(PreferenceScale scale) { return NameOf(kScales, scale); }
const char* MetadataKindName(MetadataKind kind) { return NameOf(kMetadataKinds, kind); }
std::optional<FieldKind> ParseFieldKind(std::string_view name) { return Parse(kFieldKinds, name); }
std::optional<QuestionKind> ParseQuestionKind(std::string_view name) { return Parse(kQuestionKinds, name); }
std::optional<PreferenceScale> ParsePreferenceScale(std::string_view name) { return Parse(kScales, name); }
std::optional<MetadataKind> ParseMetadataKind(std::string_view name) { return Parse(kMetadataKinds, name); }

}  // namespace quorum
