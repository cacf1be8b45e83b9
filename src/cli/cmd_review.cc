// quorum review: reviewers' verdicts on submitted responses from a file, the same as
// POST /api/v1/projects/{id}/reviews.
#include <ostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/json_file.h"
#include "core/review.h"

namespace quorum {
namespace {

// The reviewer named by --reviewer: a reviewer, manager or owner of the project's workspace.
Result<User> ReviewerOption(Store& store, const ParsedArgs& args, const Project& project) {
  QUORUM_ASSIGN_OR_RETURN(std::string email, RequireOption(args, "reviewer", "EMAIL"));
  Result<User> user = store.FindUserByEmail(email);
  if (!user.ok()) return MakeError(ErrorCode::kNotFound, "--reviewer: no user with email " + email);
  QUORUM_ASSIGN_OR_RETURN(std::optional<Role> role, store.GetRole(project.workspace_id, user->id));
  if (!role || !RoleAtLeast(*role, Role::kReviewer))
    return MakeError(ErrorCode::kInvalid, "--reviewer: " + email + " is not a reviewer, manager or owner of project " +
                                              std::to_string(project.id) + "'s workspace (quorum user add ... --role reviewer)");
  return user;
}

Status RunReview(CommandContext& context, const ParsedArgs& args) {
  QUORUM_ASSIGN_OR_RETURN(std::string id_text, RequireOption(args, "project", "ID"));
  QUORUM_ASSIGN_OR_RETURN(int64_t project_id, ParseId(id_text, "project id"));
  if (args.positionals().size() != 1) return MakeError(ErrorCode::kInvalid, "give one FILE of reviews");
  const std::string& path = args.positionals()[0];
  QUORUM_ASSIGN_OR_RETURN(Store * store, context.store());
  QUORUM_ASSIGN_OR_RETURN(Project project, LoadProject(*store, project_id));
  QUORUM_ASSIGN_OR_RETURN(User reviewer, ReviewerOption(*store, args, project));
  QUORUM_ASSIGN_OR_RETURN(JsonList list, ReadJsonList(path));
  Result<std::vector<Review>> reviews = ReviewListFromJson(list.items);
  if (!reviews.ok()) {
    Error error = std::move(reviews).error();
    // "[3]" becomes "FILE:LINE" (JSON Lines) or "FILE:[3]" (an array).
    for (Problem& problem : error.problems)
      if (problem.location.size() > 2 && problem.location.front() == '[')
        problem.location = list.Where(path, std::stoul(problem.location.substr(1)));
    return error;
  }
  int64_t accepted = 0;
  for (Review& review : *reviews) {
    review.reviewer_id = reviewer.id;
    review.reviewed_at_ms = context.clock().NowMs();
    accepted += review.verdict == ReviewVerdict::kAccepted ? 1 : 0;
  }
  Status set = store->SetReviews(project.id, *reviews);
  if (!set.ok()) return MakeError(set.error().code, "no review was written: " + set.error().message);
  context.out() << "Reviewed " << reviews->size() << " responses in project " << project.id << " as "
                << reviewer.email << ": " << accepted << " accepted, "
                << static_cast<int64_t>(reviews->size()) - accepted << " rejected\n";
  return OkStatus();
}

}  // namespace

CommandSpec ReviewCommand() {
  return {"review",
          "accept or reject submitted responses from a file (all or nothing)",
          "--project ID --reviewer EMAIL FILE",
          "FILE is JSON Lines, or a JSON array, of {\"response_id\": ID, \"verdict\": \"accepted\" or\n"
          "\"rejected\", \"comment\": optional text}. Each replaces the response's review. All or nothing:\n"
          "every response must be a submitted one of the project, not the reviewer's own. Training\n"
          "exports never count rejected answers; --only-accepted counts only accepted ones.",
          {{"project", "ID", "the project"}, {"reviewer", "EMAIL", "who reviews: a reviewer, manager or owner"}},
          RunReview};
}

}  // namespace quorum
