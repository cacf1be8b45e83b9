// quorum queue | reinstate | uncertainty: the distribution engine's manager controls from the
// command line, the same as GET .../queue, POST .../annotators/{user_id}/reinstate and
// POST .../uncertainty. (Pausing is `quorum project settings ID --paused true` or
// `--paused-annotators IDS`.)
#include <ostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json_file.h"
#include "dist/distributor.h"
#include "http/distribution_json.h"

namespace quorum {
namespace {

Result<Project> ProjectOption(CommandContext& context, const ParsedArgs& args, Store*& store) {
  QUORUM_ASSIGN_OR_RETURN(std::string id_text, RequireOption(args, "project", "ID"));
  QUORUM_ASSIGN_OR_RETURN(int64_t id, ParseId(id_text, "project id"));
  QUORUM_ASSIGN_OR_RETURN(store, context.store());
  return LoadProject(*store, id);
}

Status RunQueue(CommandContext& context, const ParsedArgs& args) {
  Store* store = nullptr;
  QUORUM_ASSIGN_OR_RETURN(Project project, ProjectOption(context, args, store));
  Distributor distributor(*store, context.clock());
  QUORUM_ASSIGN_OR_RETURN(QueueStats stats, distributor.Queue(project, 200));
  const nlohmann::json json = QueueJson(stats);
  if (args.Has("json")) {
    PrintJson(context.out(), json);
    return OkStatus();
  }
  std::ostream& out = context.out();
  const nlohmann::json& records = json["records"];
  out << "Records: " << records["total"] << " (complete " << records["complete"] << ", in progress "
      << records["in_progress"] << ", unstarted " << records["unstarted"] << "), gold " << records["gold"]
      << (json["paused"].get<bool>() ? "; the project is paused" : "") << "\n"
      << "Active reservations: " << json["active_reservations"]["count"] << "\n";
  for (std::size_t index = 0; index < stats.annotators.size(); ++index) {
    const AnnotatorQueueCounts& annotator = stats.annotators[index];
    Result<User> user = store->GetUser(annotator.user_id);
    out << "  " << (user.ok() ? user->email : "user " + std::to_string(annotator.user_id)) << ": served "
        << annotator.served << ", submitted " << annotator.submitted << ", discarded " << annotator.discarded
        << ", holding " << annotator.holding << ", gold " << annotator.gold.correct << "/" << annotator.gold.answered;
    if (json["annotators"][index]["paused"].get<bool>()) out << ", paused";
    if (stats.suspensions[index]) out << ", SUSPENDED (" << stats.suspensions[index]->reason << ")";
    out << "\n";
  }
  return OkStatus();
}

Status RunReinstate(CommandContext& context, const ParsedArgs& args) {
  Store* store = nullptr;
  QUORUM_ASSIGN_OR_RETURN(Project project, ProjectOption(context, args, store));
  QUORUM_ASSIGN_OR_RETURN(std::string email, RequireOption(args, "user", "EMAIL"));
  Result<User> user = store->FindUserByEmail(email);
  if (!user.ok()) return MakeError(ErrorCode::kNotFound, "--user: no user with email " + email);
  Distributor distributor(*store, context.clock());
  QUORUM_ASSIGN_OR_RETURN(std::optional<Suspension> before, distributor.SuspensionOf(project, user->id));
  QUORUM_RETURN_IF_ERROR(distributor.Reinstate(project, user->id));
  context.out() << "Reinstated " << user->email << " in project " << project.id
                << (before ? " (was suspended: " + before->reason + ")" : " (was not suspended)")
                << "; only gold answered from now on counts toward the suspension rule\n";
  return OkStatus();
}

Status RunUncertainty(CommandContext& context, const ParsedArgs& args) {
  Store* store = nullptr;
  QUORUM_ASSIGN_OR_RETURN(Project project, ProjectOption(context, args, store));
  if (args.positionals().size() != 1) return MakeError(ErrorCode::kInvalid, "give one FILE of scores");
  const std::string& path = args.positionals()[0];
  QUORUM_ASSIGN_OR_RETURN(nlohmann::json body, ReadJsonFile(path));
  if (!body.is_array()) return MakeError(ErrorCode::kInvalid, path + ": expected a JSON array of {\"record_id\", \"score\"}");
  std::vector<UncertaintyScore> scores;
  std::vector<Problem> problems;
  for (std::size_t index = 0; index < body.size(); ++index) {
    const nlohmann::json& item = body[index];
    const std::string where = path + ":[" + std::to_string(index) + "]";
    const nlohmann::json score = item.is_object() ? item.value("score", nlohmann::json()) : nlohmann::json();
    if (!item.is_object() || !item.contains("record_id") || !item["record_id"].is_number_integer() ||
        !(score.is_null() || score.is_number())) {
      problems.push_back({where, "", "expected {\"record_id\": int, \"score\": number or null}"});
      continue;
    }
    scores.push_back({item["record_id"].get<int64_t>(), score.is_null() ? std::nullopt : std::optional<double>(score.get<double>())});
  }
  if (!problems.empty())
    return RefusedWhole("no score was set", std::move(problems));
  Status set = store->SetUncertainties(project.id, scores);
  if (!set.ok()) return MakeError(set.error().code, "no score was set: " + set.error().message);
  context.out() << "Set " << scores.size() << " uncertainty scores in project " << project.id << "\n";
  return OkStatus();
}

}  // namespace

CommandSpec QueueCommand() {
  return {"queue",
          "the distribution queue: records by state, reservations, per-annotator counts and suspensions",
          "--project ID [--json]",
          "Per annotator: records served, submitted, discarded, held now, their gold tally since their\n"
          "last reinstatement (correct/answered), and whether they are paused or suspended by the gold\n"
          "rule (settings gold_suspend_below and gold_suspend_after). See docs/distribution.md.",
          {{"project", "ID", "the project"}, {"json", "", "print JSON (the same as GET /api/v1/projects/{id}/queue)"}},
          RunQueue};
}

CommandSpec ReinstateCommand() {
  return {"reinstate",
          "lift an annotator's gold suspension: only gold answered from now on counts",
          "--project ID --user EMAIL",
          "The annotator's gold tally starts afresh; they are suspended again only once they have\n"
          "answered gold_suspend_after more gold records below gold_suspend_below.",
          {{"project", "ID", "the project"}, {"user", "EMAIL", "the annotator"}},
          RunReinstate};
}

CommandSpec UncertaintyCommand() {
  return {"uncertainty",
          "set records' uncertainty scores (for ordering \"uncertainty\") from a JSON file",
          "--project ID FILE",
          "FILE is a JSON array of {\"record_id\": ID, \"score\": number or null (clears)}. All or\n"
          "nothing: every record must be in the project, or nothing is set.",
          {{"project", "ID", "the project"}},
          RunUncertainty};
}

}  // namespace quorum
