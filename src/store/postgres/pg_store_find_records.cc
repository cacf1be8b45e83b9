// PgStore::FindRecords: a filtered page of a project's records. The statement is composed
// from the fixed clauses in pg_sql.h, one per filter member that is set; every value is bound.
#include <array>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "store/postgres/pg_rows.h"
#include "store/postgres/pg_sql.h"
#include "store/postgres/pg_store.h"

namespace quorum::postgres {
namespace {

enum FindClause : unsigned {
  kByMetadata = 1u << 0,
  kByAnnotator = 1u << 1,
  kByStatus = 1u << 2,
  kUnanswered = 1u << 3,
  kAnswered = 1u << 4,
  kByText = 1u << 5,
  kClauseCombinations = 1u << 6,
};

// Appends `clause` with its "$%d" placeholders numbered from `next`.
void AppendNumbered(std::string& sql, const char* clause, int& next) {
  std::string text(clause);
  size_t at = 0;
  while ((at = text.find("$%d", at)) != std::string::npos) {
    std::string number = "$" + std::to_string(next++);
    text.replace(at, 3, number);
    at += number.size();
  }
  sql += text;
}

// The statement for a combination of clauses, built once: each is one prepared statement per
// connection (statements are keyed by the text's address).
const char* FindRecordsSql(unsigned clauses) {
  static const std::array<std::string, kClauseCombinations> kTexts = [] {
    std::array<std::string, kClauseCombinations> texts;
    for (unsigned mask = 0; mask < kClauseCombinations; ++mask) {
      std::string& sql = texts[mask];
      int next = 3;  // $1 project, $2 cursor
      sql = kFindRecordsSelect;
      if (mask & kByMetadata) AppendNumbered(sql, kFindRecordsWhereMetadata, next);
      if ((mask & kByAnnotator) && (mask & kByStatus)) {
        AppendNumbered(sql, kFindRecordsWhereAnnotatorStatus, next);
      } else if (mask & kByAnnotator) {
        AppendNumbered(sql, kFindRecordsWhereAnnotator, next);
      } else if (mask & kByStatus) {
        AppendNumbered(sql, kFindRecordsWhereStatus, next);
      }
      if (mask & kUnanswered) sql += kFindRecordsWhereUnanswered;
      if (mask & kAnswered) sql += kFindRecordsWhereAnswered;
      if (mask & kByText) AppendNumbered(sql, kFindRecordsWhereText, next);
      AppendNumbered(sql, kFindRecordsOrder, next);
    }
    return texts;
  }();
  return kTexts[clauses].c_str();
}

// An ILIKE pattern matching `text` anywhere in a JSON document: the needle as it appears inside
// a JSON string (a quote as \", a newline as \n), with %, _ and the escape character escaped.
std::string ContainsPattern(std::string_view text) {
  std::string json = nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string_view inner = std::string_view(json).substr(1, json.size() - 2);
  std::string pattern = "%";
  for (char c : inner) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace

// Only the project and the cursor use an index (records_project_id); the other clauses are
// checked row by row in id order until the page is full, as on SQLite.
Result<std::vector<Record>> PgStore::FindRecords(const RecordFilter& filter) {
  if (filter.limit < 1 || filter.limit > 1000)
    return MakeError(ErrorCode::kInvalid, "limit must be between 1 and 1000, not " + std::to_string(filter.limit));
  if (filter.metadata_key.has_value() != filter.metadata_value.has_value())
    return MakeError(ErrorCode::kInvalid, "a metadata filter needs both a key and a value");
  unsigned clauses = 0;
  Params params;
  params.Int(filter.project_id).Int(filter.after_id);
  if (filter.metadata_key) {
    nlohmann::json value = nlohmann::json::parse(*filter.metadata_value, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded())
      return MakeError(ErrorCode::kInvalid, "metadata value for '" + *filter.metadata_key + "' is not JSON");
    // PostgreSQL parses the value again: hand it a text its JSON parser surely accepts.
    params.Text(*filter.metadata_key).Text(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    clauses |= kByMetadata;
  }
  if (filter.annotator_id) {
    params.Int(*filter.annotator_id);
    clauses |= kByAnnotator;
  }
  if (filter.response_status) {
    params.Text(ResponseStatusName(*filter.response_status));
    clauses |= kByStatus;
  }
  if (filter.unanswered) clauses |= *filter.unanswered ? kUnanswered : kAnswered;
  if (filter.text) {
    params.Text(ContainsPattern(*filter.text));
    clauses |= kByText;
  }
  params.Int(filter.limit);
  QUORUM_ASSIGN_OR_RETURN(PgResult result, Exec(FindRecordsSql(clauses), params));
  return ReadAll<Record>(result, ReadRecord);
}

}  // namespace quorum::postgres
