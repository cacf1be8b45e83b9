#include "export/csv_export.h"

#include <cstring>
#include <memory>
#include <vector>

#include <simdjson.h>

#include "export/answer_reader.h"
#include "io/json_text.h"
#include "quality/scale.h"

namespace quorum {
namespace {

// One question's column group: how its answers are read and counted.
struct QuestionColumns {
  const QuestionSpec* question = nullptr;
  Scale scale;                            // empty for the kinds without one
  std::unique_ptr<AnswerReader> reader;   // null for the kinds without a scale
  std::vector<int32_t> votes;             // per code, for the current record
};

class CsvWriter final : public ProjectVisitor {
 public:
  CsvWriter(const Project& project, ByteSink& sink) : project_(project), sink_(sink) {
    for (const QuestionSpec& question : project.schema.questions) {
      QuestionColumns columns;
      columns.question = &question;
      if (Result<Scale> scale = ScaleFor(question); scale.ok()) columns.scale = std::move(scale).value();
      questions_.push_back(std::move(columns));
    }
    // The readers point at their scale: made once the vector no longer moves.
    for (QuestionColumns& columns : questions_)
      if (!columns.scale.names.empty()) columns.reader = std::make_unique<AnswerReader>(*columns.question, columns.scale);
    line_.reserve(1 << 16);
  }

  Status WriteHeader() {
    line_.clear();
    line_ += "record_id,external_id";
    for (const FieldSpec& field : project_.schema.fields) {
      line_ += ',';
      AppendCsvCell(line_, field.name);
    }
    for (const QuestionColumns& columns : questions_) {
      for (const char* suffix : {"", "_agreement", "_answers"}) {
        line_ += ',';
        AppendCsvCell(line_, columns.question->name + suffix);
      }
    }
    line_ += "\r\n";
    return sink_.Write(line_);
  }

  Status OnRecord(const RecordView& record, std::span<const SuggestionView>,
                  std::span<const ResponseView> responses) override {
    line_.clear();
    line_ += std::to_string(record.id);
    line_ += ',';
    AppendCsvCell(line_, record.external_id);
    QUORUM_RETURN_IF_ERROR(AppendFields(record));
    for (QuestionColumns& columns : questions_) AppendQuestion(columns, responses);
    line_ += "\r\n";
    ++report_.records;
    return sink_.Write(line_);
  }

  const CsvExportReport& report() const { return report_; }

 private:
  Status AppendFields(const RecordView& record) {
    if (buffer_.size() < record.fields_json.size() + simdjson::SIMDJSON_PADDING)
      buffer_.resize(record.fields_json.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer_.data(), record.fields_json.data(), record.fields_json.size());
    simdjson::dom::element root;
    if (parser_.parse(buffer_.data(), record.fields_json.size(), false).get(root) != simdjson::SUCCESS || !root.is_object())
      return MakeError(ErrorCode::kInvalid, "record " + std::to_string(record.id) + ": its fields are not a JSON object");
    for (const FieldSpec& field : project_.schema.fields) {
      line_ += ',';
      simdjson::dom::element value;
      if (root[field.name].get(value) != simdjson::SUCCESS || value.is_null()) continue;
      std::string_view text;
      if (value.get(text) == simdjson::SUCCESS)
        AppendCsvCell(line_, text);
      else
        AppendCsvCell(line_, simdjson::minify(value));
    }
    return OkStatus();
  }

  // The majority answer, its share and the count of submitted answers.
  void AppendQuestion(QuestionColumns& columns, std::span<const ResponseView> responses) {
    int32_t answers = 0;
    if (columns.reader) columns.votes.assign(columns.scale.names.size(), 0);
    for (const ResponseView& response : responses) {
      if (response.status != ResponseStatus::kSubmitted) continue;
      if (columns.reader) {
        const int32_t code = columns.reader->Code(response.values_json);
        if (code < 0) continue;
        ++columns.votes[static_cast<size_t>(code)];
        ++answers;
      } else if (HasAnswer(columns, response.values_json)) {
        ++answers;
      }
    }
    int32_t top = -1, top_votes = 0;
    bool shared = false;
    for (size_t code = 0; code < columns.votes.size() && columns.reader; ++code) {
      if (columns.votes[code] > top_votes) {
        top = static_cast<int32_t>(code);
        top_votes = columns.votes[code];
        shared = false;
      } else if (columns.votes[code] == top_votes && top_votes > 0) {
        shared = true;
      }
    }
    line_ += ',';
    if (top >= 0 && !shared) AppendCsvCell(line_, columns.scale.names[static_cast<size_t>(top)]);
    line_ += ',';
    if (answers > 0 && columns.reader) AppendJsonNumber(line_, static_cast<double>(top_votes) / answers);
    line_ += ',';
    line_ += std::to_string(answers);
  }

  // Whether a response answers a question without a scale (a non-null value under its name).
  bool HasAnswer(const QuestionColumns& columns, std::string_view values_json) {
    if (buffer_.size() < values_json.size() + simdjson::SIMDJSON_PADDING)
      buffer_.resize(values_json.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer_.data(), values_json.data(), values_json.size());
    simdjson::dom::element root, value;
    if (parser_.parse(buffer_.data(), values_json.size(), false).get(root) != simdjson::SUCCESS) return false;
    return root[columns.question->name].get(value) == simdjson::SUCCESS && !value.is_null();
  }

  const Project& project_;
  ByteSink& sink_;
  std::vector<QuestionColumns> questions_;
  simdjson::dom::parser parser_;
  std::string buffer_;
  std::string line_;
  CsvExportReport report_;
};

}  // namespace

void AppendCsvCell(std::string& line, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    line += text;
    return;
  }
  line += '"';
  for (char c : text) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

Result<CsvExportReport> ExportCsv(Store& store, const Project& project, ByteSink& sink) {
  CsvWriter writer(project, sink);
  QUORUM_RETURN_IF_ERROR(writer.WriteHeader());
  QUORUM_RETURN_IF_ERROR(store.ScanProject(project.id, writer, ScanParts{.suggestions = false, .revisions = false, .emails = false}));
  QUORUM_RETURN_IF_ERROR(sink.Flush());
  return writer.report();
}

}  // namespace quorum
