#include "io/export_labelstudio.h"

#include <set>
#include <string>
#include <vector>

#include "io/labelstudio_min_rows.h"
#include "io/labelstudio_task_writer.h"

namespace quorum {
namespace {

using nlohmann::json;

Result<json> ParseStored(std::string_view text, const char* what) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return MakeError(ErrorCode::kInternal, std::string("stored ") + what + " is not JSON");
  return value;
}

// Turns the store's views into the domain objects LabelStudioTaskJson takes.
class TaskBuilder {
 public:
  TaskBuilder(const LabelConfig& config, int64_t project_id) : config_(config), project_id_(project_id) {}

  Result<json> Build(const RecordView& view, std::span<const SuggestionView> suggestion_views,
                     std::span<const ResponseView> response_views) {
    Record record;
    record.id = view.id;
    record.project_id = project_id_;
    record.external_id = std::string(view.external_id);
    QUORUM_ASSIGN_OR_RETURN(record.fields, ParseStored(view.fields_json, "fields"));
    QUORUM_ASSIGN_OR_RETURN(record.metadata, ParseStored(view.metadata_json, "metadata"));
    QUORUM_ASSIGN_OR_RETURN(record.gold, ParseStored(view.gold_json, "gold"));
    record.created_at_ms = view.created_at_ms;
    std::vector<Suggestion> suggestions;
    for (const SuggestionView& suggestion : suggestion_views) {
      QUORUM_ASSIGN_OR_RETURN(json value, ParseStored(suggestion.value_json, "suggestion"));
      suggestions.push_back(Suggestion{next_suggestion_id_++, view.id, std::string(suggestion.question),
                                       std::move(value), suggestion.score, std::string(suggestion.agent)});
    }
    std::vector<LabelStudioResponse> responses;
    for (const ResponseView& item : response_views) {
      LabelStudioResponse response;
      response.user_email = std::string(item.user_email);
      Response& stored = response.response;
      stored.id = item.id;
      stored.record_id = view.id;
      stored.user_id = item.user_id;
      QUORUM_ASSIGN_OR_RETURN(stored.values, ParseStored(item.values_json, "response"));
      stored.status = item.status;
      stored.time_spent_ms = item.time_spent_ms;
      stored.guideline_version = item.guideline_version;
      stored.created_at_ms = item.created_at_ms;
      stored.updated_at_ms = item.updated_at_ms;
      responses.push_back(std::move(response));
    }
    return LabelStudioTaskJson(config_, record, suggestions, responses, ++inner_id_);
  }

 private:
  const LabelConfig& config_;
  int64_t project_id_;
  int64_t inner_id_ = 0;
  int64_t next_suggestion_id_ = 1;  // suggestions have no id in a scan; predictions are numbered
};

int64_t CountAnswered(const json& task) {
  int64_t count = 0;
  for (const json& annotation : task["annotations"]) count += annotation["was_cancelled"] == false ? 1 : 0;
  return count;
}

// Writes a JSON array one element at a time.
class ArrayWriter {
 public:
  explicit ArrayWriter(ByteSink& sink) : sink_(sink) {}
  Status Add(const json& element) {
    text_ = count_++ == 0 ? "[\n" : ",\n";
    text_ += element.dump();
    return sink_.Write(text_);
  }
  Status Close() { return sink_.Write(count_ == 0 ? "[]\n" : "\n]\n"); }

 private:
  ByteSink& sink_;
  std::string text_;
  int64_t count_ = 0;
};

std::string CsvCell(const json& cell) {
  if (cell.is_number()) return cell.dump();
  if (cell.is_boolean()) return cell.get<bool>() ? "True" : "False";
  std::string text = cell.is_string() ? cell.get<std::string>() : "";
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The visitor of every format: builds each task and hands it to the format's writer.
class LabelStudioWriter final : public ProjectVisitor {
 public:
  enum class Pass { kWrite, kCollectColumns };

  LabelStudioWriter(const LabelConfig& config, const Project& project, const LabelStudioExportOptions& options,
                    ByteSink& sink, Pass pass)
      : config_(config), builder_(config, project.id), options_(options), array_(sink), sink_(sink), pass_(pass) {}

  Status OnRecord(const RecordView& record, std::span<const SuggestionView> suggestions,
                  std::span<const ResponseView> responses) override {
    QUORUM_ASSIGN_OR_RETURN(json task, builder_.Build(record, suggestions, responses));
    if (options_.record_ids) {
      task["id"] = record.id;
      for (const char* list : {"annotations", "drafts", "predictions"})
        for (json& item : task[list]) item["task"] = record.id;
    }
    if (options_.format == LabelStudioExportFormat::kJson) {
      if (!options_.all_tasks && !IsAnnotatedTask(task)) return OkStatus();
      ++report_.records;
      report_.responses += CountAnswered(task);
      return array_.Add(task);
    }
    for (json& row : LabelStudioMinRows(config_, task)) {
      ++report_.records;
      ++report_.responses;
      if (options_.format == LabelStudioExportFormat::kJsonMin) {
        QUORUM_RETURN_IF_ERROR(array_.Add(row));
      } else if (pass_ == Pass::kCollectColumns) {
        for (const auto& [key, unused] : row.items()) columns_.insert(key);
      } else {
        QUORUM_RETURN_IF_ERROR(WriteCsvRow(LabelStudioCsvCells(row)));
      }
    }
    return OkStatus();
  }

  Status Finish() {
    if (options_.format != LabelStudioExportFormat::kCsv) return array_.Close();
    return OkStatus();
  }

  // CSV: the columns every row has, then those seen in the collecting pass; sorted, as csv2.py.
  std::vector<std::string> Columns() const {
    std::set<std::string> columns = columns_;
    for (const char* always : {"annotator", "annotation_id", "created_at", "updated_at", "lead_time"}) columns.insert(always);
    return {columns.begin(), columns.end()};
  }

  Status WriteCsvHeader(std::vector<std::string> columns) {
    csv_columns_ = std::move(columns);
    std::string line;
    for (std::size_t index = 0; index < csv_columns_.size(); ++index)
      line += (index > 0 ? "," : "") + CsvCell(csv_columns_[index]);
    return sink_.Write(line + "\r\n");
  }

  const ExportReport& report() const { return report_; }

 private:
  Status WriteCsvRow(const json& cells) {
    std::string line;
    for (std::size_t index = 0; index < csv_columns_.size(); ++index) {
      if (index > 0) line += ',';
      auto cell = cells.find(csv_columns_[index]);
      line += CsvCell(cell == cells.end() ? json("") : *cell);
    }
    return sink_.Write(line + "\r\n");
  }

  const LabelConfig& config_;
  TaskBuilder builder_;
  const LabelStudioExportOptions& options_;
  ArrayWriter array_;
  ByteSink& sink_;
  Pass pass_;
  ExportReport report_;
  std::set<std::string> columns_;
  std::vector<std::string> csv_columns_;
};

}  // namespace

std::optional<LabelStudioExportFormat> ParseLabelStudioExportFormat(std::string_view name) {
  if (name == "labelstudio-json" || name == "JSON") return LabelStudioExportFormat::kJson;
  if (name == "labelstudio-min" || name == "JSON_MIN") return LabelStudioExportFormat::kJsonMin;
  if (name == "labelstudio-csv" || name == "CSV") return LabelStudioExportFormat::kCsv;
  return std::nullopt;
}

Result<ExportReport> ExportLabelStudio(Store& store, const Project& project, const LabelStudioExportOptions& options,
                                       ByteSink& sink) {
  QUORUM_ASSIGN_OR_RETURN(LabelConfig config, LabelConfigOf(project.schema));
  std::vector<std::string> columns;
  if (options.format == LabelStudioExportFormat::kCsv) {
    LabelStudioWriter collector(config, project, options, sink, LabelStudioWriter::Pass::kCollectColumns);
    QUORUM_RETURN_IF_ERROR(store.ScanProject(project.id, collector));
    columns = collector.Columns();
  }
  LabelStudioWriter writer(config, project, options, sink, LabelStudioWriter::Pass::kWrite);
  if (options.format == LabelStudioExportFormat::kCsv) QUORUM_RETURN_IF_ERROR(writer.WriteCsvHeader(std::move(columns)));
  QUORUM_RETURN_IF_ERROR(store.ScanProject(project.id, writer));
  QUORUM_RETURN_IF_ERROR(writer.Finish());
  QUORUM_RETURN_IF_ERROR(sink.Flush());
  return writer.report();
}

}  // namespace quorum
