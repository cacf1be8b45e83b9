// The pieces problem messages are built from, shared by every validator (and src/schema) so that
// all messages quote, list and print numbers the same way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace quorum {

// `text` in single quotes: 'maybe'. Text longer than 60 bytes is cut on a code point boundary
// and ends with "..." (a record may hold a megabyte data: URL; a message must not).
std::string Quoted(std::string_view text);

// The names joined by ", ", unquoted: "yes, no".
std::string JoinNames(const std::vector<std::string>& names);

// The shortest text that reads back as `value`: 1, 2.5, -0.25, 1e+300; "NaN", "inf", "-inf".
std::string FormatNumber(double value);

// Numbers joined by ", ": "1, 2, 3".
std::string JoinNumbers(const std::vector<double>& values);

// A JSON value as a message shows it: strings quoted (see Quoted), numbers and booleans as
// written, null as "null", arrays and objects by their type ("an array", "an object").
std::string DescribeValue(const nlohmann::json& value);

// "expected <what>, got <JSON type>", e.g. "expected a string, got number".
std::string ExpectedGot(std::string_view what, const nlohmann::json& value);

// Subjects naming one part of a schema: "field 'prompt'", "question 'choice'",
// "metadata 'model_a'".
std::string FieldSubject(std::string_view name);
std::string QuestionSubject(std::string_view name);
std::string MetadataSubject(std::string_view name);

// The subject of a schema entry that has no name: its JSON path, "questions[2]".
std::string UnnamedSubject(std::string_view list, std::size_t index);

}  // namespace quorum
