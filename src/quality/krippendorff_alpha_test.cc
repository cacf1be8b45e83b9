// Krippendorff's alpha against the worked examples of K. Krippendorff, "Computing
// Krippendorff's Alpha-Reliability" (2011, Annenberg School for Communication, University of
// Pennsylvania, departmental paper 43), and properties any correct alpha must have.
#include "quality/krippendorff_alpha.h"

#include <gtest/gtest.h>

#include <random>

#include "quality/set_distance.h"

namespace quorum {
namespace {

// Example C of the paper: 4 observers x 12 units, values 1..5, with missing data ('.' there,
// -1 here). Codes are value - 1.
const std::vector<std::vector<int32_t>> kObservers = {
    {1, 2, 3, 3, 2, 1, 4, 1, 2, -1, -1, -1},
    {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, -1, 3},
    {-1, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, -1},
    {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, -1},
};
const std::vector<double> kValues = {1, 2, 3, 4, 5};

CodedAnswers ExampleC() {
  std::vector<std::vector<int32_t>> units(12);
  for (const std::vector<int32_t>& observer : kObservers)
    for (size_t unit = 0; unit < observer.size(); ++unit) units[unit].push_back(observer[unit] < 0 ? -1 : observer[unit] - 1);
  return CodedAnswersFromMatrix(units, 5);
}

struct PublishedAlpha {
  Level level;
  double alpha;  // as printed in the paper, three decimals
};

class ExampleCTest : public ::testing::TestWithParam<PublishedAlpha> {};

TEST_P(ExampleCTest, MatchesThePaper) {
  Result<double> alpha = KrippendorffAlpha(ExampleC(), GetParam().level, kValues);
  ASSERT_TRUE(alpha.ok()) << alpha.error().ToString();
  EXPECT_NEAR(*alpha, GetParam().alpha, 0.0005) << LevelName(GetParam().level);
}

INSTANTIATE_TEST_SUITE_P(Krippendorff2011, ExampleCTest,
                         ::testing::Values(PublishedAlpha{Level::kNominal, 0.743}, PublishedAlpha{Level::kOrdinal, 0.815},
                                           PublishedAlpha{Level::kInterval, 0.849}, PublishedAlpha{Level::kRatio, 0.797}));

TEST(KrippendorffAlphaTest, ExampleCCoincidencesMatchThePaper) {
  // The paper's coincidence matrix has n.. = 40 pairable values (unit 12 has one value), with
  // marginals n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3, and o_11 = 7, o_12 = 4/3.
  Coincidences coincidences = CoincidencesOf(ExampleC());
  EXPECT_DOUBLE_EQ(coincidences.total, 40);
  EXPECT_EQ(coincidences.items, 11);
  const std::vector<double> marginals = {9, 13, 10, 5, 3};
  for (int32_t code = 0; code < 5; ++code) EXPECT_NEAR(coincidences.marginals[static_cast<size_t>(code)], marginals[static_cast<size_t>(code)], 1e-12);
  EXPECT_NEAR(coincidences.at(0, 0), 7, 1e-12);
  EXPECT_NEAR(coincidences.at(0, 1), 4.0 / 3.0, 1e-12);
}

TEST(KrippendorffAlphaTest, ExampleBBinaryTwoObservers) {
  // Example B of the paper: two observers, ten units, binary values: alpha = 0.095.
  const std::vector<int32_t> first = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
  const std::vector<int32_t> second = {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
  std::vector<std::vector<int32_t>> units;
  for (size_t unit = 0; unit < first.size(); ++unit) units.push_back({first[unit], second[unit]});
  Result<double> alpha = KrippendorffAlpha(CodedAnswersFromMatrix(units, 2), Level::kNominal);
  ASSERT_TRUE(alpha.ok());
  EXPECT_NEAR(*alpha, 0.095, 0.0005);
}

TEST(KrippendorffAlphaTest, AnyDistanceAgreesWithTheLevelFormulas) {
  CodedAnswers answers = ExampleC();
  Result<double> nominal = KrippendorffAlpha(answers, [](int32_t a, int32_t b) { return a == b ? 0.0 : 1.0; });
  Result<double> interval = KrippendorffAlpha(answers, [](int32_t a, int32_t b) { return double((a - b) * (a - b)); });
  ASSERT_TRUE(nominal.ok() && interval.ok());
  EXPECT_NEAR(*nominal, *KrippendorffAlpha(answers, Level::kNominal), 1e-12);
  EXPECT_NEAR(*interval, *KrippendorffAlpha(answers, Level::kInterval, kValues), 1e-12);
}

TEST(KrippendorffAlphaTest, LargeItemsAndManyCodesTakeTheGeneralPathToTheSameAnswer) {
  // Items of 9+ answers and more than 64 codes skip the integer pair tables.
  std::mt19937 random(7);
  std::vector<std::vector<int32_t>> rows(40, std::vector<int32_t>(12));
  for (auto& row : rows)
    for (int32_t& code : row) code = static_cast<int32_t>(random() % 3) + (random() % 4 == 0 ? -1 : 0);
  CodedAnswers small = CodedAnswersFromMatrix(rows, 3);
  CodedAnswers wide = CodedAnswersFromMatrix(rows, 100);  // same answers, 97 unused codes
  const auto nominal = [](int32_t a, int32_t b) { return a == b ? 0.0 : 1.0; };
  EXPECT_NEAR(*KrippendorffAlpha(small, Level::kNominal), *KrippendorffAlpha(small, nominal), 1e-12);
  EXPECT_NEAR(*KrippendorffAlpha(wide, Level::kNominal), *KrippendorffAlpha(small, nominal), 1e-12);
}

TEST(KrippendorffAlphaTest, PerfectAgreementIsOneAndRelabellingDoesNotMatterForNominal) {
  CodedAnswers perfect = CodedAnswersFromMatrix({{0, 0, 0}, {1, 1, -1}, {2, 2, 2}}, 3);
  EXPECT_DOUBLE_EQ(*KrippendorffAlpha(perfect, Level::kNominal), 1.0);
  EXPECT_DOUBLE_EQ(*KrippendorffAlpha(perfect, Level::kOrdinal), 1.0);
  std::vector<std::vector<int32_t>> swapped(12);
  CodedAnswers original = ExampleC();
  for (int64_t unit = 0; unit < original.item_count(); ++unit)
    for (const CodedAnswer& answer : original.item(unit)) {
      swapped[static_cast<size_t>(unit)].resize(4, -1);
      swapped[static_cast<size_t>(unit)][static_cast<size_t>(answer.annotator)] = (answer.code * 3 + 1) % 5;
    }
  EXPECT_NEAR(*KrippendorffAlpha(CodedAnswersFromMatrix(swapped, 5), Level::kNominal),
              *KrippendorffAlpha(original, Level::kNominal), 1e-12);
}

TEST(KrippendorffAlphaTest, UndefinedCasesSaySo) {
  Result<double> single = KrippendorffAlpha(CodedAnswersFromMatrix({{0, -1}, {-1, 1}}, 2), Level::kNominal);
  ASSERT_FALSE(single.ok());
  EXPECT_NE(single.error().message.find("two or more"), std::string::npos);
  Result<double> constant = KrippendorffAlpha(CodedAnswersFromMatrix({{1, 1}, {1, 1}}, 2), Level::kNominal);
  ASSERT_FALSE(constant.ok());
  EXPECT_NE(constant.error().message.find("same value"), std::string::npos);
  Result<double> no_values = KrippendorffAlpha(ExampleC(), Level::kInterval, {});
  EXPECT_FALSE(no_values.ok());
}

TEST(KrippendorffAlphaTest, SystematicDisagreementGoesBelowZero) {
  // Two annotators who always pick different codes disagree more than chance.
  Result<double> alpha = KrippendorffAlpha(CodedAnswersFromMatrix({{0, 1}, {1, 0}, {0, 1}, {1, 0}}, 2), Level::kNominal);
  ASSERT_TRUE(alpha.ok());
  EXPECT_LT(*alpha, 0);
}

TEST(KrippendorffAlphaTest, SetDistancesGiveOneOnIdenticalSets) {
  std::vector<std::vector<int32_t>> sets = {{0}, {0, 1}, {2}};
  const auto masi = [&](int32_t a, int32_t b) { return MasiDistance(sets[size_t(a)], sets[size_t(b)]); };
  EXPECT_DOUBLE_EQ(*KrippendorffAlpha(CodedAnswersFromMatrix({{0, 0}, {1, 1}, {2, 2}}, 3), masi), 1.0);
  // Near misses ({0} vs {0,1}) cost less than disjoint sets ({0} vs {2}).
  double near = *KrippendorffAlpha(CodedAnswersFromMatrix({{0, 1}, {1, 1}, {2, 2}, {0, 0}}, 3), masi);
  double far = *KrippendorffAlpha(CodedAnswersFromMatrix({{0, 2}, {1, 1}, {2, 2}, {0, 0}}, 3), masi);
  EXPECT_GT(near, far);
}

}  // namespace
}  // namespace quorum
