#include "quality/coded_answers.h"

#include <algorithm>

namespace quorum {

CodedAnswers CodedAnswersFromMatrix(const std::vector<std::vector<int32_t>>& rows, int32_t code_count) {
  int32_t annotator_count = 0;
  for (const std::vector<int32_t>& row : rows)
    annotator_count = std::max(annotator_count, static_cast<int32_t>(row.size()));
  CodedAnswers answers(annotator_count, code_count);
  for (const std::vector<int32_t>& row : rows) {
    answers.StartItem();
    for (size_t annotator = 0; annotator < row.size(); ++annotator)
      if (row[annotator] >= 0) answers.Add(static_cast<int32_t>(annotator), row[annotator]);
  }
  return answers;
}

}  // namespace quorum
