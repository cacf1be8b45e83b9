// The OpenAPI 3 description of the REST API, served at /api/v1/openapi.json.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace quorum {

// One documented operation. The list is written by hand, apart from the route table, so that
// a test can compare the two: a route without documentation, or documentation of a route that
// does not exist, fails it.
struct DocumentedOperation {
  std::string method;
  std::string path;  // the route pattern, "/api/v1/projects/{id}"
  std::string summary;
  std::vector<std::string> query;  // query parameter names
  bool json_body = false;
  std::vector<int> statuses;  // besides the error statuses every operation may answer
};

const std::vector<DocumentedOperation>& DocumentedOperations();

// The names of a route pattern's path parameters, in order: {"id", "user_id"} for
// "/api/v1/workspaces/{id}/members/{user_id}".
std::vector<std::string> PathParameters(std::string_view path);

// The OpenAPI 3.0 document built from DocumentedOperations().
nlohmann::json OpenApiDocument();

}  // namespace quorum
