// The per-kind answer checks behind ValidateAnswer (internal to src/core). Each takes a value
// that is not empty (see IsEmptyAnswer) and returns the reasons it is not a valid answer to
// `question`; an empty result means valid. Reasons do not repeat the question's name: the
// caller puts it in Problem.subject.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/schema.h"

namespace quorum {

// kLabel, kMultiLabel, kRating, kText.
std::vector<std::string> CheckLabelAnswer(const QuestionSpec& question, const nlohmann::json& value);
std::vector<std::string> CheckMultiLabelAnswer(const QuestionSpec& question, const nlohmann::json& value);
std::vector<std::string> CheckRatingAnswer(const QuestionSpec& question, const nlohmann::json& value);
std::vector<std::string> CheckTextAnswer(const QuestionSpec& question, const nlohmann::json& value);

// kRanking: a permutation of the options, or of the ids of record_fields[question.field] when
// the question ranks an item_list. kPreference: a value on the question's scale.
std::vector<std::string> CheckRankingAnswer(const QuestionSpec& question, const nlohmann::json& value,
                                            const nlohmann::json& record_fields);
std::vector<std::string> CheckPreferenceAnswer(const QuestionSpec& question, const nlohmann::json& value);

// kSpan: offsets in code points of record_fields[question.field], labels, overlap.
std::vector<std::string> CheckSpanAnswer(const QuestionSpec& question, const nlohmann::json& value,
                                         const nlohmann::json& record_fields);

}  // namespace quorum
