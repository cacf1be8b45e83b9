// Cohen's kappa against published examples. The random differential test against sklearn is
// in agreement_differential_test.cc.
#include "quality/cohen_kappa.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace quorum {
namespace {

ContingencyTable Table(const std::vector<std::vector<double>>& rows) {
  ContingencyTable table = EmptyContingencyTable(static_cast<int32_t>(rows.size()));
  for (size_t row = 0; row < rows.size(); ++row)
    for (size_t column = 0; column < rows.size(); ++column) table.cells[row * rows.size() + column] = rows[row][column];
  return table;
}

struct PublishedKappa {
  const char* source;
  KappaWeights weights;
  double kappa;
  double tolerance;
};

// The SAS/STAT PROC FREQ agreement example (3 x 3 table), whose printout statsmodels reproduces
// in stats/tests/test_inter_rater.py: simple kappa 0.4842, weighted kappa with Cicchetti-Allison
// (linear) weights 0.4701.
class SasExampleTest : public ::testing::TestWithParam<PublishedKappa> {};

TEST_P(SasExampleTest, MatchesThePrintout) {
  Result<double> kappa = CohenKappa(Table({{0, 4, 1}, {0, 8, 0}, {0, 1, 5}}), GetParam().weights);
  ASSERT_TRUE(kappa.ok());
  EXPECT_NEAR(*kappa, GetParam().kappa, GetParam().tolerance) << GetParam().source;
}

INSTANTIATE_TEST_SUITE_P(Sas, SasExampleTest,
                         ::testing::Values(PublishedKappa{"SAS simple kappa", KappaWeights::kUnweighted, 0.4842, 5e-5},
                                           PublishedKappa{"SAS weighted kappa (Cicchetti-Allison)", KappaWeights::kLinear,
                                                          0.4701, 5e-5}));

// R package irr (Gamer, Lemon, Fellows, Singh), data set `anxiety`, raters 2 and 3, values
// kappa2(anxiety[,2:3]) = -0.006289308, kappa2(..., "equal") = 0.1459075 (linear) and
// kappa2(..., "squared") = 0.2520325 (quadratic). irr weighs by the position among the levels
// present (1, 2, 3, 4, 6), as we do once values are coded by rank.
const std::vector<int32_t> kRater2 = {3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4};
const std::vector<int32_t> kRater3 = {2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2};

int32_t RankAmongLevels(int32_t value) {
  const std::vector<int32_t> levels = {1, 2, 3, 4, 6};
  return static_cast<int32_t>(std::find(levels.begin(), levels.end(), value) - levels.begin());
}

class IrrAnxietyTest : public ::testing::TestWithParam<PublishedKappa> {};

TEST_P(IrrAnxietyTest, MatchesIrr) {
  std::vector<int32_t> first, second;
  for (int32_t value : kRater2) first.push_back(RankAmongLevels(value));
  for (int32_t value : kRater3) second.push_back(RankAmongLevels(value));
  Result<double> kappa = CohenKappa(first, second, 5, GetParam().weights);
  ASSERT_TRUE(kappa.ok());
  EXPECT_NEAR(*kappa, GetParam().kappa, GetParam().tolerance) << GetParam().source;
}

INSTANTIATE_TEST_SUITE_P(Irr, IrrAnxietyTest,
                         ::testing::Values(PublishedKappa{"kappa2 unweighted", KappaWeights::kUnweighted, -0.006289308, 1e-9},
                                           PublishedKappa{"kappa2 equal", KappaWeights::kLinear, 0.1459075, 1e-7},
                                           PublishedKappa{"kappa2 squared", KappaWeights::kQuadratic, 0.2520325, 1e-7}));

TEST(CohenKappaTest, PerfectAndUndefined) {
  EXPECT_DOUBLE_EQ(*CohenKappa(std::vector<int32_t>{0, 1, 2, 1}, std::vector<int32_t>{0, 1, 2, 1}, 3, KappaWeights::kQuadratic), 1.0);
  Result<double> constant = CohenKappa(std::vector<int32_t>{1, 1}, std::vector<int32_t>{1, 1}, 3, KappaWeights::kUnweighted);
  ASSERT_FALSE(constant.ok());
  EXPECT_NE(constant.error().message.find("same answer"), std::string::npos);
  EXPECT_FALSE(CohenKappa(std::vector<int32_t>{1}, std::vector<int32_t>{1, 0}, 2, KappaWeights::kUnweighted).ok());
  EXPECT_FALSE(CohenKappa(EmptyContingencyTable(3), KappaWeights::kUnweighted).ok());
}

TEST(CohenKappaTest, WeightsForgiveNearMisses) {
  // Off by one everywhere: linear and quadratic weights count that as partial agreement.
  std::vector<int32_t> first = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4}, second = {1, 2, 3, 4, 3, 0, 1, 2, 3, 4};
  double unweighted = *CohenKappa(first, second, 5, KappaWeights::kUnweighted);
  double linear = *CohenKappa(first, second, 5, KappaWeights::kLinear);
  double quadratic = *CohenKappa(first, second, 5, KappaWeights::kQuadratic);
  EXPECT_LT(unweighted, linear);
  EXPECT_LT(linear, quadratic);
}

TEST(CohenKappaTest, TableOfTwoAnnotatorsSkipsItemsOnlyOneAnswered) {
  CodedAnswers answers = CodedAnswersFromMatrix({{0, 0, 1}, {1, -1, 1}, {1, 1, -1}, {-1, 0, 0}}, 2);
  ContingencyTable table = ContingencyTableOf(answers, 0, 1);
  EXPECT_EQ(table.items, 2);
  EXPECT_EQ(table.cells[0], 1);  // item 0: 0/0
  EXPECT_EQ(table.cells[3], 1);  // item 2: 1/1
}

}  // namespace
}  // namespace quorum
