// quorum agreement | aggregate | annotators: the quality reports of src/quality over a project
// loaded with io/answer_table.h. --json prints the same JSON the REST API returns
// (quality/report_json.h).
#include <cstdio>
#include <ostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "io/answer_table.h"
#include "io/quality_reports.h"
#include "quality/annotator_scores.h"
#include "quality/project_aggregation.h"
#include "quality/quality_settings.h"
#include "quality/question_agreement.h"
#include "quality/report_json.h"

namespace quorum {
namespace {

std::string Fixed(double value, int digits = 3) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", digits, value);
  return text;
}

std::string Fixed(const std::optional<double>& value, int digits = 3) { return value ? Fixed(*value, digits) : "-"; }

// Pads `text` to `width` columns (at least one space after it).
std::string Column(std::string text, size_t width) {
  text.resize(std::max(width, text.size() + 1), ' ');
  return text;
}

std::string ValueText(const nlohmann::json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<QualityInput> Load(CommandContext& context, const ParsedArgs& args, bool with_models) {
  QUORUM_ASSIGN_OR_RETURN(std::string id_text, RequireOption(args, "project", "ID"));
  QUORUM_ASSIGN_OR_RETURN(int64_t id, ParseId(id_text, "project id"));
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Project project, LoadProject(*store, id));
  return LoadQualityInput(*store, project, args.Get("question"), with_models);
}

void PrintUnreadable(CommandContext& context, const AnswerTable& table) {
  if (table.unreadable == 0) return;
  context.err() << "note: " << table.unreadable << " answers do not fit the current schema and were left out:\n";
  for (const Problem& problem : table.problems) context.err() << "  " << problem.ToString() << "\n";
}

void PrintAgreement(std::ostream& out, const QuestionAgreement& report, const QuestionSpec& question,
                    const ReportNames& names) {
  out << "\n" << report.question << " (" << QuestionKindName(report.kind);
  if (report.kind == QuestionKind::kPreference) out << ", " << PreferenceScaleName(question.scale);
  out << "): " << report.items_answered << " records answered, " << report.items_compared << " compared, "
      << report.answers << " answers from " << report.annotators << " annotators\n";
  if (report.headline.empty()) {
    out << "  " << report.note << "\n";
    return;
  }
  out << "  " << report.headline << ": ";
  if (report.value) {
    out << Fixed(*report.value);
    if (!report.reading.empty()) out << " (" << report.reading << ")";
    if (report.interval)
      out << ", " << Fixed(report.interval->confidence * 100, 0) << "% interval " << Fixed(report.interval->low) << " to "
          << Fixed(report.interval->high);
    out << "\n";
  } else {
    out << "- (" << report.note << ")\n";
  }
  for (size_t index = 1; index < report.metrics.size(); ++index) {
    const Metric& metric = report.metrics[index];
    out << "  " << Column(metric.name, 30) << Column(Fixed(metric.value), 8) << metric.note << "\n";
  }
  for (const LabelAgreement& label : report.per_label)
    out << "  label " << Column(label.label, 24) << "alpha " << Column(Fixed(label.alpha), 8) << "agreement "
        << Fixed(label.percent) << "\n";
  if (!report.pairs.empty()) {
    out << "  Annotator pairs:\n";
    for (const AnnotatorPair& pair : report.pairs)
      out << "    " << Column(names.annotators[static_cast<size_t>(pair.first)] + " / " +
                                  names.annotators[static_cast<size_t>(pair.second)], 44)
          << Column(std::to_string(pair.items) + " records", 14) << "agreement " << Column(Fixed(pair.agreement), 7)
          << (pair.kappa ? "kappa " + Fixed(*pair.kappa) : "") << "\n";
  }
  bool header = false;
  for (const ConsensusAgreement& entry : report.consensus) {
    if (entry.items == 0) continue;
    if (!header) out << "  Each annotator against the others' consensus:\n";
    header = true;
    out << "    " << Column(names.annotators[static_cast<size_t>(entry.annotator)], 44)
        << Column(std::to_string(entry.items) + " records", 14) << "agreement " << Column(Fixed(entry.share), 7)
        << (entry.kappa ? "kappa " + Fixed(*entry.kappa) : "") << "\n";
  }
  if (!report.most_disagreed.empty()) {
    out << "  Most disagreed records:\n";
    for (const Disagreement& entry : report.most_disagreed) {
      const nlohmann::json record = names.record(entry.item);
      const std::string external = record["external_id"].get<std::string>();
      out << "    " << Column(external.empty() ? "-" : external, 20)
          << Column("record " + std::to_string(record["record_id"].get<int64_t>()), 16) << "disagreement "
          << Column(Fixed(entry.score), 7) << entry.answers << " answers\n";
    }
  }
}

Status RunAgreement(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(QualityInput loaded, Load(context, args, false));
  const AnswerTable& table = loaded.table;
  const ReportNames names = ReportNamesOf(table);
  AgreementOptions options;
  std::vector<QuestionAgreement> reports;
  for (const QuestionAnswers& question : table.questions) reports.push_back(AgreementOf(question, options));
  PrintUnreadable(context, table);
  if (args.Has("json")) {
    PrintJson(context.out(), AgreementReportJson(loaded, reports));
    return OkStatus();
  }
  context.out() << "Project " << loaded.project.id << " '" << loaded.project.name << "': " << table.item_count()
                << " records, " << table.submitted << " submitted responses from " << table.annotator_emails.size()
                << " annotators\n";
  for (size_t index = 0; index < reports.size(); ++index)
    PrintAgreement(context.out(), reports[index], table.questions[index].question, names);
  return OkStatus();
}

Status RunLeaderboard(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(QualityInput loaded, Load(context, args, true));
  const AnswerTable& table = loaded.table;
  QUORUM_ASSIGN_OR_RETURN(ModelLeaderboard leaderboard,
                          PreferenceLeaderboard(table.questions, table.model_a, table.model_b,
                                                static_cast<int32_t>(table.models.size())));
  const Leaderboard& board = leaderboard.board;
  if (args.Has("json")) {
    PrintJson(context.out(), LeaderboardReportJson(leaderboard, loaded));
    return OkStatus();
  }
  context.out() << "Bradley-Terry leaderboard from '" << leaderboard.question << "' (" << leaderboard.records
                << " records; ratings on the Elo scale, 95% bootstrap intervals):\n"
                << Column("RANK", 6) << Column("MODEL", 32) << Column("RATING", 9) << Column("INTERVAL", 18)
                << Column("WINS", 8) << "GAMES\n";
  int rank = 0;
  for (const ModelStrength& entry : board.models) {
    const std::string interval = entry.rating_interval
                                     ? Fixed(entry.rating_interval->low, 0) + " to " + Fixed(entry.rating_interval->high, 0)
                                     : "-";
    context.out() << Column(std::to_string(++rank), 6) << Column(table.models[static_cast<size_t>(entry.model)], 32)
                  << Column(Fixed(entry.rating, 0), 9) << Column(interval, 18) << Column(Fixed(entry.wins, 1), 8)
                  << Fixed(entry.games, 0) << "\n";
  }
  if (!board.interval_note.empty()) context.out() << "note: " << board.interval_note << "\n";
  return OkStatus();
}

Status RunAggregate(CommandContext& context, const ParsedArgs& args) {
  if (args.Get("method") == std::string(kBradleyTerryMethod)) return RunLeaderboard(context, args);
  QUORUM_ASSIGN_OR_RETURN(AggregationRequest request,
                          ParseAggregationRequest(args.Get("method"), args.Get("ties"), args.Has("question"), "--"));
  QUORUM_ASSIGN_OR_RETURN(QualityInput loaded, Load(context, args, false));
  const AnswerTable& table = loaded.table;
  QUORUM_ASSIGN_OR_RETURN(std::vector<QuestionAggregates> results, AggregateProject(loaded, request));
  const ReportNames names = ReportNamesOf(table);
  std::ostream& out = context.out();
  if (args.Has("json")) {
    // Streamed row by row: a million rows are never one document in memory.
    bool first_row = true;
    out << "[";
    for (const QuestionAggregates& aggregates : results) {
      for (const AggregateRow& row : aggregates.rows) {
        out << (first_row ? "\n  " : ",\n  ")
            << AggregateRowJson(aggregates, row, names).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        first_row = false;
      }
    }
    out << (first_row ? "]\n" : "\n]\n");
  } else {
    out << Column("RECORD", 10) << Column("EXTERNAL_ID", 20) << Column("QUESTION", 16) << Column("VALUE", 24)
        << Column("CONFIDENCE", 12) << "METHOD\n";
    for (const QuestionAggregates& aggregates : results) {
      for (const AggregateRow& row : aggregates.rows) {
        const std::string value = ValueText(row.value) + (row.details.contains("tie") && row.value.is_null() ? " (tie)" : "");
        out << Column(std::to_string(table.record_ids[static_cast<size_t>(row.item)]), 10)
            << Column(std::string(table.external_id(row.item)), 20) << Column(aggregates.question, 16) << Column(value, 24)
            << Column(Fixed(row.confidence), 12) << aggregates.method << "\n";
      }
    }
  }
  PrintUnreadable(context, table);
  return OkStatus();
}

void PrintScores(std::ostream& out, const std::vector<AnnotatorScore>& scores, const AnswerTable& table) {
  out << Column("ANNOTATOR", 28) << Column("RESPONSES", 11) << Column("GOLD", 14) << Column("PEERS", 8)
      << Column("MEDIAN_S", 10) << Column("OVERRIDES", 11) << "FLAGS\n";
  for (const AnnotatorScore& score : scores) {
    const std::string gold = score.gold.total == 0 ? "-"
                                                   : Fixed(*score.gold.accuracy() * 100, 0) + "% of " +
                                                         std::to_string(score.gold.total);
    const std::string overrides = score.overrides.rate() ? Fixed(*score.overrides.rate() * 100, 0) + "%" : "-";
    std::string flags;
    for (const std::string& flag : score.flags) flags += (flags.empty() ? "" : ",") + flag;
    out << Column(table.annotator_emails[static_cast<size_t>(score.annotator)], 28)
        << Column(std::to_string(score.responses), 11) << Column(gold, 14) << Column(Fixed(score.peer_agreement), 8)
        << Column(score.time.records ? Fixed(score.time.median_seconds, 1) : "-", 10) << Column(overrides, 11)
        << (flags.empty() ? "-" : flags) << "\n";
  }
  for (const AnnotatorScore& score : scores)
    if (score.suspension.suspend)
      out << "suspend " << table.annotator_emails[static_cast<size_t>(score.annotator)] << ": "
          << score.suspension.reason << "\n";
}

Status RunAnnotators(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(QualityInput loaded, Load(context, args, false));
  const std::vector<AnnotatorScore> scores = ScoreProjectAnnotators(loaded);
  const AnswerTable& table = loaded.table;
  PrintUnreadable(context, table);
  if (args.Has("json")) {
    PrintJson(context.out(), AnnotatorsReportJson(loaded, scores));
    return OkStatus();
  }
  if (scores.empty()) {
    context.out() << "No submitted responses in project " << loaded.project.id << " yet.\n";
    return OkStatus();
  }
  PrintScores(context.out(), scores, table);
  return OkStatus();
}

}  // namespace

CommandSpec AgreementCommand() {
  return {"agreement",
          "inter-annotator agreement per question",
          "--project ID [--question Q] [--json]",
          "For each question: the coefficients that suit its kind (Krippendorff's alpha, Cohen's and\n"
          "Fleiss' kappa, percent agreement; set distances for multi-label, F1 for spans, Kendall's tau\n"
          "for rankings), the Landis-Koch reading and a bootstrap interval of the headline one, the\n"
          "pairwise matrix, each annotator against the others' consensus, and the most disagreed\n"
          "records. Only submitted responses count. See docs/quality.md.",
          {{"project", "ID", "the project"},
           {"question", "Q", "only this question"},
           {"json", "", "print JSON (the same as GET /api/v1/projects/{id}/agreement)"}},
          RunAgreement};
}

CommandSpec AggregateCommand() {
  return {"aggregate",
          "the final answer of each record, by a named method, with its confidence",
          "--project ID [--question Q] [--method M] [--ties unresolved|first|random] [--json]",
          "Methods: majority, weighted (gold-accuracy weights), dawid-skene, mean, median (ratings),\n"
          "vote-share (pairwise preferences; the winner needs the project setting\n"
          "preference_winner_share, default 0.6), and bradley-terry, which prints a model leaderboard\n"
          "from the metadata keys model_a and model_b instead of one row per record. Without --method\n"
          "each question gets its default (rating: mean, preference: vote-share, others: majority).\n"
          "Ties are left unresolved unless --ties says otherwise. See docs/quality.md.",
          {{"project", "ID", "the project"},
           {"question", "Q", "only this question"},
           {"method", "M", "majority, weighted, dawid-skene, mean, median, vote-share or bradley-terry"},
           {"ties", "POLICY", "how a level vote ends: unresolved (default), first, random"},
           {"json", "", "print a JSON array of rows"}},
          RunAggregate};
}

CommandSpec AnnotatorsCommand() {
  return {"annotators",
          "per-annotator quality: gold accuracy, peer agreement, speed, suggestion overrides, flags",
          "--project ID [--json]",
          "Flags: too_fast / too_slow (median seconds per record against the project settings\n"
          "min_seconds_per_record, default 5, and max_seconds_per_record, default 600),\n"
          "failing_gold (gold accuracy below gold_suspend_below after gold_suspend_after gold answers:\n"
          "the annotator is to be suspended), rubber_stamping and noisy_suggestions (suggestion\n"
          "override rate at most override_rate_low, default 2%, or above override_rate_high, 60%).",
          {{"project", "ID", "the project"}, {"json", "", "print JSON (the same as GET /api/v1/projects/{id}/annotators)"}},
          RunAnnotators};
}

}  // namespace quorum
