// The native CSV export: one row per record with its fields and, per question, the answer most
// submitted responses gave, its agreement and the number of answers. For spreadsheets and
// pandas; `jsonl` is the full-fidelity native format (every response, suggestion and revision).
#pragma once

#include <cstdint>

#include "core/project.h"
#include "core/result.h"
#include "io/byte_sink.h"
#include "store/store.h"

namespace quorum {

struct CsvExportReport {
  int64_t records = 0;  // rows written after the header
};

// Writes RFC 4180 CSV to `sink`, streaming over Store::ScanProject in record id order: a header
// row, then one row per record, CRLF line ends, a cell quoted (quotes doubled) when it holds a
// comma, a quote, CR or LF. Columns: record_id, external_id, each schema field (a string as it
// is; any other value, a chat's messages say, as compact JSON; "" when absent), then per
// question Q: Q (the majority answer by its name on the question's scale: a label, a rating, a
// preference option or "tie"; "" when nobody answered or the top is shared), Q_agreement (the
// top answer's share of the submitted answers; "" when none) and Q_answers (submitted answers).
// Questions without a scale (multi_label, span, ranking, text) leave Q and Q_agreement empty.
// The store's and the sink's errors (what was written before stays written); kInvalid naming
// the record when a record's fields are not JSON. `project` must be the stored project.
Result<CsvExportReport> ExportCsv(Store& store, const Project& project, ByteSink& sink);

// Appends `text` as one CSV cell, quoted when RFC 4180 needs it.
void AppendCsvCell(std::string& line, std::string_view text);

}  // namespace quorum
