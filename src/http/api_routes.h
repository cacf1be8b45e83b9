// The REST API's routes, one function per resource file. routes.cc puts them together.
#pragma once

#include <vector>

#include "http/route.h"

namespace quorum {

void AddSystemRoutes(std::vector<Route>& routes);    // api_system.cc: health, OpenAPI
void AddAuthRoutes(std::vector<Route>& routes);      // api_auth.cc: login, logout, me, tokens
void AddWorkspaceRoutes(std::vector<Route>& routes); // api_workspaces.cc: workspaces, members
void AddProjectRoutes(std::vector<Route>& routes);   // api_projects.cc
void AddRecordRoutes(std::vector<Route>& routes);    // api_records.cc: records, suggestions, next
void AddResponseRoutes(std::vector<Route>& routes);  // api_responses.cc
void AddQualityRoutes(std::vector<Route>& routes);   // api_quality.cc: agreement, aggregates, annotators
void AddLabelStudioRoutes(std::vector<Route>& routes);  // ls_api_*.cc: Label Studio's API under /api/
void AddMyWorkRoutes(std::vector<Route>& routes);    // api_my_work.cc: the caller's own responses
void AddDistributionRoutes(std::vector<Route>& routes);  // api_distribution.cc: the queue
void AddReviewRoutes(std::vector<Route>& routes);    // api_reviews.cc: reviewers' verdicts

// Every route of the server, in matching order.
std::vector<Route> AllRoutes();

}  // namespace quorum
