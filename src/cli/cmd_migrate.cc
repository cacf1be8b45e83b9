// quorum migrate: copies a whole database into an empty one (SQLite <-> PostgreSQL).
#include <filesystem>
#include <optional>
#include <ostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/database_copy.h"
#include "store/open_store.h"

namespace quorum {
namespace {

// The file behind a SQLite URL (a plain path, sqlite:PATH or sqlite://PATH, as OpenStore reads
// them); nullopt for a server URL.
std::optional<std::filesystem::path> SqliteFile(std::string_view url) {
  if (url.starts_with("sqlite://")) return std::filesystem::path(url.substr(9));
  if (url.starts_with("sqlite:")) return std::filesystem::path(url.substr(7));
  if (url.find("://") != std::string_view::npos) return std::nullopt;
  return std::filesystem::path(url);
}

void RemoveSqliteFiles(const std::filesystem::path& file) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix, ignored);
}

Status RunMigrate(CommandContext& context, const ParsedArgs& args) {
  const std::string from_url = args.Get("from").value_or(context.db_url());
  QUORUM_ASSIGN_OR_RETURN(std::string to_url, RequireOption(args, "to", "URL"));
  if (std::optional<std::filesystem::path> file = SqliteFile(from_url); file && !std::filesystem::exists(*file))
    return MakeError(ErrorCode::kNotFound, "--from " + from_url + ": no such database file");
  // A SQLite target that this command creates is removed again when the copy fails, so that a
  // failed migrate leaves nothing behind; another target can only be told about.
  std::optional<std::filesystem::path> new_file = SqliteFile(to_url);
  if (new_file && std::filesystem::exists(*new_file)) new_file.reset();

  QUORUM_ASSIGN_OR_RETURN(std::unique_ptr<Store> from, OpenStore(from_url, context.clock()));
  Result<std::unique_ptr<Store>> to = OpenStore(to_url, context.clock());
  if (!to.ok()) {
    if (new_file) RemoveSqliteFiles(*new_file);
    return std::move(to).error();
  }
  Result<CopyCounts> copied = CopyDatabase(*from, **to);
  if (!copied.ok()) {
    Error error = std::move(copied).error();
    to->reset();
    if (new_file) {
      RemoveSqliteFiles(*new_file);
    } else if (error.code != ErrorCode::kConflict) {
      error.message += "; " + to_url + " now holds part of the copy: empty it before trying again";
    }
    return error;
  }
  context.out() << "Copied " << from_url << " to " << to_url << ": " << copied->workspaces << " workspaces, "
                << copied->users << " users, " << copied->memberships << " memberships, " << copied->projects
                << " projects, " << copied->records << " records, " << copied->responses << " responses, "
                << copied->reviews << " reviews, "
                << copied->tokens << " API tokens\n";
  return OkStatus();
}

}  // namespace

CommandSpec MigrateCommand() {
  return {"migrate",
          "copy a whole database into an empty one (SQLite to PostgreSQL, and back)",
          "--to URL [--from URL]",
          "Copies workspaces, users (with their password hashes), memberships, projects (schema,\n"
          "settings, guidelines), records (metadata, gold, priority), suggestions, responses with\n"
          "every revision, and API tokens, keeping every id, so URLs, scripts and tokens keep\n"
          "working. Login sessions are not copied (people log in again), nor reservations (records\n"
          "being annotated return to the queue). The target must be empty. Stop the servers on the\n"
          "source first: writes made during the copy may be missed.\n"
          "  quorum migrate --from quorum.db --to postgres://quorum@db.example.org/quorum",
          {{"from", "URL", "the database to copy (default: the --db database)"},
           {"to", "URL", "the empty database to copy into (a SQLite path or postgres://...)"}},
          RunMigrate};
}

}  // namespace quorum
