// Label Studio's REST API, for scripts and the legacy Python SDK (label-studio-sdk 0.0.x
// `Client` / `Project`) written against Label Studio. The paths, status codes and JSON shapes
// mirror Label Studio 1.13 (label_studio/projects/api.py, tasks/api.py, data_import/api.py and
// the SDK's client.py / project.py); docs/labelstudio.md lists what is served and what differs.
//
// Mapping: a Label Studio project is a Quorum project (label_config <-> schema, through
// schema/label_config.h), a task is a record, an annotation a response, a prediction a group of
// suggestions of one model_version; every id is Quorum's. The permission rules are those of
// /api/v1: managers create, change and import; reviewers list; annotators see only the records
// given to them, only their own annotations, and never gold answers.
//
// Errors: handler errors answer Label Studio's shape, which clients read
// ({"status_code", "detail", "validation_errors"}), with Quorum's {"error": {...}} beside it;
// the router's own 401/403/404 (authentication, roles, unknown ids) keep Quorum's shape, where
// clients only look at the status.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/route.h"
#include "schema/label_config.h"

namespace quorum {

// The routes, one function per ls_api_*.cc file. AddLabelStudioRoutes adds them all.
void AddLabelStudioSystemRoutes(std::vector<Route>& routes);      // ls_api_system.cc: version, health, whoami
void AddLabelStudioProjectRoutes(std::vector<Route>& routes);     // ls_api_projects.cc: projects, validate, export
void AddLabelStudioImportRoutes(std::vector<Route>& routes);      // ls_api_import.cc: task import
void AddLabelStudioTaskRoutes(std::vector<Route>& routes);        // ls_api_tasks.cc: tasks
void AddLabelStudioAnnotationRoutes(std::vector<Route>& routes);  // ls_api_annotations.cc: annotations
void AddLabelStudioPredictionRoutes(std::vector<Route>& routes);  // ls_api_predictions.cc: predictions
void AddLabelStudioUserRoutes(std::vector<Route>& routes);        // ls_api_users.cc: users, export formats
void AddLabelStudioUnservedRoutes(std::vector<Route>& routes);    // ls_api_unserved.cc: 501 for webhooks, storages, ML

// Label Studio's error answer for `error`, with its status (api_error.h):
// {"status_code", "detail": message, "validation_errors": {subject: ["location: reason", ...]},
//  "error": Quorum's error object}. Internal errors say only "internal error".
HttpResponse LsError(const Error& error);

// Django REST framework's plain validation answer, which some Label Studio views return:
// 400 {"<field>": ["problem", ...]}.
HttpResponse LsFieldError(const std::string& field, const Error& error);

// A boolean query parameter as Label Studio's clients send it: "1", "true", "True", "yes" are
// true; "0", "false", "False", "no" false; absent gives `fallback`. kInvalid otherwise.
Result<bool> LsQueryFlag(const HttpRequest& request, std::string_view name, bool fallback);

// Loads project `project_id` into context.project and the caller's role into context.role, for
// routes whose project is named in the query or the body rather than the path. kNotFound when
// the project does not exist or the caller is not a member of its workspace (as the router
// answers), kForbidden when their role is below `min_role`.
Status LoadProjectForCaller(RequestContext& context, int64_t project_id, Role min_role);

// A Quorum user as Label Studio's user object (users/serializers.py): username = email, the name
// split into first and last, `active_organization` = `organization` (a workspace id, or null).
nlohmann::json LsUserJson(const User& user, const nlohmann::json& organization);

// The config of context.project (LabelConfigOf).
Result<LabelConfig> LsConfigOf(const RequestContext& context);

// The task of `record` as the caller may see it (LabelStudioTaskJson with the record id as the
// task id): reviewers and up see every annotation, draft and prediction and which annotation
// is ground truth; annotators only their own annotations and drafts, predictions only when the
// project shows suggestions, and no ground truth. Needs context.project and context.role.
Result<nlohmann::json> LsTaskForCaller(RequestContext& context, const LabelConfig& config, const Record& record);

}  // namespace quorum
