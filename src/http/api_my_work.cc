// The caller's own work in a project: their responses (drafts, submitted, skipped) with the
// record each belongs to and the review of each, and their progress. What the web UI's "My
// work" list and the project list's progress show; annotators reach only their own responses
// here.
#include "http/api_error.h"
#include "http/api_json.h"
#include "http/api_routes.h"
#include "http/visibility.h"

namespace quorum {
namespace {

constexpr int kPageSize = 100;

// The first `length` code points of a field value that is a string, for a list row.
std::string Preview(const nlohmann::json& fields, std::size_t length) {
  for (const auto& [name, value] : fields.items()) {
    if (!value.is_string()) continue;
    const std::string& text = value.get_ref<const std::string&>();
    std::size_t end = 0;
    for (std::size_t count = 0; end < text.size() && count < length; ++count) {
      ++end;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
    return text.substr(0, end) + (end < text.size() ? "…" : "");
  }
  return "";
}

// How many records of the project the caller has a response with `status` to, counted a
// thousand at a time.
Result<int64_t> CountMine(RequestContext& context, ResponseStatus status) {
  RecordFilter filter;
  filter.project_id = context.project->id;
  filter.annotator_id = context.caller->user.id;
  filter.response_status = status;
  filter.limit = 1000;
  int64_t count = 0;
  while (true) {
    QUORUM_ASSIGN_OR_RETURN(std::vector<Record> page, context.store.FindRecords(filter));
    count += static_cast<int64_t>(page.size());
    if (static_cast<int>(page.size()) < filter.limit) return count;
    filter.after_id = page.back().id;
  }
}

Result<nlohmann::json> MyWork(RequestContext& context) {
  RecordFilter filter;
  filter.project_id = context.project->id;
  filter.annotator_id = context.caller->user.id;
  filter.limit = kPageSize;
  QUORUM_ASSIGN_OR_RETURN(filter.after_id, QueryInteger(context.request, "after", 0));  // the previous next_cursor
  QUORUM_ASSIGN_OR_RETURN(std::vector<Record> records, context.store.FindRecords(filter));
  nlohmann::json items = nlohmann::json::array();
  for (const Record& record : records) {
    QUORUM_ASSIGN_OR_RETURN(std::optional<Response> mine, context.store.FindResponse(record.id, context.caller->user.id));
    if (!mine) continue;
    std::vector<Review> reviews;  // only submitted responses are reviewed
    if (mine->status == ResponseStatus::kSubmitted) {
      QUORUM_ASSIGN_OR_RETURN(reviews, context.store.ListReviews(record.id));
    }
    items.push_back({{"record", {{"id", record.id}, {"external_id", record.external_id}, {"preview", Preview(record.fields, 80)}}},
                     {"response", ReviewedResponseJson(*mine, reviews, RoleAtLeast(*context.role, Role::kReviewer))}});
  }
  QUORUM_ASSIGN_OR_RETURN(int64_t submitted, CountMine(context, ResponseStatus::kSubmitted));
  QUORUM_ASSIGN_OR_RETURN(int64_t drafts, CountMine(context, ResponseStatus::kDraft));
  QUORUM_ASSIGN_OR_RETURN(int64_t skipped, CountMine(context, ResponseStatus::kDiscarded));
  QUORUM_ASSIGN_OR_RETURN(int64_t total, context.store.CountRecords(context.project->id));
  nlohmann::json next = nullptr;
  if (static_cast<int>(records.size()) == filter.limit) next = records.back().id;
  return nlohmann::json{{"items", items},
                        {"next_cursor", next},
                        {"counts", {{"submitted", submitted}, {"draft", drafts}, {"discarded", skipped}, {"records", total}}},
                        {"allow_edit_submitted", AllowsEditSubmitted(*context.project)}};
}

HttpResponse MyWorkRoute(RequestContext& context) {
  Result<nlohmann::json> work = MyWork(context);
  if (!work.ok()) return ErrorResponse(work.error());
  return JsonResponse(200, *work);
}

}  // namespace

void AddMyWorkRoutes(std::vector<Route>& routes) {
  routes.push_back({"GET", "/api/v1/projects/{id}/my-work", Access{Scope::kProject, Role::kAnnotator},
                    "the caller's responses in the project and their counts", MyWorkRoute});
}

}  // namespace quorum
