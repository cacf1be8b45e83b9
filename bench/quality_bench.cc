// Issue 6's figures: agreement and aggregation speed in memory, beside sklearn / statsmodels on
// the same data (timed in the same run, as ratios), and `quorum agreement` end to end on a
// project of N answered records: SQLite, or PostgreSQL when QUORUM_TEST_POSTGRES is set.
//
//   bench_quality [--records N] [--dir DIR] [--keep] [--no-e2e | --e2e-only] [--repeats R]
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include "io/answer_table.h"
#include "quality/cohen_kappa.h"
#include "quality/dawid_skene.h"
#include "quality/fleiss_kappa.h"
#include "quality/krippendorff_alpha.h"
#include "quality/majority_vote.h"
#include "quality/question_agreement.h"
#include "schema/templates.h"
#include "store/open_store.h"
#include "store/test_database.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Best of `repeats` runs of `work`, in seconds.
double Best(int repeats, const std::function<void()>& work) {
  double best = 1e300;
  for (int run = 0; run < repeats; ++run) {
    const auto start = Clock::now();
    work();
    best = std::min(best, SecondsSince(start));
  }
  return best;
}

std::string Duration(double seconds) {
  char text[32];
  if (seconds < 1e-3) std::snprintf(text, sizeof text, "%.0f us", seconds * 1e6);
  else if (seconds < 1) std::snprintf(text, sizeof text, "%.1f ms", seconds * 1e3);
  else std::snprintf(text, sizeof text, "%.2f s", seconds);
  return text;
}

// N items x `annotators` answers on a 5-point scale: a true value, each annotator right 70% of
// the time, else off by one (or two) steps.
struct Matrix {
  int64_t items = 0;
  int annotators = 0;
  std::vector<int8_t> codes;  // row-major
  std::vector<int32_t> truth;
};

Matrix MakeMatrix(int64_t items, int annotators, uint64_t seed) {
  Matrix matrix{items, annotators, std::vector<int8_t>(static_cast<size_t>(items * annotators)), {}};
  std::mt19937_64 random(seed);
  std::discrete_distribution<int> truth_of({10, 20, 30, 25, 15});
  std::uniform_real_distribution<double> unit(0, 1);
  for (int64_t item = 0; item < items; ++item) {
    const int truth = truth_of(random);
    matrix.truth.push_back(truth);
    for (int annotator = 0; annotator < annotators; ++annotator) {
      int code = truth;
      const double draw = unit(random);
      if (draw > 0.7) code += draw > 0.85 ? 1 : -1;
      if (draw > 0.95) code += code > truth ? 1 : -1;
      matrix.codes[static_cast<size_t>(item * annotators + annotator)] = static_cast<int8_t>(std::clamp(code, 0, 4));
    }
  }
  return matrix;
}

quorum::CodedAnswers ToAnswers(const Matrix& matrix) {
  quorum::CodedAnswers answers(matrix.annotators, 5);
  answers.Reserve(matrix.items, matrix.items * matrix.annotators);
  for (int64_t item = 0; item < matrix.items; ++item) {
    answers.StartItem();
    for (int annotator = 0; annotator < matrix.annotators; ++annotator)
      answers.Add(annotator, matrix.codes[static_cast<size_t>(item * matrix.annotators + annotator)]);
  }
  return answers;
}

struct Reference {
  double sklearn_cohen = 0, sklearn_kappa = 0, statsmodels_table = 0, statsmodels_fleiss = 0, statsmodels_kappa = 0;
  bool ok = false;
};

Reference RunReference(const Matrix& matrix, const std::string& dir, int repeats) {
  const std::string path = dir + "/bench-quality-matrix.bin";
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(matrix.codes.data()),
                                              static_cast<std::streamsize>(matrix.codes.size()));
  const std::string command = "/usr/bin/python3 " QUORUM_PYTHON_DIR "/bench_reference.py " + path + " " +
                              std::to_string(matrix.items) + " " + std::to_string(matrix.annotators) + " " +
                              std::to_string(repeats);
  Reference reference;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return reference;
  char line[256];
  int found = 0;
  while (std::fgets(line, sizeof line, pipe) != nullptr) {
    found += std::sscanf(line, "sklearn_cohen %lf %lf", &reference.sklearn_cohen, &reference.sklearn_kappa) == 2;
    found += std::sscanf(line, "statsmodels_table %lf", &reference.statsmodels_table) == 1;
    found += std::sscanf(line, "statsmodels_fleiss %lf %lf", &reference.statsmodels_fleiss, &reference.statsmodels_kappa) == 2;
  }
  reference.ok = ::pclose(pipe) == 0 && found == 3;
  std::filesystem::remove(path);
  return reference;
}

void InMemory(int64_t items, const std::string& dir, int repeats) {
  std::printf("In memory, %lld records x 3 annotators, 5-point scale (best of %d runs):\n", static_cast<long long>(items),
              repeats);
  const Matrix matrix = MakeMatrix(items, 3, 7);
  const quorum::CodedAnswers answers = ToAnswers(matrix);
  std::vector<int32_t> first(static_cast<size_t>(items)), second(static_cast<size_t>(items));
  for (int64_t item = 0; item < items; ++item) {
    first[static_cast<size_t>(item)] = matrix.codes[static_cast<size_t>(item * 3)];
    second[static_cast<size_t>(item)] = matrix.codes[static_cast<size_t>(item * 3 + 1)];
  }
  double alpha = 0, kappa = 0, fleiss = 0;
  const double alpha_seconds = Best(repeats, [&] { alpha = *quorum::KrippendorffAlpha(answers, quorum::Level::kOrdinal); });
  const double cohen_seconds = Best(repeats, [&] {
    kappa = *quorum::CohenKappa(first, second, 5, quorum::KappaWeights::kUnweighted);
  });
  const double fleiss_seconds = Best(repeats, [&] { fleiss = quorum::FleissKappa(answers)->kappa; });
  const Reference reference = RunReference(matrix, dir, std::max(1, repeats / 2));

  std::printf("  %-44s %10s   (target < 20 ms)  alpha = %.6f\n", "Krippendorff's alpha, ordinal", Duration(alpha_seconds).c_str(),
              alpha);
  std::printf("  %-44s %10s   kappa = %.12f\n", ("Cohen's kappa, " + std::to_string(items) + " pairs").c_str(),
              Duration(cohen_seconds).c_str(), kappa);
  std::printf("  %-44s %10s   kappa = %.12f\n", "Fleiss' kappa (no table needed)", Duration(fleiss_seconds).c_str(), fleiss);
  if (!reference.ok) {
    std::printf("  (sklearn / statsmodels reference did not run: /usr/bin/python3 with python3-sklearn and "
                "python3-statsmodels is needed)\n");
    return;
  }
  std::printf("  %-44s %10s   kappa = %.12f\n", "sklearn cohen_kappa_score, same pairs", Duration(reference.sklearn_cohen).c_str(),
              reference.sklearn_kappa);
  std::printf("  %-44s %10s\n", "statsmodels aggregate_raters (Fleiss table)", Duration(reference.statsmodels_table).c_str());
  std::printf("  %-44s %10s   kappa = %.12f\n", "statsmodels table + fleiss_kappa", Duration(reference.statsmodels_fleiss).c_str(),
              reference.statsmodels_kappa);
  std::printf("  ratios (issue: aim for 10x faster than both):\n");
  std::printf("    alpha ordinal vs sklearn Cohen:          %7.1fx faster\n", reference.sklearn_cohen / alpha_seconds);
  std::printf("    alpha ordinal vs statsmodels table:      %7.1fx faster\n", reference.statsmodels_table / alpha_seconds);
  std::printf("    our Cohen vs sklearn Cohen:              %7.1fx faster\n", reference.sklearn_cohen / cohen_seconds);
  std::printf("    our Fleiss vs statsmodels table + kappa: %7.1fx faster\n", reference.statsmodels_fleiss / fleiss_seconds);
  std::printf("  same values: Cohen |diff| = %.1e, Fleiss |diff| = %.1e\n", std::abs(kappa - reference.sklearn_kappa),
              std::abs(fleiss - reference.statsmodels_kappa));
}

double Accuracy(const std::vector<quorum::ItemAggregate>& aggregates, const std::vector<int32_t>& truth) {
  int64_t right = 0;
  for (const quorum::ItemAggregate& aggregate : aggregates) right += aggregate.code == truth[static_cast<size_t>(aggregate.item)];
  return static_cast<double>(right) / static_cast<double>(truth.size());
}

void DawidSkeneFigures(int64_t items, int repeats) {
  std::printf("\nDawid-Skene, %lld records x 3 answers x 5 classes (target < 2 s):\n", static_cast<long long>(items));
  // A fixed team of three: identical answer patterns collapse.
  const Matrix matrix = MakeMatrix(items, 3, 11);
  const quorum::CodedAnswers fixed_team = ToAnswers(matrix);
  quorum::DawidSkeneResult fit;
  const double fixed_seconds = Best(repeats, [&] { fit = *quorum::DawidSkene(fixed_team); });
  const double majority = Accuracy(quorum::MajorityVote(fixed_team, quorum::TiePolicy::kRandom), matrix.truth);
  std::printf("  3 fixed annotators:      %10s  %d iterations, %lld patterns; accuracy %.3f (majority vote %.3f)\n",
              Duration(fixed_seconds).c_str(), fit.iterations, static_cast<long long>(fit.patterns),
              Accuracy(fit.aggregates, matrix.truth), majority);
  // Three of 50 annotators per record: far more patterns, the harder case.
  const Matrix wide = MakeMatrix(items, 3, 12);
  quorum::CodedAnswers pool(50, 5);
  pool.Reserve(items, items * 3);
  std::mt19937_64 random(13);
  for (int64_t item = 0; item < items; ++item) {
    pool.StartItem();
    int32_t chosen[3];
    for (int slot = 0; slot < 3; ++slot) {
      int32_t annotator;
      do annotator = static_cast<int32_t>(random() % 50);
      while (std::find(chosen, chosen + slot, annotator) != chosen + slot);
      chosen[slot] = annotator;
      pool.Add(annotator, wide.codes[static_cast<size_t>(item * 3 + slot)]);
    }
  }
  const double pool_seconds = Best(std::max(1, repeats / 2), [&] { fit = *quorum::DawidSkene(pool); });
  std::printf("  3 of 50 annotators each: %10s  %d iterations, %lld patterns; accuracy %.3f\n", Duration(pool_seconds).c_str(),
              fit.iterations, static_cast<long long>(fit.patterns), Accuracy(fit.aggregates, wide.truth));
}

// A pairwise preference project of `records` records (~1.4 KB of text each), every one
// answered by three annotators, written straight through the store's import batch.
bool BuildProject(const std::string& db, int64_t records) {
  auto store = quorum::OpenStore(db);
  if (!store.ok()) return false;
  quorum::Project project;
  project.name = "bench quality";
  project.workspace_id = (*store)->CreateWorkspace("bench")->id;
  project.schema = quorum::LoadTemplate("pairwise-preference")->schema;
  auto created = (*store)->CreateProject(project);
  if (!created.ok()) return false;
  auto batch = (*store)->BeginImport(created->id);
  if (!batch.ok()) return false;
  int64_t users[3];
  for (int annotator = 0; annotator < 3; ++annotator)
    users[annotator] = (*batch)->ResolveUser("annotator" + std::to_string(annotator) + "@bench", true)->id;
  const char* models[4] = {"llama-3.1-8b-instruct", "mistral-7b-instruct-v0.3", "qwen2.5-7b-instruct", "gemma-2-9b-it"};
  std::mt19937_64 random(5);
  std::string text(460, 'x'), fields, metadata, external;
  for (size_t index = 0; index < text.size(); ++index) text[index] = "abcdefgh ijklmnop qrstuv wxyz"[random() % 29];
  for (int64_t record = 0; record < records; ++record) {
    fields = "{\"prompt\":\"" + text + "\",\"response_a\":\"" + text + "\",\"response_b\":\"" + text + "\"}";
    const size_t model_a = random() % 4, model_b = (model_a + 1 + random() % 3) % 4;
    metadata = std::string("{\"model_a\":\"") + models[model_a] + "\",\"model_b\":\"" + models[model_b] + "\"}";
    external = "rec-" + std::to_string(record);
    auto id = (*batch)->PutRecord({external, fields, metadata, "{}", 0, 0}, quorum::OnDuplicate::kRefuse);
    if (!id.ok()) return false;
    const bool a_better = random() % 2 == 0;
    for (int annotator = 0; annotator < 3; ++annotator) {
      const bool says_a = random() % 10 < 8 ? a_better : !a_better;
      quorum::ResponseRow response;
      response.user_id = users[annotator];
      response.values_json = says_a ? R"({"preference":"response_a"})" : R"({"preference":"response_b"})";
      response.status = quorum::ResponseStatus::kSubmitted;
      response.time_spent_ms = 20000 + static_cast<int64_t>(random() % 60000);
      if (!(*batch)->PutResponse(*id, response).ok()) return false;
    }
  }
  return (*batch)->Commit().ok();
}

// A visitor that only counts: the cost of ScanProject itself.
class CountingVisitor final : public quorum::ProjectVisitor {
 public:
  quorum::Status OnRecord(const quorum::RecordView&, std::span<const quorum::SuggestionView>,
                          std::span<const quorum::ResponseView> responses) override {
    ++records;
    this->responses += static_cast<int64_t>(responses.size());
    return quorum::OkStatus();
  }
  int64_t records = 0, responses = 0;
};

// Where `quorum agreement`'s time goes, measured in process.
void Phases(const std::string& db) {
  auto store = quorum::OpenStore(db);
  if (!store.ok()) return;
  auto project = (*store)->GetProject(1);
  if (!project.ok()) return;
  CountingVisitor counter;
  const double scan = Best(1, [&] { (void)(*store)->ScanProject(1, counter); });
  quorum::ScanParts answers_only;
  answers_only.fields = false;
  answers_only.revisions = false;
  const double answer_scan = Best(1, [&] { (void)(*store)->ScanProject(1, counter, answers_only); });
  quorum::AnswerTable table;
  const double load = Best(1, [&] { table = std::move(*quorum::LoadAnswerTable(**store, *project)); });
  const double agreement = Best(1, [&] {
    for (const quorum::QuestionAnswers& question : table.questions) (void)quorum::AgreementOf(question, quorum::AgreementOptions{});
  });
  std::printf("  in process: Store::ScanProject, everything %s; without fields and revisions %s;\n"
              "              LoadAnswerTable (that scan + coding) %s; AgreementOf, every question %s\n",
              Duration(scan).c_str(), Duration(answer_scan).c_str(), Duration(load).c_str(), Duration(agreement).c_str());
}

// Runs `quorum --db DB ARGS > /dev/null`; returns its wall time, or -1 when it fails.
double TimeCommand(const std::string& db, const std::string& args) {
  const std::string command = std::string(QUORUM_BINARY) + " --db '" + db + "' " + args + " > /dev/null";
  const auto start = Clock::now();
  const int status = std::system(command.c_str());
  const double seconds = SecondsSince(start);
  return status == 0 ? seconds : -1;
}

// On SQLite a kept database file is reused; on PostgreSQL (QUORUM_TEST_POSTGRES) each run builds
// its project in a fresh schema.
void EndToEnd(int64_t records, const std::string& dir, bool keep) {
  const bool postgres = !quorum::TestPostgresServer().empty();
  std::string db = dir + "/bench-quality-" + std::to_string(records) + ".db";
  if (postgres) {
    quorum::Result<std::string> fresh = quorum::FreshTestDatabase(dir);
    if (!fresh.ok()) {
      std::printf("  no PostgreSQL database: %s\n", fresh.error().ToString().c_str());
      return;
    }
    db = *fresh;
  }
  std::printf("\nEnd to end, a %s project of %lld answered records (3 responses each):\n",
              postgres ? "PostgreSQL" : "SQLite", static_cast<long long>(records));
  if (postgres || !std::filesystem::exists(db)) {
    const auto start = Clock::now();
    if (!BuildProject(db, records)) {
      std::printf("  could not build %s\n", db.c_str());
      return;
    }
    std::printf("  built %s in %.1f s", db.c_str(), SecondsSince(start));
    if (!postgres) std::printf(" (%.0f MB)", static_cast<double>(std::filesystem::file_size(db)) / 1e6);
    std::printf("\n");
  } else {
    std::printf("  reusing %s\n", db.c_str());
  }
  struct Run {
    const char* name;
    const char* args;
  };
  for (const Run& run : {Run{"quorum agreement (target < 3 s)", "agreement --project 1"},
                         Run{"quorum agreement --json", "agreement --project 1 --json"},
                         Run{"quorum annotators", "annotators --project 1"},
                         Run{"quorum aggregate (1 row per record)", "aggregate --project 1 --json"},
                         Run{"quorum aggregate --method dawid-skene", "aggregate --project 1 --method dawid-skene --json"},
                         Run{"quorum aggregate --method bradley-terry", "aggregate --project 1 --method bradley-terry"}}) {
    double best = 1e300;
    for (int attempt = 0; attempt < 2; ++attempt) best = std::min(best, TimeCommand(db, run.args));
    std::printf("  %-44s %10s\n", run.name, best < 0 ? "FAILED" : Duration(best).c_str());
  }
  Phases(db);
  if (!keep && !postgres)
    for (const std::string& path : {db, db + "-wal", db + "-shm"}) std::filesystem::remove(path);
}

}  // namespace

int main(int argc, char** argv) {
  int64_t records = 1'000'000;
  std::string dir = std::filesystem::temp_directory_path().string();
  bool keep = false, e2e = true, in_memory = true;
  int repeats = 5;
  for (int index = 1; index < argc; ++index) {
    if (std::strcmp(argv[index], "--records") == 0 && index + 1 < argc) records = std::atoll(argv[++index]);
    else if (std::strcmp(argv[index], "--dir") == 0 && index + 1 < argc) dir = argv[++index];
    else if (std::strcmp(argv[index], "--repeats") == 0 && index + 1 < argc) repeats = std::max(1, std::atoi(argv[++index]));
    else if (std::strcmp(argv[index], "--keep") == 0) keep = true;
    else if (std::strcmp(argv[index], "--no-e2e") == 0) e2e = false;
    else if (std::strcmp(argv[index], "--e2e-only") == 0) in_memory = false;
    else {
      std::fprintf(stderr, "usage: bench_quality [--records N] [--dir DIR] [--keep] [--no-e2e | --e2e-only] [--repeats R]\n");
      return 2;
    }
  }
  if (in_memory) {
    InMemory(records, dir, repeats);
    DawidSkeneFigures(records, repeats);
  }
  std::fflush(stdout);
  if (e2e) EndToEnd(records, dir, keep);
  return 0;
}
