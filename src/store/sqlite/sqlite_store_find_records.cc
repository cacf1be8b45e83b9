// SqliteStore::FindRecords: a filtered page of a project's records. The statement is composed
// from the fixed clauses in sql.h, one per filter member that is set; every value is bound.
#include <array>
#include <string>

#include <nlohmann/json.hpp>

#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_rows.h"
#include "store/sqlite/sqlite_store.h"

namespace quorum::sqlite {
namespace {

// The optional clauses of a FindRecords statement, as bits of a mask.
enum FindClause : unsigned {
  kByMetadata = 1u << 0,
  kByAnnotator = 1u << 1,
  kByStatus = 1u << 2,
  kUnanswered = 1u << 3,
  kAnswered = 1u << 4,
  kByText = 1u << 5,
  kClauseCombinations = 1u << 6,
};

// The statement for a combination of clauses. The texts are built once and live as long as the
// program, so each combination is one statement in a connection's cache (keyed by address).
const char* FindRecordsSql(unsigned clauses) {
  static const std::array<std::string, kClauseCombinations> kTexts = [] {
    std::array<std::string, kClauseCombinations> texts;
    for (unsigned mask = 0; mask < kClauseCombinations; ++mask) {
      std::string& sql = texts[mask];
      sql = kFindRecordsSelect;
      if (mask & kByMetadata) sql += kFindRecordsWhereMetadata;
      if ((mask & kByAnnotator) && (mask & kByStatus)) {
        sql += kFindRecordsWhereAnnotatorStatus;
      } else if (mask & kByAnnotator) {
        sql += kFindRecordsWhereAnnotator;
      } else if (mask & kByStatus) {
        sql += kFindRecordsWhereStatus;
      }
      if (mask & kUnanswered) sql += kFindRecordsWhereUnanswered;
      if (mask & kAnswered) sql += kFindRecordsWhereAnswered;
      if (mask & kByText) sql += kFindRecordsWhereText;
      sql += kFindRecordsOrder;
    }
    return texts;
  }();
  return kTexts[clauses].c_str();
}

// A LIKE pattern matching `text` anywhere in a JSON document: the needle is written as it
// appears inside a JSON string (a quote as \", a newline as \n), then %, _ and the escape
// character itself are escaped so they match only themselves. LIKE ignores case for ASCII
// letters only.
std::string ContainsPattern(std::string_view text) {
  std::string json = nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string_view inner = std::string_view(json).substr(1, json.size() - 2);  // without the quotes
  std::string pattern = "%";
  for (char c : inner) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace

// Only the project and the cursor use an index (records_project_id); every other clause is
// checked row by row in id order until the page is full. Metadata and text search therefore
// scan the project when few records match: acceptable at today's sizes (a 100,000-record
// project is scanned in a fraction of a second), and the place for an index or FTS5 later.
Result<std::vector<Record>> SqliteStore::FindRecords(const RecordFilter& filter) {
  if (filter.limit < 1 || filter.limit > 1000)
    return MakeError(ErrorCode::kInvalid, "limit must be between 1 and 1000, not " + std::to_string(filter.limit));
  if (filter.metadata_key.has_value() != filter.metadata_value.has_value())
    return MakeError(ErrorCode::kInvalid, "a metadata filter needs both a key and a value");
  unsigned clauses = 0;
  std::string metadata_value, pattern;
  if (filter.metadata_key) {
    nlohmann::json value = nlohmann::json::parse(*filter.metadata_value, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded())
      return MakeError(ErrorCode::kInvalid, "metadata value for '" + *filter.metadata_key + "' is not JSON");
    // SQLite reads the value back: hand it a text its JSON parser surely accepts.
    metadata_value = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    clauses |= kByMetadata;
  }
  if (filter.annotator_id) clauses |= kByAnnotator;
  if (filter.response_status) clauses |= kByStatus;
  if (filter.unanswered) clauses |= *filter.unanswered ? kUnanswered : kAnswered;
  if (filter.text) {
    pattern = ContainsPattern(*filter.text);
    clauses |= kByText;
  }

  QUORUM_ASSIGN_OR_RETURN(Reading reading, Read());
  QUORUM_ASSIGN_OR_RETURN(Query query, reading.connection().Use(FindRecordsSql(clauses)));
  query.BindInt(filter.project_id).BindInt(filter.after_id);
  if (clauses & kByMetadata) query.BindText(*filter.metadata_key).BindText(metadata_value);
  if (clauses & kByAnnotator) query.BindInt(*filter.annotator_id);
  if (clauses & kByStatus) query.BindText(ResponseStatusName(*filter.response_status));
  if (clauses & kByText) query.BindText(pattern);
  query.BindInt(filter.limit);
  std::vector<Record> records;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(bool has_row, query.Step());
    if (!has_row) return records;
    QUORUM_ASSIGN_OR_RETURN(Record record, ReadRecord(query));
    records.push_back(std::move(record));
  }
}

}  // namespace quorum::sqlite
