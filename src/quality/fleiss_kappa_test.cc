// Fleiss' kappa against published examples. The random differential test against statsmodels is
// in agreement_differential_test.cc.
#include "quality/fleiss_kappa.h"

#include <gtest/gtest.h>

namespace quorum {
namespace {

// The example of Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters, 5 categories;
// kappa = 0.210.
const std::vector<int32_t> kWikipedia = {
    0, 0, 0, 0, 14,  //
    0, 2, 6, 4, 2,   //
    0, 0, 3, 5, 6,   //
    0, 3, 9, 2, 0,   //
    2, 2, 8, 1, 1,   //
    7, 7, 0, 0, 0,   //
    3, 2, 6, 3, 0,   //
    2, 5, 3, 2, 2,   //
    6, 5, 2, 1, 0,   //
    0, 2, 2, 3, 7,
};

// J. L. Fleiss (1971), "Measuring nominal scale agreement among many raters", Table 1: 30
// patients, 6 psychiatrists each, 5 diagnoses (1 depression, 2 personality disorder,
// 3 schizophrenia, 4 neurosis, 5 other). Fleiss reports kappa = 0.430; R irr's
// kappam.fleiss(diagnoses) gives 0.4302445.
const std::vector<std::vector<int32_t>> kDiagnoses = {
    {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
    {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
    {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
    {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
    {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
    {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
};

TEST(FleissKappaTest, WikipediaExample) {
  Result<FleissKappaResult> result = FleissKappa(kWikipedia, 5);
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  EXPECT_NEAR(result->kappa, 0.210, 0.0005);
  EXPECT_EQ(result->answers_per_item, 14);
  EXPECT_EQ(result->items, 10);
}

TEST(FleissKappaTest, Fleiss1971DiagnosesFromAnswersAndFromTheTable) {
  std::vector<std::vector<int32_t>> rows;
  std::vector<int32_t> table;
  for (const std::vector<int32_t>& patient : kDiagnoses) {
    std::vector<int32_t> codes, counts(5, 0);
    for (int32_t diagnosis : patient) {
      codes.push_back(diagnosis - 1);
      ++counts[static_cast<size_t>(diagnosis - 1)];
    }
    rows.push_back(codes);
    table.insert(table.end(), counts.begin(), counts.end());
  }
  Result<FleissKappaResult> from_answers = FleissKappa(CodedAnswersFromMatrix(rows, 5));
  Result<FleissKappaResult> from_table = FleissKappa(table, 5);
  ASSERT_TRUE(from_answers.ok() && from_table.ok());
  EXPECT_NEAR(from_answers->kappa, 0.4302445, 1e-7);
  EXPECT_NEAR(from_table->kappa, 0.4302445, 1e-7);
  EXPECT_NEAR(from_answers->kappa, 0.430, 0.0005);
}

TEST(FleissKappaTest, ItemsWithAnotherNumberOfAnswersAreLeftOutAndCounted) {
  // Three items of 3 answers, one of 2, one of 1 (not pairable).
  CodedAnswers answers = CodedAnswersFromMatrix({{0, 0, 1}, {1, 1, 1}, {0, 1, 0}, {0, 1, -1}, {1, -1, -1}}, 2);
  Result<FleissKappaResult> result = FleissKappa(answers);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->answers_per_item, 3);
  EXPECT_EQ(result->items, 3);
  EXPECT_EQ(result->items_left_out, 1);
  std::vector<int32_t> table = {2, 1, 0, 3, 2, 1};
  EXPECT_NEAR(result->kappa, FleissKappa(table, 2)->kappa, 1e-12);
}

struct BadTable {
  const char* name;
  std::vector<int32_t> counts;
  int32_t categories;
  const char* says;
};

class FleissBadTableTest : public ::testing::TestWithParam<BadTable> {};

TEST_P(FleissBadTableTest, Refused) {
  Result<FleissKappaResult> result = FleissKappa(GetParam().counts, GetParam().categories);
  ASSERT_FALSE(result.ok()) << GetParam().name;
  EXPECT_NE(result.error().message.find(GetParam().says), std::string::npos) << result.error().message;
}

INSTANTIATE_TEST_SUITE_P(Cases, FleissBadTableTest,
                         ::testing::Values(BadTable{"empty", {}, 2, "non-empty"},
                                           BadTable{"ragged rows", {1, 1, 2, 1}, 2, "same number of answers"},
                                           BadTable{"one rater", {1, 0, 0, 1}, 2, "at least two"},
                                           BadTable{"no variation", {3, 0, 3, 0}, 2, "same category"}));

}  // namespace
}  // namespace quorum
