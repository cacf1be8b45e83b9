// Reads one question's answer out of a response's values JSON, streaming: a code on the
// question's scale (label, rating, preference), an order of options (ranking) or a text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "core/schema.h"
#include "quality/scale.h"

namespace quorum {

class AnswerReader {
 public:
  // `question` and `scale` (ScaleFor(question) for scaled kinds; empty otherwise) must outlive
  // the reader.
  AnswerReader(const QuestionSpec& question, const Scale& scale) : question_(question), scale_(scale) {}

  // The answer's code on the scale, or -1 when the response has no usable answer (absent, empty,
  // or a value the question does not allow). The codes of the first kKnownTexts distinct texts
  // are remembered: most responses to a scaled question repeat one of a few texts.
  int32_t Code(std::string_view values_json);
  // The ranking as option indices, best first; false when absent or not a full ranking.
  bool Ranking(std::string_view values_json, std::vector<int32_t>& order);
  // The text answer; false when absent, not a string, or only white space.
  bool Text(std::string_view values_json, std::string& text);

 private:
  static constexpr size_t kKnownTexts = 16;
  struct KnownText {
    std::string values_json;
    int32_t code;
  };

  // Code() without the memory of known texts.
  int32_t Parse(std::string_view values_json);
  // The question's value in `values_json`; false when the JSON does not parse or has no such key.
  bool Find(std::string_view values_json, simdjson::dom::element& value);

  const QuestionSpec& question_;
  const Scale& scale_;
  simdjson::dom::parser parser_;
  std::string buffer_;
  std::vector<KnownText> known_texts_;
};

}  // namespace quorum
