// Issue 2's figures: import N pairwise preference records (~1.5 KB each, JSON Lines) into a
// fresh database (SQLite; a new PostgreSQL schema when QUORUM_TEST_POSTGRES names a server, see
// store/test_database.h), then export them as native JSON Lines. Prints records/s and peak RSS
// of each phase. Each phase runs in its own child process so its peak RSS is its own.
//
//   bench_import_export [--records N] [--dir DIR] [--keep]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "bench_support.h"
#include "io/byte_sink.h"
#include "io/export_jsonl.h"
#include "io/importer.h"
#include "preference_data.h"
#include "schema/templates.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace {

using quorum::Result;
using quorum::bench::PhaseFigures;
using quorum::bench::PhaseResult;
using quorum::bench::RunPhase;
using quorum::bench::SecondsSince;

// Times the whole import as `quorum import` sees it: open, import, commit, and close (which
// finishes any checkpoint still running), so deferred work is counted too.
std::pair<double, int64_t> ImportPhase(const std::string& db, const std::string& data) {
  const auto start = std::chrono::steady_clock::now();
  int64_t records = -1;
  {
    auto store = quorum::OpenStore(db);
    if (!store.ok()) return {0, -1};
    Result<quorum::ProjectDefinition> definition = quorum::LoadTemplate("pairwise-preference");
    quorum::Project project;
    project.name = "bench";
    project.workspace_id = (*store)->CreateWorkspace("bench")->id;
    project.schema = definition->schema;
    Result<quorum::Project> created = (*store)->CreateProject(project);
    if (!created.ok()) return {0, -1};
    auto source = quorum::OpenFileSource(data);
    quorum::ImportOptions options;
    Result<quorum::ImportReport> report = quorum::ImportRecords(**store, *created, std::move(*source), options);
    if (!report.ok()) {
      std::fprintf(stderr, "import failed: %s\n", report.error().ToString().c_str());
      return {SecondsSince(start), -1};
    }
    records = report->records;
    std::printf("  import committed after %.2f s\n", SecondsSince(start));
    std::fflush(stdout);
  }
  return {SecondsSince(start), records};
}

std::pair<double, int64_t> ExportPhase(const std::string& db, const std::string& out) {
  auto store = quorum::OpenStore(db);
  if (!store.ok()) return {0, -1};
  auto projects = (*store)->ListProjects();
  auto sink = quorum::OpenFileSink(out);
  if (!projects.ok() || projects->empty() || !sink.ok()) return {0, -1};
  const auto start = std::chrono::steady_clock::now();
  Result<quorum::ExportReport> report = quorum::ExportJsonl(**store, projects->front().id, **sink);
  const double seconds = SecondsSince(start);
  if (!report.ok()) {
    std::fprintf(stderr, "export failed: %s\n", report.error().ToString().c_str());
    return {seconds, -1};
  }
  return {seconds, report->records};
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<quorum::bench::BenchArgs> args = quorum::bench::ParseBenchArgs(argc, argv, "bench_import_export");
  if (!args) return 2;
  const int64_t records = args->records;
  const std::string& dir = args->dir;
  const bool keep = args->keep;
  const std::string data = dir + "/bench-preferences.jsonl";
  const std::string file = dir + "/bench-quorum.db";
  const std::string out = dir + "/bench-export.jsonl";
  for (const std::string& path : {file, file + "-wal", file + "-shm"}) std::filesystem::remove(path);
  Result<std::string> fresh = quorum::FreshTestDatabase(dir, "bench-quorum.db");
  if (!fresh.ok()) {
    std::fprintf(stderr, "%s\n", fresh.error().ToString().c_str());
    return 1;
  }
  const std::string db = *fresh;
  std::printf("backend: %s\n", quorum::TestPostgresServer().empty() ? "sqlite" : "postgresql");

  auto generate_start = std::chrono::steady_clock::now();
  const int64_t bytes = quorum::bench::WritePreferenceFile(data, records, 42);
  std::printf("generated %lld records, %.1f MB (%.0f B/record) in %.1f s\n", static_cast<long long>(records),
              bytes / 1e6, static_cast<double>(bytes) / static_cast<double>(records), SecondsSince(generate_start));

  PhaseResult import = RunPhase([&] {
    auto [seconds, count] = ImportPhase(db, data);
    return PhaseFigures{seconds, count};
  });
  if (!import.ok) return 1;
  std::printf("import (open to close): %lld records in %.2f s = %.0f records/s, %.0f MB/s, peak RSS %.1f MB\n",
              static_cast<long long>(import.records), import.seconds, import.records / import.seconds,
              bytes / 1e6 / import.seconds, import.peak_rss_kib / 1024.0);

  PhaseResult exported = RunPhase([&] {
    auto [seconds, count] = ExportPhase(db, out);
    return PhaseFigures{seconds, count};
  });
  if (!exported.ok) return 1;
  std::printf("export: %lld records in %.2f s = %.0f records/s, %.1f MB written, peak RSS %.1f MB\n",
              static_cast<long long>(exported.records), exported.seconds, exported.records / exported.seconds,
              std::filesystem::file_size(out) / 1e6, exported.peak_rss_kib / 1024.0);
  if (std::filesystem::exists(file)) std::printf("database: %.1f MB\n", std::filesystem::file_size(file) / 1e6);
  if (!keep)
    for (const std::string& path : {data, file, file + "-wal", file + "-shm", out}) std::filesystem::remove(path);
  return 0;
}
