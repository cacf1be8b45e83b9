// Issue 7's figures: export aggregated pairwise preference records (three annotators each) to
// dpo, on projects of N/10 and N records, printing records/s, the RSS before the export and the
// peak RSS of the export process (each export runs in a child process so its peak is its own):
// equal peaks at both sizes mean memory does not grow with the project. Dawid-Skene, which
// needs a first pass over the answers, is timed on the large project too.
//
//   bench_training_export [--records N] [--dir DIR] [--keep] [--reuse]
//
// --reuse exports the database a --keep run left in DIR (with the same --records) instead of
// generating and importing it again.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.h"
#include "export/training_export.h"
#include "io/byte_sink.h"
#include "io/byte_source.h"
#include "io/importer.h"
#include "preference_data.h"
#include "schema/templates.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace {

using quorum::Result;
using quorum::bench::CurrentRssMb;
using quorum::bench::PhaseFigures;
using quorum::bench::PhaseResult;
using quorum::bench::RunPhase;
using quorum::bench::SecondsSince;

// `count` flat preference rows with submitted votes: three unanimous for 60% of the records,
// 2 to 1 for 30%, and 1 to 1 for the rest (left out as ties).
void WriteAnsweredFile(const std::string& path, int64_t count, uint64_t seed) {
  std::ofstream out(path, std::ios::binary);
  std::string row;
  for (int64_t index = 0; index < count; ++index) {
    row.clear();
    quorum::bench::AppendPreferenceRow(row, index, seed);
    row.resize(row.size() - 2);  // "}\n"
    const int kind = static_cast<int>((index * 7919 + static_cast<int64_t>(seed)) % 10);
    const char* winner = index % 2 == 0 ? "response_a" : "response_b";
    const char* loser = index % 2 == 0 ? "response_b" : "response_a";
    std::vector<const char*> votes = {winner, winner, winner};
    if (kind >= 6) votes[2] = loser;
    if (kind == 9) votes = {winner, loser};
    row += ",\"responses\":[";
    for (size_t voter = 0; voter < votes.size(); ++voter) {
      if (voter > 0) row += ',';
      row += "{\"user\":\"ann" + std::to_string(voter + 1) + "@bench.org\",\"values\":{\"preference\":\"";
      row += votes[voter];
      row += "\"},\"status\":\"submitted\"}";
    }
    row += "]}\n";
    out << row;
  }
}

PhaseFigures ImportPhase(const std::string& db, const std::vector<std::string>& files) {
  PhaseFigures result;
  const auto start = std::chrono::steady_clock::now();
  auto store = quorum::OpenStore(db);
  if (!store.ok()) return {0, -1};
  const int64_t workspace = (*store)->CreateWorkspace("bench")->id;
  for (const std::string& file : files) {
    quorum::Project project;
    project.name = file;
    project.workspace_id = workspace;
    project.schema = quorum::LoadTemplate("pairwise-preference")->schema;
    Result<quorum::Project> created = (*store)->CreateProject(project);
    auto source = quorum::OpenFileSource(file);
    quorum::ImportOptions options;
    options.create_users = true;
    Result<quorum::ImportReport> report = quorum::ImportRecords(**store, *created, std::move(*source), options);
    if (!report.ok()) {
      std::fprintf(stderr, "import failed: %s\n", report.error().ToString().c_str());
      return {0, -1};
    }
    result.records += report->records;
  }
  result.seconds = SecondsSince(start);
  return result;
}

PhaseFigures ExportPhase(const std::string& db, size_t project_index, quorum::AggregationMethod method,
                        const std::string& out) {
  PhaseFigures result;
  auto store = quorum::OpenStore(db);
  if (!store.ok()) return {0, -1};
  auto projects = (*store)->ListProjects();
  auto sink = quorum::OpenFileSink(out);
  if (!projects.ok() || projects->size() <= project_index || !sink.ok()) return {0, -1};
  quorum::ExportPolicy policy;
  policy.format = quorum::TrainingFormat::kDpo;
  policy.method = method;
  result.rss_before_mb = CurrentRssMb();
  const auto start = std::chrono::steady_clock::now();
  Result<quorum::ExportSummary> summary =
      quorum::ExportTraining(**store, (*projects)[project_index], policy, **sink);
  result.seconds = SecondsSince(start);
  if (!summary.ok()) {
    std::fprintf(stderr, "export failed: %s\n", summary.error().ToString().c_str());
    return {result.seconds, -1};
  }
  std::printf("  %s", quorum::SummaryText(*summary).c_str());
  std::fflush(stdout);  // the child leaves with _exit, which does not flush
  result.records = summary->records;
  return result;
}

// Generates the two files and imports them into a new database.
bool Prepare(int64_t records, const std::string& small, const std::string& large, const std::string& db) {
  const auto generate_start = std::chrono::steady_clock::now();
  WriteAnsweredFile(small, records / 10, 7);
  WriteAnsweredFile(large, records, 42);
  std::printf("generated %lld + %lld answered records (3 votes each, 2 for a tenth) in %.1f s\n",
              static_cast<long long>(records / 10), static_cast<long long>(records), SecondsSince(generate_start));
  PhaseResult imported = RunPhase([&] { return ImportPhase(db, {small, large}); });
  if (!imported.ok) return false;
  std::printf("import: %lld records in %.1f s\n", static_cast<long long>(imported.records), imported.seconds);
  return true;
}

void PrintExport(const char* label, const PhaseResult& phase, const std::string& out) {
  // CPU time as well as wall time: on a shared machine the wall clock also measures the others.
  std::printf("%s: %lld records in %.2f s = %.0f records/s (CPU %.2f s = %.0f records per CPU second), "
              "%.1f MB written, RSS before %.1f MB, peak RSS %.1f MB\n",
              label, static_cast<long long>(phase.records), phase.seconds, phase.records / phase.seconds,
              phase.cpu_seconds, phase.records / phase.cpu_seconds, std::filesystem::file_size(out) / 1e6,
              phase.rss_before_mb, phase.peak_rss_kib / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  bool reuse = false;
  for (int index = 0; index < argc; ++index) {
    if (index > 0 && std::strcmp(argv[index], "--reuse") == 0)
      reuse = true;
    else
      rest.push_back(argv[index]);
  }
  const std::optional<quorum::bench::BenchArgs> args =
      quorum::bench::ParseBenchArgs(static_cast<int>(rest.size()), rest.data(), "bench_training_export");
  if (!args) return 2;
  const int64_t records = args->records;
  const std::string& dir = args->dir;
  const bool keep = args->keep;
  const std::string small = dir + "/bench-training-small.jsonl", large = dir + "/bench-training-large.jsonl";
  const std::string file = dir + "/bench-training.db", out = dir + "/bench-training-dpo.jsonl";
  std::string db = file;
  if (reuse && quorum::TestPostgresServer().empty() && std::filesystem::exists(file)) {
    std::printf("reusing %s\n", file.c_str());
  } else {
    for (const std::string& path : {file, file + "-wal", file + "-shm"}) std::filesystem::remove(path);
    // SQLite, or a new PostgreSQL schema when QUORUM_TEST_POSTGRES names a server.
    quorum::Result<std::string> fresh = quorum::FreshTestDatabase(dir, "bench-training.db");
    if (!fresh.ok()) {
      std::fprintf(stderr, "%s\n", fresh.error().ToString().c_str());
      return 1;
    }
    db = *fresh;
    if (!Prepare(records, small, large, db)) return 1;
  }

  // The machine is shared: its load says how much of the wall clock was ours.
  std::ifstream loadavg("/proc/loadavg");
  std::string load1, load5, load15;
  loadavg >> load1 >> load5 >> load15;
  std::printf("load average (1, 5, 15 min) before the exports: %s %s %s on %u cores\n", load1.c_str(), load5.c_str(),
              load15.c_str(), std::thread::hardware_concurrency());
  PhaseResult small_export = RunPhase([&] { return ExportPhase(db, 0, quorum::AggregationMethod::kMajority, out); });
  if (!small_export.ok) return 1;
  PrintExport("export dpo, majority, small project", small_export, out);
  PhaseResult large_export = RunPhase([&] { return ExportPhase(db, 1, quorum::AggregationMethod::kMajority, out); });
  if (!large_export.ok) return 1;
  PrintExport("export dpo, majority, large project", large_export, out);
  PhaseResult dawid_skene = RunPhase([&] { return ExportPhase(db, 1, quorum::AggregationMethod::kDawidSkene, out); });
  if (!dawid_skene.ok) return 1;
  PrintExport("export dpo, dawid-skene (two passes), large project", dawid_skene, out);
  if (!keep)
    for (const std::string& path : {small, large, file, file + "-wal", file + "-shm", out}) std::filesystem::remove(path);
  return 0;
}
