// Dawid-Skene on answers simulated from known confusion matrices (seeded): it must recover the
// true codes better than majority vote when some annotators are adversarial, and recover their
// confusion matrices.
#include "quality/dawid_skene.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "quality/majority_vote.h"

namespace quorum {
namespace {

struct Simulated {
  CodedAnswers answers;
  std::vector<int32_t> truth;
  std::vector<std::vector<double>> confusion;  // [annotator][truth * k + answer]
};

// Annotator kinds: kGood answers right with `accuracy`, else uniformly wrong; kAdversarial
// answers (truth + 1) % k with probability `accuracy` (a systematic swap, e.g. a misread
// guideline), else right; kSpammer answers uniformly at random.
enum class Kind { kGood, kAdversarial, kSpammer };
struct Annotator {
  Kind kind;
  double accuracy;
};

std::vector<double> ConfusionOf(const Annotator& annotator, int32_t k) {
  std::vector<double> matrix(static_cast<size_t>(k * k), 0.0);
  for (int32_t truth = 0; truth < k; ++truth) {
    for (int32_t answer = 0; answer < k; ++answer) {
      double& cell = matrix[static_cast<size_t>(truth * k + answer)];
      switch (annotator.kind) {
        case Kind::kGood: cell = answer == truth ? annotator.accuracy : (1 - annotator.accuracy) / (k - 1); break;
        case Kind::kAdversarial:
          cell = answer == (truth + 1) % k ? annotator.accuracy : answer == truth ? 1 - annotator.accuracy : 0;
          break;
        case Kind::kSpammer: cell = 1.0 / k; break;
      }
    }
  }
  return matrix;
}

// Each item gets `per_item` distinct annotators drawn from the team.
Simulated Simulate(const std::vector<Annotator>& team, int32_t k, int items, int per_item, uint64_t seed) {
  std::mt19937_64 random(seed);
  Simulated data;
  data.answers = CodedAnswers(static_cast<int32_t>(team.size()), k);
  for (const Annotator& annotator : team) data.confusion.push_back(ConfusionOf(annotator, k));
  std::discrete_distribution<int32_t> truth_of({0.4, 0.3, 0.2, 0.1});
  std::vector<int32_t> order(team.size());
  for (size_t index = 0; index < order.size(); ++index) order[index] = static_cast<int32_t>(index);
  for (int item = 0; item < items; ++item) {
    const int32_t truth = truth_of(random) % k;
    data.truth.push_back(truth);
    data.answers.StartItem();
    std::shuffle(order.begin(), order.end(), random);
    for (int slot = 0; slot < per_item; ++slot) {
      const int32_t annotator = order[static_cast<size_t>(slot)];
      const std::vector<double>& row = data.confusion[static_cast<size_t>(annotator)];
      std::discrete_distribution<int32_t> answer_of(row.begin() + truth * k, row.begin() + (truth + 1) * k);
      data.answers.Add(annotator, answer_of(random));
    }
  }
  return data;
}

double Accuracy(const std::vector<ItemAggregate>& aggregates, const std::vector<int32_t>& truth) {
  int64_t right = 0;
  for (const ItemAggregate& aggregate : aggregates) right += aggregate.code == truth[static_cast<size_t>(aggregate.item)];
  return static_cast<double>(right) / static_cast<double>(truth.size());
}

const std::vector<Annotator> kTeamWithAdversaries = {
    {Kind::kGood, 0.75}, {Kind::kGood, 0.7},        {Kind::kGood, 0.65},       {Kind::kGood, 0.8},
    {Kind::kAdversarial, 0.85}, {Kind::kAdversarial, 0.8}, {Kind::kSpammer, 0}, {Kind::kSpammer, 0},
};

class DawidSkeneSeedTest : public ::testing::TestWithParam<uint64_t> {};

TEST_P(DawidSkeneSeedTest, BeatsMajorityVoteWithAdversarialAnnotators) {
  const Simulated data = Simulate(kTeamWithAdversaries, 4, 3000, 5, GetParam());
  Result<DawidSkeneResult> fit = DawidSkene(data.answers);
  ASSERT_TRUE(fit.ok()) << fit.error().ToString();
  EXPECT_TRUE(fit->converged);
  // Majority vote, with ties broken at random (the fairest a vote can do).
  const double majority = Accuracy(MajorityVote(data.answers, TiePolicy::kRandom, GetParam()), data.truth);
  const double dawid_skene = Accuracy(fit->aggregates, data.truth);
  EXPECT_GT(dawid_skene, majority + 0.2) << "majority " << majority << ", Dawid-Skene " << dawid_skene;
  EXPECT_GT(dawid_skene, 0.85);
}

TEST_P(DawidSkeneSeedTest, RecoversTheConfusionMatrices) {
  const Simulated data = Simulate(kTeamWithAdversaries, 4, 3000, 5, GetParam());
  Result<DawidSkeneResult> fit = DawidSkene(data.answers);
  ASSERT_TRUE(fit.ok());
  // Each annotator answered ~1,900 items; rows of rare classes are noisier, so compare the
  // two common classes' rows.
  for (int32_t annotator = 0; annotator < 8; ++annotator)
    for (int32_t truth = 0; truth < 2; ++truth)
      for (int32_t answer = 0; answer < 4; ++answer)
        EXPECT_NEAR(fit->Confusion(annotator, truth, answer),
                    data.confusion[static_cast<size_t>(annotator)][static_cast<size_t>(truth * 4 + answer)], 0.06)
            << "annotator " << annotator << " truth " << truth << " answer " << answer;
  EXPECT_NEAR(fit->priors[0], 0.4, 0.04);
}

INSTANTIATE_TEST_SUITE_P(Seeds, DawidSkeneSeedTest, ::testing::Values(1, 2, 3));

TEST(DawidSkeneTest, PosteriorsAreDistributionsAndConfidenceIsTheTopOne) {
  const Simulated data = Simulate(kTeamWithAdversaries, 4, 500, 3, 9);
  Result<DawidSkeneResult> fit = DawidSkene(data.answers);
  ASSERT_TRUE(fit.ok());
  ASSERT_EQ(fit->aggregates.size(), 500u);
  for (const ItemAggregate& aggregate : fit->aggregates) {
    std::span<const double> posterior = fit->Posterior(aggregate.item);
    ASSERT_EQ(posterior.size(), 4u);
    double sum = 0;
    for (double probability : posterior) sum += probability;
    EXPECT_NEAR(sum, 1.0, 1e-9);
    EXPECT_DOUBLE_EQ(aggregate.confidence, posterior[static_cast<size_t>(aggregate.code)]);
    EXPECT_EQ(*std::max_element(posterior.begin(), posterior.end()), aggregate.confidence);
  }
}

TEST(DawidSkeneTest, IdenticalItemsShareAPatternAndItemsWithoutAnswersAreSkipped) {
  // A million-like shape in miniature: 3 fixed annotators, 2,000 items, 3 codes.
  CodedAnswers answers(3, 3);
  std::mt19937 random(5);
  for (int item = 0; item < 2000; ++item) {
    answers.StartItem();
    if (item % 10 == 0) continue;  // unanswered
    const int32_t truth = static_cast<int32_t>(random() % 3);
    for (int32_t annotator = 0; annotator < 3; ++annotator)
      answers.Add(annotator, random() % 5 == 0 ? static_cast<int32_t>(random() % 3) : truth);
  }
  Result<DawidSkeneResult> fit = DawidSkene(answers);
  ASSERT_TRUE(fit.ok());
  EXPECT_LE(fit->patterns, 27);  // 3^3 possible answer triples
  EXPECT_EQ(fit->aggregates.size(), 1800u);
  EXPECT_TRUE(fit->Posterior(0).empty());
}

TEST(DawidSkeneTest, ItemsWithManyAnswersTakeTheLogPathToSensiblePosteriors) {
  // 40 annotators per item (past the product path's limit), each right 70% of the time.
  std::vector<Annotator> crowd(40, Annotator{Kind::kGood, 0.7});
  const Simulated data = Simulate(crowd, 4, 300, 40, 21);
  Result<DawidSkeneResult> fit = DawidSkene(data.answers);
  ASSERT_TRUE(fit.ok());
  EXPECT_TRUE(fit->converged);
  EXPECT_GT(Accuracy(fit->aggregates, data.truth), 0.99);
  for (const ItemAggregate& aggregate : fit->aggregates) {
    std::span<const double> posterior = fit->Posterior(aggregate.item);
    double sum = 0;
    for (double probability : posterior) sum += probability;
    EXPECT_NEAR(sum, 1.0, 1e-9);
  }
  EXPECT_NEAR(fit->Confusion(0, 0, 0), 0.7, 0.1);
  // Mixed: the same crowd with some items answered by only three.
  const Simulated few = Simulate(crowd, 4, 300, 3, 22);
  CodedAnswers mixed = data.answers;
  for (int64_t item = 0; item < few.answers.item_count(); ++item) {
    mixed.StartItem();
    for (const CodedAnswer& answer : few.answers.item(item)) mixed.Add(answer.annotator, answer.code);
  }
  Result<DawidSkeneResult> mixed_fit = DawidSkene(mixed);
  ASSERT_TRUE(mixed_fit.ok());
  EXPECT_GT(mixed_fit->log_likelihood, -1e300);
  EXPECT_TRUE(std::isfinite(mixed_fit->log_likelihood));
}

TEST(DawidSkeneTest, RefusesEmptyInput) {
  EXPECT_FALSE(DawidSkene(CodedAnswers(2, 3)).ok());
  EXPECT_FALSE(DawidSkene(CodedAnswersFromMatrix({{0, 0}}, 1)).ok());
}

}  // namespace
}  // namespace quorum
