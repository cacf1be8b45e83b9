#include "io/import_row.h"

#include <charconv>
#include <cmath>
#include <utility>

#include "core/clock.h"

namespace quorum {
namespace {

// Collects problems for one row, all at the same location.
class RowProblems {
 public:
  RowProblems(std::string_view location, std::vector<Problem>& problems) : location_(location), problems_(problems) {}
  void Add(std::string subject, std::string reason) {
    problems_.push_back(Problem{std::string(location_), std::move(subject), std::move(reason)});
  }

 private:
  std::string_view location_;
  std::vector<Problem>& problems_;
};

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

const char* TypeName(const nlohmann::json& value) { return value.type_name(); }

std::optional<int64_t> ReadTimestamp(const nlohmann::json& value, const std::string& subject, RowProblems& problems) {
  if (value.is_number_integer()) return value.get<int64_t>();
  if (value.is_string()) {
    if (auto ms = ParseTimestamp(value.get_ref<const std::string&>())) return ms;
    problems.Add(subject, "expected an ISO 8601 UTC time such as 2026-11-25T08:45:00.000Z, got " +
                              Quoted(value.get_ref<const std::string&>()));
    return std::nullopt;
  }
  problems.Add(subject, std::string("expected an ISO 8601 time string, got ") + TypeName(value));
  return std::nullopt;
}

std::optional<ResponseStatus> ReadStatus(const nlohmann::json& value, const std::string& subject,
                                         RowProblems& problems) {
  if (value.is_string()) {
    if (auto status = ParseResponseStatus(value.get_ref<const std::string&>())) return status;
  }
  problems.Add(subject, "status must be \"draft\", \"submitted\" or \"discarded\", got " + value.dump());
  return std::nullopt;
}

bool ReadExternalId(const nlohmann::json& value, ImportRow& row, RowProblems& problems) {
  if (value.is_string()) {
    row.external_id = value.get<std::string>();
  } else if (value.is_number_integer()) {
    row.external_id = value.dump();
  } else if (!value.is_null()) {
    problems.Add("id", std::string("expected a string or an integer, got ") + TypeName(value));
    return false;
  }
  return true;
}

void ReadPriority(const nlohmann::json& value, ImportRow& row, RowProblems& problems) {
  if (value.is_number() && std::isfinite(value.get<double>()))
    row.priority = value.get<double>();
  else
    problems.Add("priority", std::string("expected a number, got ") + TypeName(value));
}

void ReadObject(nlohmann::json&& value, const char* key, nlohmann::json& out, RowProblems& problems) {
  if (value.is_object())
    out = std::move(value);
  else if (!value.is_null())
    problems.Add(key, std::string("expected an object, got ") + TypeName(value));
}

void ReadSuggestions(nlohmann::json&& list, ImportRow& row, RowProblems& problems) {
  if (!list.is_array()) {
    problems.Add("suggestions", std::string("expected an array, got ") + TypeName(list));
    return;
  }
  for (std::size_t index = 0; index < list.size(); ++index) {
    nlohmann::json& item = list[index];
    const std::string subject = "suggestions[" + std::to_string(index) + "]";
    if (!item.is_object() || !item.contains("question") || !item["question"].is_string() || !item.contains("value")) {
      problems.Add(subject, "expected {\"question\": string, \"value\": ..., \"score\"?, \"agent\"?}");
      continue;
    }
    ImportedSuggestion suggestion;
    for (auto& [key, value] : item.items()) {
      if (key == "question") {
        suggestion.question = value.get<std::string>();
      } else if (key == "value") {
        suggestion.value = std::move(value);
      } else if (key == "score") {
        if (value.is_number())
          suggestion.score = value.get<double>();
        else if (!value.is_null())
          problems.Add(subject + ".score", std::string("expected a number, got ") + TypeName(value));
      } else if (key == "agent") {
        if (value.is_string())
          suggestion.agent = value.get<std::string>();
        else if (!value.is_null())
          problems.Add(subject + ".agent", std::string("expected a string, got ") + TypeName(value));
      } else {
        problems.Add(subject, "unknown key " + Quoted(key) + " (a suggestion has question, value, score, agent)");
      }
    }
    row.suggestions.push_back(std::move(suggestion));
  }
}

void ReadRevisions(nlohmann::json& list, const std::string& subject, ImportedResponse& response,
                   RowProblems& problems) {
  if (!list.is_array()) {
    problems.Add(subject, std::string("expected an array, got ") + TypeName(list));
    return;
  }
  for (std::size_t index = 0; index < list.size(); ++index) {
    nlohmann::json& item = list[index];
    const std::string item_subject = subject + "[" + std::to_string(index) + "]";
    if (!item.is_object() || !item.contains("user") || !item["user"].is_string() || !item.contains("at") ||
        !item.contains("status")) {
      problems.Add(item_subject, "expected {\"user\": email, \"at\": time, \"status\": ..., \"values\": {...}}");
      continue;
    }
    ImportedRevision revision;
    revision.user_email = item["user"].get<std::string>();
    if (auto at = ReadTimestamp(item["at"], item_subject + ".at", problems)) revision.at_ms = *at;
    if (auto status = ReadStatus(item["status"], item_subject + ".status", problems)) revision.status = *status;
    if (item.contains("values")) ReadObject(std::move(item["values"]), "values", revision.values, problems);
    response.revisions.push_back(std::move(revision));
  }
}

void ReadResponses(nlohmann::json&& list, ImportRow& row, RowProblems& problems) {
  if (!list.is_array()) {
    problems.Add("responses", std::string("expected an array, got ") + TypeName(list));
    return;
  }
  for (std::size_t index = 0; index < list.size(); ++index) {
    nlohmann::json& item = list[index];
    const std::string subject = "responses[" + std::to_string(index) + "]";
    if (!item.is_object() || !item.contains("user") || !item["user"].is_string()) {
      problems.Add(subject, "expected {\"user\": email, \"values\": {...}, \"status\": ...}");
      continue;
    }
    ImportedResponse response;
    for (auto& [key, value] : item.items()) {
      const std::string key_subject = subject + "." + key;
      if (key == "user") {
        response.user_email = value.get<std::string>();
      } else if (key == "values") {
        if (value.is_object())
          response.values = std::move(value);
        else
          problems.Add(key_subject, std::string("expected an object, got ") + TypeName(value));
      } else if (key == "status") {
        if (auto status = ReadStatus(value, key_subject, problems)) response.status = *status;
      } else if (key == "time_spent_ms") {
        if (value.is_number_integer() && value.get<int64_t>() >= 0)
          response.time_spent_ms = value.get<int64_t>();
        else
          problems.Add(key_subject, "expected a non-negative integer, got " + value.dump());
      } else if (key == "guideline_version") {
        if (value.is_number_integer() && value.get<int64_t>() >= 1 && value.get<int64_t>() < (1 << 30))
          response.guideline_version = value.get<int>();
        else
          problems.Add(key_subject, "expected a positive integer, got " + value.dump());
      } else if (key == "created_at") {
        response.created_at_ms = ReadTimestamp(value, key_subject, problems);
      } else if (key == "updated_at") {
        response.updated_at_ms = ReadTimestamp(value, key_subject, problems);
      } else if (key == "revisions") {
        ReadRevisions(value, key_subject, response, problems);
      } else {
        problems.Add(subject, "unknown key " + Quoted(key) +
                                  " (a response has user, values, status, time_spent_ms, guideline_version, "
                                  "created_at, updated_at, revisions)");
      }
    }
    row.responses.push_back(std::move(response));
  }
}

ImportRow MapNativeRow(nlohmann::json&& object, RowProblems& problems) {
  ImportRow row;
  for (auto& [key, value] : object.items()) {
    if (key == "id") {
      ReadExternalId(value, row, problems);
    } else if (key == "fields") {
      row.fields = std::move(value);
    } else if (key == "metadata") {
      ReadObject(std::move(value), "metadata", row.metadata, problems);
    } else if (key == "gold") {
      ReadObject(std::move(value), "gold", row.gold, problems);
    } else if (key == "priority") {
      ReadPriority(value, row, problems);
    } else if (key == "created_at") {
      row.created_at_ms = ReadTimestamp(value, "created_at", problems);
    } else if (key == "suggestions") {
      ReadSuggestions(std::move(value), row, problems);
    } else if (key == "responses") {
      ReadResponses(std::move(value), row, problems);
    } else {
      problems.Add(Quoted(key), "unknown key in a native row (it has id, fields, metadata, gold, priority, "
                                "created_at, suggestions, responses)");
    }
  }
  return row;
}

// Puts one flat (name, value) pair where the schema says it belongs.
void PlaceFlatValue(const Schema& schema, const std::string& key, nlohmann::json&& value, ImportRow& row,
                    RowProblems& problems) {
  if (key == "id" || key == "external_id") {
    ReadExternalId(value, row, problems);
  } else if (key == "priority") {
    ReadPriority(value, row, problems);
  } else if (schema.FindField(key) != nullptr) {
    row.fields[key] = std::move(value);
  } else if (schema.FindQuestion(key) != nullptr) {
    if (!value.is_null()) row.suggestions.push_back(ImportedSuggestion{key, std::move(value), std::nullopt,
                                                                       std::string(kImportAgent)});
  } else {
    row.metadata[key] = std::move(value);
  }
}

// Whether a question's CSV cell holds JSON rather than plain text.
bool QuestionCellIsJson(const QuestionSpec& question) {
  switch (question.kind) {
    case QuestionKind::kLabel:
    case QuestionKind::kText:
      return false;
    case QuestionKind::kPreference:
      return question.scale == PreferenceScale::kFivePoint;
    case QuestionKind::kRating:
    case QuestionKind::kMultiLabel:
    case QuestionKind::kSpan:
    case QuestionKind::kRanking:
      return true;
  }
  return false;
}

std::optional<nlohmann::json> ParseCellJson(const std::string& cell, const std::string& column,
                                            RowProblems& problems) {
  nlohmann::json parsed = nlohmann::json::parse(cell, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    problems.Add("column " + Quoted(column), "expected JSON in this cell, got " + Quoted(cell.substr(0, 80)));
    return std::nullopt;
  }
  return parsed;
}

std::optional<nlohmann::json> ParseCellNumber(const std::string& cell, bool integer, const std::string& column,
                                              RowProblems& problems) {
  const char* begin = cell.data();
  const char* end = cell.data() + cell.size();
  if (integer) {
    int64_t number = 0;
    auto [ptr, error] = std::from_chars(begin, end, number);
    if (error == std::errc() && ptr == end) return nlohmann::json(number);
  } else {
    double number = 0;
    auto [ptr, error] = std::from_chars(begin, end, number);
    if (error == std::errc() && ptr == end && std::isfinite(number)) return nlohmann::json(number);
  }
  problems.Add("column " + Quoted(column),
               std::string("expected ") + (integer ? "an integer" : "a number") + ", got " + Quoted(cell));
  return std::nullopt;
}

// Types a CSV cell by what the schema says its column holds.
std::optional<nlohmann::json> TypeCsvCell(const Schema& schema, const std::string& column, const std::string& cell,
                                          RowProblems& problems) {
  if (const FieldSpec* field = schema.FindField(column)) {
    if (field->kind == FieldKind::kChat || field->kind == FieldKind::kItemList) return ParseCellJson(cell, column, problems);
    return nlohmann::json(cell);
  }
  if (const QuestionSpec* question = schema.FindQuestion(column)) {
    if (QuestionCellIsJson(*question)) return ParseCellJson(cell, column, problems);
    return nlohmann::json(cell);
  }
  if (const MetadataProperty* property = schema.FindMetadata(column)) {
    if (property->kind == MetadataKind::kInteger) return ParseCellNumber(cell, true, column, problems);
    if (property->kind == MetadataKind::kFloat) return ParseCellNumber(cell, false, column, problems);
  }
  if (column == "priority") return ParseCellNumber(cell, false, column, problems);
  return nlohmann::json(cell);
}

}  // namespace

ImportRow MapJsonRow(const Schema& schema, nlohmann::json&& row, std::string_view location,
                     std::vector<Problem>& problems) {
  RowProblems row_problems(location, problems);
  if (!row.is_object()) {
    row_problems.Add("", std::string("expected a JSON object, got ") + TypeName(row));
    return {};
  }
  auto fields = row.find("fields");
  if (fields != row.end() && fields->is_object()) return MapNativeRow(std::move(row), row_problems);
  ImportRow mapped;
  for (auto& [key, value] : row.items()) {
    // The native row's structured keys mean the same in a flat JSON row, unless the schema
    // names a field, question or metadata property that way.
    const bool declared = schema.FindField(key) || schema.FindQuestion(key) || schema.FindMetadata(key);
    if (!declared && key == "suggestions") {
      ReadSuggestions(std::move(value), mapped, row_problems);
    } else if (!declared && key == "responses") {
      ReadResponses(std::move(value), mapped, row_problems);
    } else if (!declared && key == "gold") {
      ReadObject(std::move(value), "gold", mapped.gold, row_problems);
    } else if (!declared && key == "created_at") {
      mapped.created_at_ms = ReadTimestamp(value, "created_at", row_problems);
    } else {
      PlaceFlatValue(schema, key, std::move(value), mapped, row_problems);
    }
  }
  return mapped;
}

ImportRow MapCsvRow(const Schema& schema, const std::vector<std::string>& header,
                    const std::vector<std::string>& values, std::string_view location,
                    std::vector<Problem>& problems) {
  RowProblems row_problems(location, problems);
  ImportRow mapped;
  for (std::size_t column = 0; column < header.size() && column < values.size(); ++column) {
    if (values[column].empty()) continue;
    std::optional<nlohmann::json> typed = TypeCsvCell(schema, header[column], values[column], row_problems);
    if (typed) PlaceFlatValue(schema, header[column], std::move(*typed), mapped, row_problems);
  }
  return mapped;
}

}  // namespace quorum
