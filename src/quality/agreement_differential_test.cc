// Differential test: Cohen's kappa (all weightings) against sklearn.metrics.cohen_kappa_score and
// Fleiss' kappa against statsmodels.stats.inter_rater.fleiss_kappa, on seeded random annotation
// matrices (2 to 10 annotators, 2 to 7 categories, missing answers), to 1e-9. The matrices go to
// a temporary file and tests/python/agreement_reference.py runs once over all of them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <tuple>

#include <unistd.h>

#include "quality/cohen_kappa.h"
#include "quality/fleiss_kappa.h"

namespace quorum {
namespace {

constexpr int kCases = 150;
constexpr double kTolerance = 1e-9;

struct Case {
  int32_t annotators = 0;
  int32_t categories = 0;
  std::vector<std::vector<int32_t>> rows;  // -1: missing
};

std::vector<Case> RandomCases() {
  std::mt19937_64 random(20240611);
  std::vector<Case> cases;
  for (int index = 0; index < kCases; ++index) {
    Case entry;
    entry.annotators = 2 + static_cast<int32_t>(random() % 9);
    entry.categories = 2 + static_cast<int32_t>(random() % 6);
    const int items = 5 + static_cast<int>(random() % 120);
    const double missing = (random() % 4 == 0) ? 0.0 : 0.05 + static_cast<double>(random() % 30) / 100.0;
    // Skewed category use, so some cases agree well and some categories go unused.
    std::vector<double> weights;
    for (int32_t category = 0; category < entry.categories; ++category) weights.push_back(1.0 + static_cast<double>(random() % 10));
    std::discrete_distribution<int32_t> category_of(weights.begin(), weights.end());
    std::uniform_real_distribution<double> unit(0, 1);
    const double copy = unit(random);  // how often an annotator repeats the item's "true" code
    for (int item = 0; item < items; ++item) {
      const int32_t truth = category_of(random);
      std::vector<int32_t> row;
      for (int32_t annotator = 0; annotator < entry.annotators; ++annotator) {
        if (unit(random) < missing) row.push_back(-1);
        else row.push_back(unit(random) < copy ? truth : category_of(random));
      }
      entry.rows.push_back(row);
    }
    cases.push_back(entry);
  }
  return cases;
}

std::string ScriptPath() { return std::string(QUORUM_TEST_DATA) + "/../python/agreement_reference.py"; }

// Runs the reference script over `cases` and returns its output lines.
std::vector<std::string> RunReference(const std::vector<Case>& cases) {
  const std::filesystem::path input =
      std::filesystem::temp_directory_path() / ("quorum-agreement-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(input);
    for (size_t index = 0; index < cases.size(); ++index) {
      const Case& entry = cases[index];
      out << "case " << index << ' ' << entry.annotators << ' ' << entry.categories << ' ' << entry.rows.size() << '\n';
      for (const std::vector<int32_t>& row : entry.rows) {
        for (size_t column = 0; column < row.size(); ++column) out << (column ? " " : "") << row[column];
        out << '\n';
      }
    }
  }
  const std::string command = "/usr/bin/python3 " + ScriptPath() + " " + input.string() + " 2>&1";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  std::vector<std::string> lines;
  if (pipe != nullptr) {
    std::string output;
    char buffer[65536];
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, got);
    const int status = ::pclose(pipe);
    std::istringstream stream(output);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    if (status != 0) lines.insert(lines.begin(), "script failed: " + output.substr(0, 2000));
  }
  std::filesystem::remove(input);
  return lines;
}

KappaWeights ParseWeights(const std::string& name) {
  if (name == "linear") return KappaWeights::kLinear;
  if (name == "quadratic") return KappaWeights::kQuadratic;
  return KappaWeights::kUnweighted;
}

void ExpectSame(const Result<double>& ours, double theirs, const std::string& what) {
  if (std::isnan(theirs)) {
    EXPECT_FALSE(ours.ok()) << what << ": reference is undefined, we gave " << *ours;
    return;
  }
  ASSERT_TRUE(ours.ok()) << what << ": " << ours.error().message << " (reference " << theirs << ")";
  EXPECT_NEAR(*ours, theirs, kTolerance) << what;
}

TEST(AgreementDifferentialTest, CohenAndFleissMatchSklearnAndStatsmodels) {
  const std::vector<Case> cases = RandomCases();
  const std::vector<std::string> lines = RunReference(cases);
  ASSERT_FALSE(lines.empty()) << "no output from " << ScriptPath();
  ASSERT_NE(lines.front().rfind("cohen", 0), std::string::npos) << lines.front();
  int cohen_checked = 0, fleiss_checked = 0, undefined = 0;
  for (const std::string& line : lines) {
    std::istringstream fields(line);
    std::string kind, value_text;
    size_t case_index = 0;
    fields >> kind >> case_index;
    ASSERT_LT(case_index, cases.size()) << line;
    const Case& entry = cases[case_index];
    if (kind == "cohen") {
      int32_t first = 0, second = 0;
      std::string weights;
      fields >> first >> second >> weights >> value_text;
      std::vector<int32_t> codes_a, codes_b;
      for (const std::vector<int32_t>& row : entry.rows) {
        if (row[static_cast<size_t>(first)] < 0 || row[static_cast<size_t>(second)] < 0) continue;
        codes_a.push_back(row[static_cast<size_t>(first)]);
        codes_b.push_back(row[static_cast<size_t>(second)]);
      }
      const double theirs = std::strtod(value_text.c_str(), nullptr);
      undefined += std::isnan(theirs);
      // Both ways in: parallel lists, and the pair's table out of the whole answer table.
      ExpectSame(CohenKappa(codes_a, codes_b, entry.categories, ParseWeights(weights)), theirs, line);
      CodedAnswers answers = CodedAnswersFromMatrix(entry.rows, entry.categories);
      ExpectSame(CohenKappa(ContingencyTableOf(answers, first, second), ParseWeights(weights)), theirs, line + " (table)");
      ++cohen_checked;
    } else if (kind == "fleiss") {
      fields >> value_text;
      std::vector<std::vector<int32_t>> complete;
      for (const std::vector<int32_t>& row : entry.rows)
        if (std::find(row.begin(), row.end(), -1) == row.end()) complete.push_back(row);
      Result<FleissKappaResult> ours = FleissKappa(CodedAnswersFromMatrix(complete, entry.categories));
      const double theirs = std::strtod(value_text.c_str(), nullptr);
      ExpectSame(ours.ok() ? Result<double>(ours->kappa) : Result<double>(ours.error()), theirs, line);
      ++fleiss_checked;
    } else {
      ADD_FAILURE() << "unexpected line: " << line;
    }
  }
  // Enough comparisons to mean something, and some undefined cases exercised too.
  EXPECT_GT(cohen_checked, 3000);
  EXPECT_GT(fleiss_checked, 100);
  RecordProperty("cohen_checked", cohen_checked);
  RecordProperty("fleiss_checked", fleiss_checked);
  RecordProperty("undefined", undefined);
  std::printf("compared %d Cohen kappas (%d undefined on both sides) and %d Fleiss kappas\n", cohen_checked, undefined,
              fleiss_checked);
}

}  // namespace
}  // namespace quorum
