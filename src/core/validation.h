// Checking schemas, records and responses. Every check returns all the problems it finds
// (empty means valid), each naming where, what and why; none throws on bad input.
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/response.h"
#include "core/result.h"
#include "core/schema.h"

namespace quorum {

// The schema is self-consistent: names present and unique, question kinds have what they need
// (labels, rating values, span field naming a text/markdown field, options naming fields,
// five-point preferences comparing exactly two options, ...).
std::vector<Problem> ValidateSchema(const Schema& schema);

// The record's fields hold every required field of the schema with the right JSON type for its
// kind. Fields the schema does not declare are refused. `location` goes into each Problem
// (e.g. "data.jsonl:12" or "record ext-1").
std::vector<Problem> ValidateRecordFields(const Schema& schema, const nlohmann::json& fields,
                                          std::string_view location);

// Declared metadata properties have the declared type and range; undeclared keys are allowed.
std::vector<Problem> ValidateMetadata(const Schema& schema, const nlohmann::json& metadata,
                                      std::string_view location);

// One answer to one question: the value is of the question's shape (see QuestionKind).
// `record_fields` is needed for spans (their offsets are checked against the text, counted in
// Unicode code points). An empty answer (null, "", []) is reported as "no answer", except that
// [] is a valid span answer ("this text has no entities").
std::vector<Problem> ValidateAnswer(const QuestionSpec& question, const nlohmann::json& value,
                                    const nlohmann::json& record_fields, std::string_view location);

// Whether `value` counts as no answer to `question`: null, "" or [], and for a required text
// question a string of only whitespace. One exception: for a span question [] is an answer
// ("this text has no entities"), so a required span question can be submitted on a text
// without any. Everything that skips unanswered questions (required checks, agreement,
// aggregation, export) should use this one definition.
bool IsEmptyAnswer(const QuestionSpec& question, const nlohmann::json& value);

// A response's values: every key names a question, each answer is valid, and when `status` is
// kSubmitted every required question is answered. Drafts may be partial; discarded responses
// may be empty (but what they hold must still be valid).
std::vector<Problem> ValidateResponseValues(const Schema& schema, const nlohmann::json& values,
                                            ResponseStatus status, const nlohmann::json& record_fields,
                                            std::string_view location);

// Gold answers: each key names a question and each value is a valid answer to it.
std::vector<Problem> ValidateGold(const Schema& schema, const nlohmann::json& gold,
                                  const nlohmann::json& record_fields, std::string_view location);

}  // namespace quorum
