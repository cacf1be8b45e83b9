#include "io/export_jsonl.h"

#include <string>

#include "core/clock.h"
#include "io/json_text.h"

namespace quorum {
namespace {

class JsonlWriter final : public ProjectVisitor {
 public:
  explicit JsonlWriter(ByteSink& sink) : sink_(sink) { line_.reserve(1 << 16); }

  Status OnRecord(const RecordView& record, std::span<const SuggestionView> suggestions,
                  std::span<const ResponseView> responses) override {
    line_.clear();
    line_ += '{';
    if (!record.external_id.empty()) {
      line_ += "\"id\":";
      AppendJsonString(line_, record.external_id);
      line_ += ',';
    }
    line_ += "\"fields\":";
    line_ += record.fields_json;
    line_ += ",\"metadata\":";
    line_ += record.metadata_json;
    if (record.gold_json != "{}") {
      line_ += ",\"gold\":";
      line_ += record.gold_json;
    }
    if (record.priority != 0) {
      line_ += ",\"priority\":";
      AppendJsonNumber(line_, record.priority);
    }
    line_ += ",\"created_at\":";
    AppendTime(record.created_at_ms);
    if (!suggestions.empty()) AppendSuggestions(suggestions);
    if (!responses.empty()) AppendResponses(responses);
    line_ += "}\n";
    ++report_.records;
    report_.responses += static_cast<int64_t>(responses.size());
    return sink_.Write(line_);
  }

  const ExportReport& report() const { return report_; }

 private:
  void AppendTime(int64_t ms) {
    line_ += '"';
    line_ += FormatTimestamp(ms);
    line_ += '"';
  }

  void AppendSuggestions(std::span<const SuggestionView> suggestions) {
    line_ += ",\"suggestions\":[";
    for (std::size_t index = 0; index < suggestions.size(); ++index) {
      const SuggestionView& suggestion = suggestions[index];
      if (index > 0) line_ += ',';
      line_ += "{\"question\":";
      AppendJsonString(line_, suggestion.question);
      line_ += ",\"value\":";
      line_ += suggestion.value_json;
      if (suggestion.score) {
        line_ += ",\"score\":";
        AppendJsonNumber(line_, *suggestion.score);
      }
      if (!suggestion.agent.empty()) {
        line_ += ",\"agent\":";
        AppendJsonString(line_, suggestion.agent);
      }
      line_ += '}';
    }
    line_ += ']';
  }

  void AppendResponses(std::span<const ResponseView> responses) {
    line_ += ",\"responses\":[";
    for (std::size_t index = 0; index < responses.size(); ++index) {
      const ResponseView& response = responses[index];
      if (index > 0) line_ += ',';
      line_ += "{\"user\":";
      AppendJsonString(line_, response.user_email);
      line_ += ",\"values\":";
      line_ += response.values_json;
      line_ += ",\"status\":\"";
      line_ += ResponseStatusName(response.status);
      line_ += "\",\"time_spent_ms\":";
      line_ += std::to_string(response.time_spent_ms);
      line_ += ",\"guideline_version\":";
      line_ += std::to_string(response.guideline_version);
      line_ += ",\"created_at\":";
      AppendTime(response.created_at_ms);
      line_ += ",\"updated_at\":";
      AppendTime(response.updated_at_ms);
      line_ += ",\"revisions\":[";
      for (std::size_t revision_index = 0; revision_index < response.revisions.size(); ++revision_index) {
        const RevisionView& revision = response.revisions[revision_index];
        if (revision_index > 0) line_ += ',';
        line_ += "{\"user\":";
        AppendJsonString(line_, revision.user_email);
        line_ += ",\"at\":";
        AppendTime(revision.at_ms);
        line_ += ",\"status\":\"";
        line_ += ResponseStatusName(revision.status);
        line_ += "\",\"values\":";
        line_ += revision.values_json;
        line_ += '}';
      }
      line_ += "]}";
    }
    line_ += ']';
  }

  ByteSink& sink_;
  std::string line_;  // reused for every record
  ExportReport report_;
};

}  // namespace

Result<ExportReport> ExportJsonl(Store& store, int64_t project_id, ByteSink& sink) {
  JsonlWriter writer(sink);
  QUORUM_RETURN_IF_ERROR(store.ScanProject(project_id, writer));
  QUORUM_RETURN_IF_ERROR(sink.Flush());
  return writer.report();
}

}  // namespace quorum
