#include "io/importer.h"

#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "core/validation.h"
#include "io/csv_reader.h"
#include "io/import_row.h"
#include "io/json_convert.h"
#include "io/json_stream.h"
#include "io/json_text.h"
#include "io/labelstudio_task_reader.h"
#include "io/located_error.h"

namespace quorum {
namespace {

std::string Dump(const nlohmann::json& value) {
  std::string text;
  AppendJson(text, value);
  return text;
}

// Yields ImportRows from a JSON (lines or array) or CSV stream. A framing failure of the
// underlying reader ends the stream with an Error.
class RowReader {
 public:
  virtual ~RowReader() = default;
  // Reads the next row into `row`; false at the end. Row-level problems go to `problems`.
  virtual Result<bool> Next(ImportRow& row, std::string& location, std::vector<Problem>& problems) = 0;
};

// Maps one parsed JSON value to a row (MapJsonRow, MapLabelStudioTask).
using RowMapper = std::function<ImportRow(nlohmann::json&&, std::string_view, std::vector<Problem>&)>;

class JsonRowReader final : public RowReader {
 public:
  JsonRowReader(RowMapper mapper, std::unique_ptr<ByteSource> source, JsonFraming framing)
      : mapper_(std::move(mapper)), name_(source->name()), stream_(std::move(source), framing) {}

  Result<bool> Next(ImportRow& row, std::string& location, std::vector<Problem>& problems) override {
    QUORUM_ASSIGN_OR_RETURN(std::optional<JsonItem> item, stream_.Next());
    if (!item) return false;
    location = LineLocation(name_, item->line);
    simdjson::dom::element element;
    // The stream guarantees SIMDJSON_PADDING readable bytes after the item: parse in place.
    auto error = parser_.parse(item->text.data(), item->text.size(), false).get(element);
    if (error) {
      problems.push_back(Problem{location, "", std::string("invalid JSON: ") + simdjson::error_message(error)});
      row = ImportRow{};
      return true;
    }
    row = mapper_(ToNlohmann(element), location, problems);
    return true;
  }

 private:
  RowMapper mapper_;
  std::string name_;
  JsonStream stream_;
  simdjson::dom::parser parser_;
};

class CsvRowReader final : public RowReader {
 public:
  CsvRowReader(const Schema& schema, std::unique_ptr<ByteSource> source)
      : schema_(schema), name_(source->name()), reader_(std::move(source)) {}

  Result<bool> Next(ImportRow& row, std::string& location, std::vector<Problem>& problems) override {
    if (!header_read_) {
      QUORUM_ASSIGN_OR_RETURN(header_, reader_.ReadHeader());
      header_read_ = true;
    }
    QUORUM_ASSIGN_OR_RETURN(bool more, reader_.Next(csv_row_));
    if (!more) return false;
    location = LineLocation(name_, csv_row_.line);
    row = MapCsvRow(schema_, header_, csv_row_.values, location, problems);
    return true;
  }

 private:
  const Schema& schema_;
  std::string name_;
  CsvReader reader_;
  bool header_read_ = false;
  std::vector<std::string> header_;
  CsvRow csv_row_;
};

Result<std::unique_ptr<RowReader>> MakeRowReader(const Schema& schema, std::unique_ptr<ByteSource> source,
                                                 ImportFormat format) {
  RowMapper native = [&schema](nlohmann::json&& row, std::string_view location, std::vector<Problem>& problems) {
    return MapJsonRow(schema, std::move(row), location, problems);
  };
  std::unique_ptr<RowReader> reader;
  switch (format) {
    case ImportFormat::kJsonl: reader = std::make_unique<JsonRowReader>(native, std::move(source), JsonFraming::kLines); break;
    case ImportFormat::kJson: reader = std::make_unique<JsonRowReader>(native, std::move(source), JsonFraming::kArray); break;
    case ImportFormat::kCsv: reader = std::make_unique<CsvRowReader>(schema, std::move(source)); break;
    case ImportFormat::kLabelStudio: {
      QUORUM_ASSIGN_OR_RETURN(LabelConfig config, LabelConfigOf(schema));
      auto shared = std::make_shared<const LabelConfig>(std::move(config));
      RowMapper tasks = [shared](nlohmann::json&& task, std::string_view location, std::vector<Problem>& problems) {
        return MapLabelStudioTask(*shared, std::move(task), location, problems);
      };
      reader = std::make_unique<JsonRowReader>(std::move(tasks), std::move(source), JsonFraming::kArray);
      break;
    }
  }
  return reader;
}

// Validates rows and, while none has failed, writes them into the batch.
class ImportRun {
 public:
  ImportRun(const Project& project, ImportBatch& batch, const ImportOptions& options, const Clock& clock)
      : project_(project), batch_(batch), options_(options), clock_(clock) {}

  void Take(const ImportRow& row, const std::string& location, std::vector<Problem>& problems) {
    const Schema& schema = project_.schema;
    Append(problems, ValidateRecordFields(schema, row.fields, location));
    Append(problems, ValidateMetadata(schema, row.metadata, location));
    Append(problems, ValidateGold(schema, row.gold, row.fields, location));
    for (const ImportedSuggestion& suggestion : row.suggestions) {
      const QuestionSpec* question = schema.FindQuestion(suggestion.question);
      if (question == nullptr) {
        problems.push_back(Problem{location, "suggestion", "unknown question '" + suggestion.question + "'"});
        continue;
      }
      Append(problems, ValidateAnswer(*question, suggestion.value, row.fields, location));
    }
    for (const ImportedResponse& response : row.responses)
      Append(problems, ValidateResponseValues(schema, response.values, response.status, row.fields, location));
    std::vector<int64_t> user_ids = ResolveUsers(row, location, problems);
    if (!problems.empty()) failed_ = true;
    if (failed_) return;
    Write(row, user_ids, location, problems);
    if (!problems.empty()) failed_ = true;
  }

  // Stops writing: the import will be refused, so only validation goes on.
  void MarkFailed() { failed_ = true; }
  const ImportReport& report() const { return report_; }

 private:
  static void Append(std::vector<Problem>& into, std::vector<Problem>&& from) {
    for (Problem& problem : from) into.push_back(std::move(problem));
  }

  std::optional<int64_t> ResolveUser(const std::string& email, const std::string& location, const std::string& subject,
                                     std::vector<Problem>& problems) {
    if (auto known = user_ids_.find(email); known != user_ids_.end()) return known->second;
    Result<ResolvedUser> resolved = batch_.ResolveUser(email, options_.create_users);
    if (!resolved.ok()) {
      std::string reason = resolved.error().code == ErrorCode::kNotFound
                               ? "no user '" + email + "' (pass --create-users to create annotator accounts)"
                               : resolved.error().message;
      problems.push_back(Problem{location, subject, std::move(reason)});
      return std::nullopt;
    }
    if (resolved->created) ++report_.users_created;
    user_ids_.emplace(email, resolved->id);
    return resolved->id;
  }

  // One id per response followed by one per revision, in row order; 0 where unresolved.
  std::vector<int64_t> ResolveUsers(const ImportRow& row, const std::string& location, std::vector<Problem>& problems) {
    std::vector<int64_t> ids;
    for (std::size_t index = 0; index < row.responses.size(); ++index) {
      const ImportedResponse& response = row.responses[index];
      const std::string subject = "responses[" + std::to_string(index) + "].user";
      ids.push_back(ResolveUser(response.user_email, location, subject, problems).value_or(0));
      for (const ImportedRevision& revision : response.revisions)
        ids.push_back(ResolveUser(revision.user_email, location, subject, problems).value_or(0));
    }
    return ids;
  }

  void Write(const ImportRow& row, const std::vector<int64_t>& user_ids, const std::string& location,
             std::vector<Problem>& problems) {
    const int64_t now = clock_.NowMs();
    fields_text_.clear();
    AppendJson(fields_text_, row.fields);
    metadata_text_.clear();
    AppendJson(metadata_text_, row.metadata);
    gold_text_.clear();
    AppendJson(gold_text_, row.gold);
    RecordRow record{row.external_id, fields_text_, metadata_text_, gold_text_, row.priority,
                     row.created_at_ms.value_or(now)};
    Result<int64_t> record_id = batch_.PutRecord(record, options_.on_duplicate);
    if (!record_id.ok()) {
      std::string reason = record_id.error().message;
      if (record_id.error().code == ErrorCode::kConflict)
        reason = "a record with id '" + row.external_id +
                 "' already exists in the project (pass --on-duplicate update to update it)";
      problems.push_back(Problem{location, "id", std::move(reason)});
      return;
    }
    ++report_.records;
    if (options_.collect_record_ids) report_.record_ids.push_back(*record_id);
    for (const ImportedSuggestion& suggestion : row.suggestions) {
      const std::string value = Dump(suggestion.value);
      Status put = batch_.PutSuggestion(*record_id, SuggestionRow{suggestion.question, value, suggestion.score,
                                                                  suggestion.agent});
      if (!put.ok()) return problems.push_back(Problem{location, "suggestion", put.error().message});
      ++report_.suggestions;
    }
    std::size_t next_user = 0;
    for (std::size_t index = 0; index < row.responses.size(); ++index) {
      const ImportedResponse& response = row.responses[index];
      const int64_t user_id = user_ids[next_user++];
      std::vector<std::string> revision_texts;
      std::vector<RevisionRow> revisions;
      revision_texts.reserve(response.revisions.size());
      for (const ImportedRevision& revision : response.revisions) {
        revision_texts.push_back(Dump(revision.values));
        revisions.push_back(RevisionRow{user_ids[next_user++], revision.at_ms, revision_texts.back(), revision.status});
      }
      const std::string values = Dump(response.values);
      const int64_t created = response.created_at_ms.value_or(now);
      ResponseRow response_row{user_id, values, response.status, response.time_spent_ms, response.guideline_version,
                               created, response.updated_at_ms.value_or(created), revisions};
      Status put = batch_.PutResponse(*record_id, response_row);
      if (!put.ok()) {
        std::string reason = put.error().code == ErrorCode::kConflict
                                 ? "user '" + response.user_email + "' has more than one response to this record"
                                 : put.error().message;
        return problems.push_back(Problem{location, "responses[" + std::to_string(index) + "]", std::move(reason)});
      }
      ++report_.responses;
    }
  }

  const Project& project_;
  ImportBatch& batch_;
  const ImportOptions& options_;
  const Clock& clock_;
  bool failed_ = false;
  ImportReport report_;
  std::unordered_map<std::string, int64_t> user_ids_;
  std::string fields_text_, metadata_text_, gold_text_;  // reused between rows
};

}  // namespace

Result<ImportReport> ImportRecords(Store& store, const Project& project, std::unique_ptr<ByteSource> source,
                                   const ImportOptions& options, const Clock& clock) {
  const std::string name = source->name();
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<RowReader> reader, MakeRowReader(project.schema, std::move(source), options.format));
  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<ImportBatch> batch, store.BeginImport(project.id));
  ImportRun run(project, *batch, options, clock);

  std::vector<Problem> reported;
  std::size_t problem_count = 0;
  std::vector<Problem> row_problems;
  ImportRow row;
  std::string location;
  while (true) {
    row_problems.clear();
    Result<bool> more = reader->Next(row, location, row_problems);
    if (!more.ok()) {
      // The stream itself is broken (framing, I/O): nothing after this point can be read.
      Error error = std::move(more).error();
      if (error.code != ErrorCode::kInvalid) return error;
      for (Problem& problem : error.problems) row_problems.push_back(std::move(problem));
      if (error.problems.empty()) row_problems.push_back(Problem{name, "", error.message});
    } else if (*more) {
      if (row_problems.empty())
        run.Take(row, location, row_problems);
      else
        run.MarkFailed();  // a row that did not map is not validated further: its problems would repeat
    }
    problem_count += row_problems.size();
    for (Problem& problem : row_problems)
      if (reported.size() < options.max_reported_problems) reported.push_back(std::move(problem));
    if (!more.ok() || !*more) break;
  }

  if (problem_count > 0) {
    std::string message = "import refused, nothing was written: " + std::to_string(problem_count) +
                          (problem_count == 1 ? " problem" : " problems") + " in " + name;
    if (problem_count > reported.size())
      message += " (the first " + std::to_string(reported.size()) + " are listed)";
    return MakeError(ErrorCode::kInvalid, std::move(message), std::move(reported));
  }
  QUORUM_RETURN_IF_ERROR(batch->Commit());
  return run.report();
}

}  // namespace quorum
