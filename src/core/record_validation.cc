// ValidateRecordFields and ValidateMetadata: what an importer checks before a record is stored.
#include <cmath>
#include <algorithm>

#include "core/field_value.h"
#include "core/problem_text.h"
#include "core/validation.h"

namespace quorum {
namespace {


std::vector<std::string> CheckMetadataValue(const MetadataProperty& property, const nlohmann::json& value) {
  if (property.kind == MetadataKind::kTerms) {
    if (!value.is_string()) return {ExpectedGot("a string", value)};
    const std::string& term = value.get_ref<const std::string&>();
    if (!property.terms.empty() && std::find(property.terms.begin(), property.terms.end(), term) == property.terms.end())
      return {"term " + Quoted(term) + " is not one of: " + JoinNames(property.terms)};
    return {};
  }
  if (!value.is_number()) {
    return {ExpectedGot(property.kind == MetadataKind::kInteger ? "an integer" : "a number", value)};
  }
  const double number = value.get<double>();
  // 3.0 is accepted as an integer: JSON writers of some languages print every number that way.
  if (property.kind == MetadataKind::kInteger && std::floor(number) != number)
    return {"expected an integer, got " + DescribeValue(value)};
  if (property.min && number < *property.min)
    return {"value " + DescribeValue(value) + " is below the minimum " + FormatNumber(*property.min)};
  if (property.max && number > *property.max)
    return {"value " + DescribeValue(value) + " is above the maximum " + FormatNumber(*property.max)};
  return {};
}

}  // namespace

std::vector<Problem> ValidateRecordFields(const Schema& schema, const nlohmann::json& fields,
                                          std::string_view location) {
  if (!fields.is_object())
    return {Problem{std::string(location), "fields", ExpectedGot("an object of field values", fields)}};
  std::vector<Problem> problems;
  for (const FieldSpec& field : schema.fields) {
    auto it = fields.find(field.name);
    // null stands for "not given", so an optional field may be written as null.
    if (it == fields.end() || it->is_null()) {
      if (field.required) problems.push_back(Problem{std::string(location), FieldSubject(field.name), "missing required field"});
      continue;
    }
    for (std::string& reason : CheckFieldValue(field.kind, *it))
      problems.push_back(Problem{std::string(location), FieldSubject(field.name), std::move(reason)});
  }
  for (const auto& [name, value] : fields.items()) {
    if (schema.FindField(name) == nullptr)
      problems.push_back(Problem{std::string(location), "", "unknown field " + Quoted(name)});
  }
  return problems;
}

std::vector<Problem> ValidateMetadata(const Schema& schema, const nlohmann::json& metadata,
                                      std::string_view location) {
  if (metadata.is_null()) return {};
  if (!metadata.is_object())
    return {Problem{std::string(location), "metadata", ExpectedGot("an object", metadata)}};
  std::vector<Problem> problems;
  for (const MetadataProperty& property : schema.metadata) {
    auto it = metadata.find(property.name);
    if (it == metadata.end() || it->is_null()) continue;
    for (std::string& reason : CheckMetadataValue(property, *it))
      problems.push_back(Problem{std::string(location), MetadataSubject(property.name), std::move(reason)});
  }
  return problems;
}

}  // namespace quorum
