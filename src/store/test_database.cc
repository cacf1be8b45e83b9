#include "store/test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <random>

namespace quorum {
namespace {

// A schema name no earlier test used: the process id alone repeats across test runs on one
// cluster, so a random part is added.
std::string NewSchemaName() {
  std::random_device random;
  uint64_t bits = (uint64_t(random()) << 32) | random();
  return "t_" + std::to_string(getpid()) + "_" + std::to_string(bits % 1'000'000'000'000ULL);
}

}  // namespace

std::string TestPostgresServer() {
  const char* server = std::getenv("QUORUM_TEST_POSTGRES");
  return server == nullptr ? std::string() : std::string(server);
}

Result<std::string> FreshTestDatabase(const std::filesystem::path& dir, std::string_view file_name) {
  std::string server = TestPostgresServer();
  if (server.empty()) return (dir / file_name).string();

  std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(server.c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK)
    return MakeError(ErrorCode::kIo, "cannot connect to the test PostgreSQL server " + server + ": " +
                                         PQerrorMessage(connection.get()));
  std::string schema = NewSchemaName();  // letters, digits and '_' only: safe as an identifier
  std::unique_ptr<PGresult, decltype(&PQclear)> result(
      PQexec(connection.get(), ("CREATE SCHEMA " + schema).c_str()), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    return MakeError(ErrorCode::kIo, "cannot create schema " + schema + " on " + server + ": " +
                                         PQerrorMessage(connection.get()));
  char separator = server.find('?') == std::string::npos ? '?' : '&';
  return server + separator + "options=-csearch_path%3D" + schema;
}

}  // namespace quorum
