// Loading a project's answers into the in-memory tables src/quality works on: one streaming
// pass over the store (Store::ScanProject), every submitted answer coded once (simdjson, no
// nlohmann document per response), gold answers and suggestions coded into the same
// dictionaries, time per response, and the models a pairwise preference compares.
//
// Then, e.g.:  AgreementOf(table.questions[q], ...), AggregateQuestion(...),
//              ScoreAnnotators(table.questions, table.times_ms, ...)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/project.h"
#include "core/result.h"
#include "quality/question_answers.h"
#include "quality/report_json.h"
#include "store/store.h"

namespace quorum {

struct AnswerTableOptions {
  std::vector<std::string> questions;  // names to load; empty loads every question
  // Read the models behind a two-option preference's A and B (for Bradley-Terry) from these
  // metadata keys; only when such a question is loaded.
  bool with_models = false;
  std::string model_a_key = "model_a";
  std::string model_b_key = "model_b";
  size_t max_problems = 20;  // unreadable answers listed (all are counted)
  // Reviews: leave out the answers a reviewer rejected; with only_accepted, all but the accepted
  // ones. Left-out answers are counted in `skipped`. The quality reports read every answer.
  bool drop_rejected = false;
  bool only_accepted = false;
};

// Items are the project's records in id order, the same items for every question.
struct AnswerTable {
  int64_t project_id = 0;
  std::vector<int64_t> record_ids;   // item -> record id
  std::vector<QuestionAnswers> questions;  // the loaded questions, in schema order

  std::vector<int64_t> annotator_user_ids;  // annotator index -> user id (in order of first answer)
  std::vector<std::string> annotator_emails;
  std::vector<std::vector<int64_t>> times_ms;  // annotator -> time spent on each submitted response

  std::vector<std::string> models;  // model index -> name, from the metadata keys above
  std::vector<int32_t> model_a;     // item -> model index, -1 when the record names none (empty
                                    // unless with_models)
  std::vector<int32_t> model_b;

  int64_t submitted = 0;  // responses used
  int64_t skipped = 0;    // drafts, discarded responses and answers the reviews leave out (not used)
  int64_t unreadable = 0; // answers that could not be coded (e.g. a label since removed)
  std::vector<Problem> problems;  // the first few unreadable answers, located by record

  int64_t item_count() const { return static_cast<int64_t>(record_ids.size()); }
  std::string_view external_id(int64_t item) const {
    const size_t begin = item == 0 ? 0 : external_id_end_[static_cast<size_t>(item) - 1];
    return std::string_view(external_ids_).substr(begin, external_id_end_[static_cast<size_t>(item)] - begin);
  }
  const QuestionAnswers* Find(std::string_view name) const {
    for (const QuestionAnswers& question : questions)
      if (question.question.name == name) return &question;
    return nullptr;
  }

  // Appends an item's external id (the loader's business; public for tests that build tables).
  void AddExternalId(std::string_view id) {
    external_ids_.append(id);
    external_id_end_.push_back(external_ids_.size());
  }

 private:
  std::string external_ids_;            // every external id back to back
  std::vector<size_t> external_id_end_; // item -> end offset in external_ids_
};

// Reads the project once. Only submitted responses count; empty answers (IsEmptyAnswer) are
// not answers. An answer that does not fit the question (a value the schema no longer allows)
// is skipped and counted in `unreadable`. kInvalid when a named question does not exist; the
// store's errors otherwise. `project` must be the stored project (its schema decides the
// coding).
Result<AnswerTable> LoadAnswerTable(Store& store, const Project& project, const AnswerTableOptions& options = {});

// One answer graded against a gold record, exactly as the reports grade it: `values_json` (a
// submitted response's values) and `gold_json` (the record's gold answers) are coded by the
// LoadAnswerTable code path and compared by GoldAccuracyOf, question by question. `answered`
// counts the questions with a readable gold answer that the response answers (empty and
// unreadable answers do not count), `correct` those equal to the gold answer. Thread-safe.
GoldTally GradeAgainstGold(const Project& project, std::string_view gold_json, std::string_view values_json);

// Names for quality reports: annotators by email, records as {"record_id", "external_id"}.
// The result refers to `table`, which must outlive it.
ReportNames ReportNamesOf(const AnswerTable& table);

}  // namespace quorum
