// The schema of a project: what each record shows (fields), what annotators are asked
// (questions) and which record facts can be filtered on (metadata properties). Plain data;
// parsing lives in src/schema, checking records and responses against it in validation.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quorum {

enum class FieldKind {
  kText,      // a JSON string, shown as plain text
  kMarkdown,  // a JSON string, rendered as sanitized markdown
  kChat,      // a JSON array of {"role": string, "content": string}
  kImageUrl,  // a JSON string holding an http(s) or data: URL
  kItemList,  // a JSON array of items to rank, each {"id": string or integer, "title"?: string,
              // "body"?: string, "html"?: string}, ids distinct (Label Studio's <List> data)
};

struct FieldSpec {
  std::string name;   // key in the record's "fields" object; unique in the schema
  std::string title;  // what the UI shows; defaults to name
  FieldKind kind = FieldKind::kText;
  bool required = true;  // a record without it is refused
};

enum class QuestionKind {
  kLabel,       // value: one string of `labels`
  kMultiLabel,  // value: array of distinct strings of `labels` (at least one)
  kRating,      // value: a number in `values`
  kText,        // value: a string (non-empty when required)
  kSpan,        // value: array of {"start": int, "end": int, "label": string} over `field`
  kRanking,     // value: array holding each of `options` exactly once, best first; or, when the
                // question ranks an item_list `field`, each of that record's item ids once
  kPreference,  // value: see PreferenceScale
};

// How a preference question is answered. `options` names the compared response fields;
// the first is "A", the second "B".
enum class PreferenceScale {
  kBinary,     // value: the name of the preferred option
  kThreeWay,   // value: the name of the preferred option, or "tie"
  kFivePoint,  // exactly two options; value: an integer -2..2: -2 A much better, -1 A slightly
               // better, 0 tie, 1 B slightly better, 2 B much better
};

struct QuestionSpec {
  std::string name;   // key in a response's "values"; unique in the schema
  std::string title;  // what the UI shows; defaults to name
  std::string description;
  QuestionKind kind = QuestionKind::kLabel;
  bool required = false;

  std::vector<std::string> labels;  // kLabel, kMultiLabel, kSpan
  std::vector<double> values;       // kRating: the allowed values, in display order
  std::string field;                // kSpan: the text or markdown field the spans cover;
                                    // kRanking (instead of options): the item_list field ranked
  bool allow_overlap = false;       // kSpan: may two spans overlap?
  std::vector<std::string> options;  // kRanking, kPreference: names of compared fields (a
                                     // ranking has either options or an item_list field)
  PreferenceScale scale = PreferenceScale::kBinary;  // kPreference
};

enum class MetadataKind {
  kTerms,    // a string, optionally one of `terms`
  kInteger,  // an integer, optionally within [min, max]
  kFloat,    // a number, optionally within [min, max]
};

struct MetadataProperty {
  std::string name;
  std::string title;
  MetadataKind kind = MetadataKind::kTerms;
  std::vector<std::string> terms;  // kTerms: allowed values; empty means any string
  std::optional<double> min;       // kInteger, kFloat
  std::optional<double> max;
};

struct Schema {
  std::vector<FieldSpec> fields;
  std::vector<QuestionSpec> questions;
  std::vector<MetadataProperty> metadata;
  // The Label Studio XML config this schema was made from (schema/label_config.h), verbatim:
  // its layout is what the UI shows and its tag names are what Label Studio files use. Empty
  // for a schema written natively.
  std::string label_config;

  // The field / question / property named `name`, or nullptr. Pointers stay valid while the
  // schema is not modified.
  const FieldSpec* FindField(std::string_view name) const;
  const QuestionSpec* FindQuestion(std::string_view name) const;
  const MetadataProperty* FindMetadata(std::string_view name) const;
};

// Stable lower-case names used in JSON, SQL and the CLI ("text", "markdown", "chat",
// "image_url", "item_list"; "label", "multi_label", "rating", "text", "span", "ranking", "preference";
// "binary", "three_way", "five_point"; "terms", "integer", "float"). Parse* return nullopt for an
// unknown name.
const char* FieldKindName(FieldKind kind);
const char* QuestionKindName(QuestionKind kind);
const char* PreferenceScaleName(PreferenceScale scale);
const char* MetadataKindName(MetadataKind kind);
std::optional<FieldKind> ParseFieldKind(std::string_view name);
std::optional<QuestionKind> ParseQuestionKind(std::string_view name);
std::optional<PreferenceScale> ParsePreferenceScale(std::string_view name);
std::optional<MetadataKind> ParseMetadataKind(std::string_view name);

}  // namespace quorum
