// The native JSON schema document. Reading goes entry by entry through a JsonReader, so one
// pass reports every wrong key and type; ValidateSchema then adds the semantic problems of
// entries that were read cleanly (a broken entry would only produce echoes of its first error).
#include "schema/schema_json.h"

#include <cmath>
#include <set>

#include "core/problem_text.h"
#include "core/validation.h"
#include "schema/json_reader.h"
#include "schema/label_config.h"

namespace quorum {
namespace {

using nlohmann::json;

const std::vector<std::string_view> kFieldKeys = {"name", "title", "kind", "required"};
const std::vector<std::string_view> kQuestionCommonKeys = {"name", "title", "description", "kind", "required"};
const std::vector<std::string_view> kQuestionKindKeys = {"labels", "values", "field", "allow_overlap", "options",
                                                         "scale"};
const std::vector<std::string_view> kMetadataCommonKeys = {"name", "title", "kind"};
const std::vector<std::string_view> kMetadataKindKeys = {"terms", "min", "max"};
const std::vector<std::string_view> kSchemaKeys = {"fields", "questions", "metadata", "label_config"};
const std::vector<std::string_view> kDefinitionOnlyKeys = {"guidelines", "settings"};

// The kind-specific keys a question of `kind` carries (and SchemaToJson writes).
std::vector<std::string_view> QuestionKeysFor(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::kLabel:
    case QuestionKind::kMultiLabel: return {"labels"};
    case QuestionKind::kSpan: return {"labels", "field", "allow_overlap"};
    case QuestionKind::kRating: return {"values"};
    case QuestionKind::kText: return {};
    case QuestionKind::kRanking: return {"options", "field"};  // one or the other (see QuestionToJson)
    case QuestionKind::kPreference: return {"options", "scale"};
  }
  return {};
}

std::vector<std::string_view> MetadataKeysFor(MetadataKind kind) {
  if (kind == MetadataKind::kTerms) return {"terms"};
  return {"min", "max"};
}

std::vector<std::string_view> Concat(std::vector<std::string_view> head, const std::vector<std::string_view>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

// Integral values are written as JSON integers so that rating scales read "1", not "1.0".
json NumberToJson(double value) {
  constexpr double kExactIntegerLimit = 9007199254740992.0;  // 2^53
  if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < kExactIntegerLimit)
    return json(static_cast<int64_t>(value));
  return json(value);
}

json StringsToJson(const std::vector<std::string>& strings) {
  json out = json::array();
  for (const std::string& text : strings) out.push_back(text);
  return out;
}

json FieldToJson(const FieldSpec& field) {
  return json{{"name", field.name}, {"title", field.title}, {"kind", FieldKindName(field.kind)},
              {"required", field.required}};
}

json QuestionToJson(const QuestionSpec& question) {
  json out{{"name", question.name},
           {"title", question.title},
           {"description", question.description},
           {"kind", QuestionKindName(question.kind)},
           {"required", question.required}};
  const bool ranks_items = question.kind == QuestionKind::kRanking && !question.field.empty();
  for (std::string_view key : QuestionKeysFor(question.kind)) {
    // A ranking writes the one of options / field it uses.
    if (question.kind == QuestionKind::kRanking && (key == "options") == ranks_items) continue;
    if (key == "labels") out["labels"] = StringsToJson(question.labels);
    if (key == "field") out["field"] = question.field;
    if (key == "allow_overlap") out["allow_overlap"] = question.allow_overlap;
    if (key == "options") out["options"] = StringsToJson(question.options);
    if (key == "scale") out["scale"] = PreferenceScaleName(question.scale);
    if (key == "values") {
      json values = json::array();
      for (double value : question.values) values.push_back(NumberToJson(value));
      out["values"] = std::move(values);
    }
  }
  return out;
}

json MetadataToJson(const MetadataProperty& property) {
  json out{{"name", property.name}, {"title", property.title}, {"kind", MetadataKindName(property.kind)}};
  if (property.kind == MetadataKind::kTerms) {
    out["terms"] = StringsToJson(property.terms);
  } else {
    if (property.min) out["min"] = NumberToJson(*property.min);
    if (property.max) out["max"] = NumberToJson(*property.max);
  }
  return out;
}

// Reads one schema document. Entries that are not objects still take a (default) place in the
// schema so that indices in ValidateSchema's subjects match the document's.
class SchemaReader {
 public:
  explicit SchemaReader(std::string_view source) : reader_(source) {}

  JsonReader& reader() { return reader_; }

  // Reads the schema keys of `document` (an object); the caller has checked its other keys.
  Schema Read(const json& document) {
    Schema schema;
    if (const json* fields = reader_.Array(document, "", "fields")) {
      for (std::size_t index = 0; index < fields->size(); ++index)
        schema.fields.push_back(ReadField((*fields)[index], JsonReader::Index("fields", index)));
    }
    std::size_t before = reader_.problem_count();
    if (const json* questions = reader_.Array(document, "", "questions", /*required=*/true)) {
      for (std::size_t index = 0; index < questions->size(); ++index)
        schema.questions.push_back(ReadQuestion((*questions)[index], JsonReader::Index("questions", index)));
    }
    // A missing or mistyped "questions" already said so; "the schema asks no questions" would repeat it.
    if (reader_.problem_count() != before && schema.questions.empty()) broken_subjects_.insert("");
    if (const json* metadata = reader_.Array(document, "", "metadata")) {
      for (std::size_t index = 0; index < metadata->size(); ++index)
        schema.metadata.push_back(ReadMetadata((*metadata)[index], JsonReader::Index("metadata", index)));
    }
    if (auto label_config = reader_.String(document, "", "label_config")) schema.label_config = *label_config;
    return schema;
  }

  // ValidateSchema's problems, leaving out those about entries that already have a problem;
  // then, for a schema read cleanly, whether its Label Studio config still declares it.
  void AddSemanticProblems(const Schema& schema) {
    for (Problem& problem : ValidateSchema(schema)) {
      if (broken_subjects_.count(problem.subject) != 0) continue;
      reader_.Report(std::move(problem.subject), std::move(problem.reason));
    }
    if (reader_.problem_count() != 0 || schema.label_config.empty()) return;
    Result<LabelConfig> config = LabelConfigOf(schema);
    if (config.ok()) return;
    for (const Problem& problem : config.error().problems) reader_.Report("label_config", problem.ToString());
  }

 private:
  // Whether reading an entry reported anything; if so its ValidateSchema problems are dropped.
  void MarkIfBroken(std::size_t problems_before, std::string subject, std::string path) {
    if (reader_.problem_count() == problems_before) return;
    broken_subjects_.insert(std::move(subject));
    broken_subjects_.insert(std::move(path));
  }

  bool IsObject(const json& entry, const std::string& path) {
    if (entry.is_object()) return true;
    reader_.Report(path, ExpectedGot("an object", entry));
    return false;
  }

  FieldSpec ReadField(const json& entry, const std::string& path) {
    FieldSpec field;
    std::size_t before = reader_.problem_count();
    if (IsObject(entry, path)) {
      reader_.CheckKeys(entry, path, kFieldKeys);
      if (auto name = reader_.String(entry, path, "name", true)) field.name = *name;
      field.title = reader_.String(entry, path, "title").value_or(field.name);
      if (auto kind = reader_.String(entry, path, "kind", true)) {
        if (auto parsed = ParseFieldKind(*kind)) field.kind = *parsed;
        else reader_.Report(JsonReader::Member(path, "kind"), "unknown field kind " + Quoted(*kind) +
                                                                  " (known: text, markdown, chat, image_url, item_list)");
      }
      if (auto required = reader_.Bool(entry, path, "required")) field.required = *required;
    }
    MarkIfBroken(before, FieldSubject(field.name), path);
    return field;
  }

  QuestionSpec ReadQuestion(const json& entry, const std::string& path) {
    QuestionSpec question;
    std::size_t before = reader_.problem_count();
    if (IsObject(entry, path)) {
      if (auto name = reader_.String(entry, path, "name", true)) question.name = *name;
      question.title = reader_.String(entry, path, "title").value_or(question.name);
      if (auto description = reader_.String(entry, path, "description")) question.description = *description;
      if (auto required = reader_.Bool(entry, path, "required")) question.required = *required;
      std::optional<QuestionKind> kind;
      if (auto kind_name = reader_.String(entry, path, "kind", true)) {
        kind = ParseQuestionKind(*kind_name);
        if (!kind)
          reader_.Report(JsonReader::Member(path, "kind"),
                         "unknown question kind " + Quoted(*kind_name) +
                             " (known: label, multi_label, rating, text, span, ranking, preference)");
      }
      if (kind) {
        question.kind = *kind;
        reader_.CheckKeys(entry, path, Concat(kQuestionCommonKeys, QuestionKeysFor(*kind)), kQuestionKindKeys,
                          std::string("does not apply to a ") + QuestionKindName(*kind) + " question");
        ReadQuestionKindKeys(entry, path, question);
      } else {
        reader_.CheckKeys(entry, path, Concat(kQuestionCommonKeys, kQuestionKindKeys));
      }
    }
    MarkIfBroken(before, QuestionSubject(question.name), path);
    return question;
  }

  // Only the keys of the question's kind are read; CheckKeys has reported the others.
  void ReadQuestionKindKeys(const json& entry, const std::string& path, QuestionSpec& question) {
    for (std::string_view key : QuestionKeysFor(question.kind)) {
      if (key == "labels") question.labels = reader_.StringArray(entry, path, key).value_or(question.labels);
      if (key == "values") question.values = reader_.NumberArray(entry, path, key).value_or(question.values);
      if (key == "field") question.field = reader_.String(entry, path, key).value_or(question.field);
      if (key == "allow_overlap") question.allow_overlap = reader_.Bool(entry, path, key).value_or(false);
      if (key == "options") question.options = reader_.StringArray(entry, path, key).value_or(question.options);
      if (key == "scale") {
        if (auto scale = reader_.String(entry, path, key)) {
          if (auto parsed = ParsePreferenceScale(*scale)) question.scale = *parsed;
          else reader_.Report(JsonReader::Member(path, key), "unknown preference scale " + Quoted(*scale) +
                                                                 " (known: binary, three_way, five_point)");
        }
      }
    }
  }

  MetadataProperty ReadMetadata(const json& entry, const std::string& path) {
    MetadataProperty property;
    std::size_t before = reader_.problem_count();
    if (IsObject(entry, path)) {
      if (auto name = reader_.String(entry, path, "name", true)) property.name = *name;
      property.title = reader_.String(entry, path, "title").value_or(property.name);
      std::optional<MetadataKind> kind;
      if (auto kind_name = reader_.String(entry, path, "kind", true)) {
        kind = ParseMetadataKind(*kind_name);
        if (!kind)
          reader_.Report(JsonReader::Member(path, "kind"),
                         "unknown metadata kind " + Quoted(*kind_name) + " (known: terms, integer, float)");
      }
      if (kind) {
        property.kind = *kind;
        reader_.CheckKeys(entry, path, Concat(kMetadataCommonKeys, MetadataKeysFor(*kind)), kMetadataKindKeys,
                          std::string("does not apply to a ") + MetadataKindName(*kind) + " property");
        if (*kind == MetadataKind::kTerms) {
          property.terms = reader_.StringArray(entry, path, "terms").value_or(property.terms);
        } else {
          property.min = reader_.Number(entry, path, "min");
          property.max = reader_.Number(entry, path, "max");
        }
      } else {
        reader_.CheckKeys(entry, path, Concat(kMetadataCommonKeys, kMetadataKindKeys));
      }
    }
    MarkIfBroken(before, MetadataSubject(property.name), path);
    return property;
  }

  JsonReader reader_;
  std::set<std::string> broken_subjects_;
};

Error InvalidSchema(std::vector<Problem> problems) {
  return RefusedWhole("invalid schema", std::move(problems));
}

// The shared reading of a schema or a whole definition; `definition_keys` allows guidelines
// and settings.
Result<ProjectDefinition> ReadDocument(const json& document, std::string_view source, bool definition_keys) {
  SchemaReader schema_reader(source);
  JsonReader& reader = schema_reader.reader();
  if (!document.is_object()) {
    reader.Report("", ExpectedGot("a JSON object", document));
    return InvalidSchema(reader.TakeProblems());
  }
  ProjectDefinition definition;
  if (definition_keys) {
    reader.CheckKeys(document, "", Concat(kSchemaKeys, kDefinitionOnlyKeys));
    if (auto guidelines = reader.String(document, "", "guidelines")) definition.guidelines = *guidelines;
    if (auto it = document.find("settings"); it != document.end()) {
      if (it->is_object()) definition.settings = *it;
      else reader.Report("settings", ExpectedGot("an object", *it));
    }
  } else {
    reader.CheckKeys(document, "", kSchemaKeys, kDefinitionOnlyKeys,
                     "unknown key in a schema (guidelines and settings belong to a project definition)");
  }
  definition.schema = schema_reader.Read(document);
  schema_reader.AddSemanticProblems(definition.schema);
  if (reader.problem_count() != 0) return InvalidSchema(reader.TakeProblems());
  return definition;
}

}  // namespace

json SchemaToJson(const Schema& schema) {
  json fields = json::array();
  for (const FieldSpec& field : schema.fields) fields.push_back(FieldToJson(field));
  json questions = json::array();
  for (const QuestionSpec& question : schema.questions) questions.push_back(QuestionToJson(question));
  json metadata = json::array();
  for (const MetadataProperty& property : schema.metadata) metadata.push_back(MetadataToJson(property));
  json out{{"fields", std::move(fields)}, {"questions", std::move(questions)}, {"metadata", std::move(metadata)}};
  if (!schema.label_config.empty()) out["label_config"] = schema.label_config;
  return out;
}

Result<Schema> SchemaFromJson(const json& json_document, std::string_view source) {
  QUORUM_ASSIGN_OR_RETURN(ProjectDefinition definition, ReadDocument(json_document, source, false));
  return std::move(definition.schema);
}

Result<ProjectDefinition> ProjectDefinitionFromJson(const json& json_document, std::string_view source) {
  return ReadDocument(json_document, source, true);
}

json ProjectDefinitionToJson(const ProjectDefinition& definition) {
  json out = SchemaToJson(definition.schema);
  out["guidelines"] = definition.guidelines;
  out["settings"] = definition.settings.is_object() ? definition.settings : json::object();
  return out;
}

}  // namespace quorum
