#include "export/training_rows.h"

#include "io/json_text.h"

namespace quorum {
namespace {

// A column of text or messages.
void AppendColumn(std::string& line, bool conversational, const FieldText& value, std::string_view role) {
  if (conversational)
    AppendAsMessages(line, value, role);
  else
    AppendAsString(line, value);
}

}  // namespace

void OpenPairRow(std::string& line, TrainingFormat format, const FieldText& prompt, const FieldText& chosen,
                 const FieldText& rejected, double margin) {
  const bool conversational = format == TrainingFormat::kDpoChat;
  line.clear();
  line += "{\"prompt\":";
  AppendColumn(line, conversational, prompt, "user");
  line += ",\"chosen\":";
  AppendColumn(line, conversational, chosen, "assistant");
  line += ",\"rejected\":";
  AppendColumn(line, conversational, rejected, "assistant");
  if (format == TrainingFormat::kReward) {
    line += ",\"margin\":";
    AppendJsonNumber(line, margin);
  }
}

void OpenUnpairedRow(std::string& line, bool conversational, const FieldText& prompt, const FieldText& completion,
                     bool label) {
  line.clear();
  line += "{\"prompt\":";
  AppendColumn(line, conversational, prompt, "user");
  line += ",\"completion\":";
  AppendColumn(line, conversational, completion, "assistant");
  line += label ? ",\"label\":true" : ",\"label\":false";
}

void OpenSftRow(std::string& line, TrainingFormat format, bool conversational, const FieldText& prompt,
                const FieldText* input, std::string_view answer) {
  line.clear();
  switch (format) {
    case TrainingFormat::kSftMessages:
      line += "{\"messages\":";
      AppendAsMessages(line, prompt, "user");
      line.pop_back();  // the list's ']': the answer joins it
      line += ',';
      AppendMessage(line, "assistant", answer);
      line += ']';
      return;
    case TrainingFormat::kSftAlpaca:
      line += "{\"instruction\":";
      AppendAsString(line, prompt);
      line += ",\"input\":";
      if (input != nullptr)
        AppendAsString(line, *input);
      else
        line += "\"\"";
      line += ",\"output\":";
      AppendJsonString(line, answer);
      return;
    default:
      line += "{\"prompt\":";
      AppendColumn(line, conversational, prompt, "user");
      line += ",\"completion\":";
      if (conversational) {
        line += '[';
        AppendMessage(line, "assistant", answer);
        line += ']';
      } else {
        AppendJsonString(line, answer);
      }
      return;
  }
}

void AppendProvenance(std::string& line, const RowProvenance& provenance) {
  line += ",\"record_id\":";
  line += std::to_string(provenance.record_id);
  line += ",\"external_id\":";
  AppendJsonString(line, provenance.external_id);
  line += ",\"agreement\":";
  if (provenance.agreement)
    AppendJsonNumber(line, *provenance.agreement);
  else
    line += "null";
  line += ",\"n_annotators\":";
  line += std::to_string(provenance.annotators);
  line += ",\"annotator_ids\":[";
  for (size_t index = 0; index < provenance.annotator_ids.size(); ++index) {
    if (index > 0) line += ',';
    line += std::to_string(provenance.annotator_ids[index]);
  }
  line += "],\"guideline_version\":";
  line += std::to_string(provenance.guideline_version);
}

void AppendSplit(std::string& line, bool test) { line += test ? ",\"split\":\"test\"" : ",\"split\":\"train\""; }

}  // namespace quorum
