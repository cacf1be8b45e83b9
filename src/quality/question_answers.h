// QuestionAnswers: everything src/quality needs to know about one question of a project, in
// memory: its spec, every submitted answer as a code, what each code means, and per item the
// gold answer and the suggestion (as codes of the same dictionary, so "equal answers" is
// "equal codes"). io/answer_table.h fills these from the store; tests build them directly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/schema.h"
#include "quality/coded_answers.h"
#include "quality/scale.h"
#include "quality/span_agreement.h"

namespace quorum {

inline constexpr int32_t kNoCode = -1;

struct QuestionAnswers {
  QuestionSpec question;
  CodedAnswers answers;  // items are the project's records, in the same order for every question

  // What a code stands for, by question kind (the other members stay empty):
  Scale scale;                                         // label, rating, preference: code = scale position
  std::vector<std::vector<int32_t>> label_sets;        // multi_label: sorted label indices
  std::vector<std::vector<LabelledSpan>> span_lists;   // span: sorted spans
  std::vector<std::vector<int32_t>> rankings;          // ranking: option indices, best first
  // ranking of an item_list field (question.field set): what the indices in `rankings` stand
  // for, item ids in order of first appearance; records bring different items, so the indices
  // are the project's, and two answers to one record rank the same ones.
  std::vector<std::string> ranked_items;
  // text: codes only tell equal texts apart; the texts are not kept.

  std::vector<int32_t> gold;         // per item: the gold answer's code, or kNoCode
  std::vector<int32_t> suggestions;  // per item: the (first) suggestion's code, or kNoCode
};

// Whether the question's codes are positions on a Scale (label, rating, preference).
bool IsScaled(const QuestionSpec& question);

// The answer a code stands for, as the JSON an API returns: a label, a rating number, a
// preference option name ("tie") or five-point integer, a label list, a span list
// ([{"start","end","label"}]) or an option (or item id) list. null for text (not kept) and for kNoCode.
nlohmann::json AnswerJson(const QuestionAnswers& answers, int32_t code);

}  // namespace quorum
