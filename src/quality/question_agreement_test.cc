#include "quality/question_agreement.h"

#include <gtest/gtest.h>

#include "core/test_builders.h"
#include "quality/cohen_kappa.h"
#include "quality/krippendorff_alpha.h"

namespace quorum {
namespace {

using builders::Question;
using builders::WithLabels;
using builders::WithOptions;

QuestionAnswers Scaled(QuestionSpec question, const std::vector<std::vector<int32_t>>& rows) {
  QuestionAnswers answers;
  answers.scale = *ScaleFor(question);
  answers.question = std::move(question);
  answers.answers = CodedAnswersFromMatrix(rows, answers.scale.code_count());
  return answers;
}

const Metric* FindMetric(const QuestionAgreement& report, const std::string& name) {
  for (const Metric& metric : report.metrics)
    if (metric.name == name) return &metric;
  return nullptr;
}

// 60 items, three annotators: 0 and 1 agree closely; 2 follows a rule of its own.
std::vector<std::vector<int32_t>> DriftingThird() {
  std::vector<std::vector<int32_t>> rows;
  for (int item = 0; item < 60; ++item) {
    const int32_t truth = item % 3;
    rows.push_back({truth, item % 10 == 0 ? (truth + 1) % 3 : truth, (item * item + 1) % 3});
  }
  return rows;
}

TEST(QuestionAgreementTest, LabelQuestionReportsEverythingAndFindsTheDriftingAnnotator) {
  QuestionAnswers answers = Scaled(WithLabels(Question("topic", QuestionKind::kLabel), {"a", "b", "c"}), DriftingThird());
  QuestionAgreement report = AgreementOf(answers, AgreementOptions{});
  EXPECT_EQ(report.headline, "krippendorff_alpha_nominal");
  ASSERT_TRUE(report.value.has_value());
  EXPECT_NEAR(*report.value, *KrippendorffAlpha(answers.answers, Level::kNominal), 1e-12);
  EXPECT_FALSE(report.reading.empty());
  ASSERT_TRUE(report.interval.has_value());
  EXPECT_LE(report.interval->low, *report.value);
  EXPECT_GE(report.interval->high, *report.value);
  EXPECT_EQ(report.answers, 180);
  EXPECT_EQ(report.items_compared, 60);
  EXPECT_EQ(report.annotators, 3);
  ASSERT_NE(FindMetric(report, "fleiss_kappa"), nullptr);
  EXPECT_TRUE(FindMetric(report, "fleiss_kappa")->value.has_value());
  const Metric* cohen = FindMetric(report, "cohen_kappa");
  ASSERT_NE(cohen, nullptr);
  EXPECT_FALSE(cohen->value.has_value());
  EXPECT_NE(cohen->note.find("pairwise"), std::string::npos);
  EXPECT_EQ(FindMetric(report, "krippendorff_alpha_ordinal"), nullptr);  // labels are not ordered
  ASSERT_EQ(report.pairs.size(), 3u);
  EXPECT_EQ(report.pairs[0].items, 60);
  EXPECT_GT(*report.pairs[0].kappa, 0.7);  // annotators 0 and 1
  EXPECT_LT(*report.pairs[1].kappa, 0.3);  // 0 and 2
  ASSERT_EQ(report.consensus.size(), 3u);
  EXPECT_LT(report.consensus[2].share, report.consensus[0].share);
  EXPECT_LT(report.consensus[2].share, report.consensus[1].share);
  ASSERT_FALSE(report.most_disagreed.empty());
  EXPECT_LE(report.most_disagreed.size(), 10u);
  for (size_t index = 1; index < report.most_disagreed.size(); ++index)
    EXPECT_GE(report.most_disagreed[index - 1].score, report.most_disagreed[index].score);
}

TEST(QuestionAgreementTest, TwoAnnotatorsGetCohenOnAnOrderedScale) {
  QuestionAnswers answers = Scaled(builders::Rating("quality", {1, 2, 3, 4, 5}),
                                   {{0, 1}, {1, 1}, {2, 3}, {3, 3}, {4, 4}, {4, 3}, {0, 0}, {2, 2}});
  QuestionAgreement report = AgreementOf(answers, AgreementOptions{});
  EXPECT_EQ(report.headline, "krippendorff_alpha_ordinal");
  for (const char* name : {"krippendorff_alpha_interval", "krippendorff_alpha_ratio", "cohen_kappa_linear"})
    EXPECT_NE(FindMetric(report, name), nullptr) << name;
  const Metric* quadratic = FindMetric(report, "cohen_kappa_quadratic");
  ASSERT_NE(quadratic, nullptr);
  ASSERT_TRUE(quadratic->value.has_value());
  EXPECT_NEAR(*quadratic->value, *CohenKappa(ContingencyTableOf(answers.answers, 0, 1), KappaWeights::kQuadratic), 1e-12);
}

TEST(QuestionAgreementTest, SpansScoreExactAndOverlappingMatches) {
  QuestionAnswers answers;
  answers.question = builders::Spans("entities", "text", {"PER", "ORG"}, false);
  // code 0: PER [0,5) ORG [10,14); code 1: PER [0,6) ORG [10,14) (one boundary off); code 2: none
  answers.span_lists = {{{0, 5, 0}, {10, 14, 1}}, {{0, 6, 0}, {10, 14, 1}}, {}};
  answers.answers = CodedAnswersFromMatrix({{0, 1}, {0, 0}, {2, 2}}, 3);
  QuestionAgreement report = AgreementOf(answers, AgreementOptions{});
  EXPECT_EQ(report.headline, "span_f1_exact");
  // Pairs: (0,1): 1 exact of 4 spans -> 2*1; (0,0): 2 of 4 -> 2*2; (2,2): empty. F1 = 6 / 8.
  EXPECT_NEAR(*report.value, 6.0 / 8.0, 1e-12);
  EXPECT_NEAR(*FindMetric(report, "span_f1_overlap")->value, 1.0, 1e-12);
  EXPECT_NE(FindMetric(report, "span_f1_exact")->note.find("1 annotator pairs marked no span"), std::string::npos);
  EXPECT_TRUE(report.reading.empty());  // Landis-Koch is for kappa-like coefficients
  ASSERT_EQ(report.most_disagreed.size(), 1u);
  EXPECT_EQ(report.most_disagreed[0].item, 0);
}

TEST(QuestionAgreementTest, RankingsUseKendallTau) {
  QuestionAnswers answers;
  answers.question = WithOptions(Question("ranking", QuestionKind::kRanking), {"r1", "r2", "r3"});
  answers.rankings = {{0, 1, 2}, {2, 1, 0}, {1, 0, 2}};
  answers.answers = CodedAnswersFromMatrix({{0, 0}, {0, 1}, {0, 2}}, 3);
  QuestionAgreement report = AgreementOf(answers, AgreementOptions{});
  EXPECT_EQ(report.headline, "kendall_tau");
  EXPECT_NEAR(*report.value, (1.0 - 1.0 + 1.0 / 3.0) / 3.0, 1e-12);
  EXPECT_EQ(report.most_disagreed.front().item, 1);  // the reversed order
}

TEST(QuestionAgreementTest, MultiLabelUsesSetDistancesAndScoresEachLabel) {
  QuestionAnswers answers;
  answers.question = WithLabels(Question("issues", QuestionKind::kMultiLabel), {"x", "y", "z"});
  answers.label_sets = {{0}, {0, 1}, {2}};
  answers.answers = CodedAnswersFromMatrix({{0, 0}, {0, 1}, {2, 2}, {1, 1}, {2, 0}}, 3);
  QuestionAgreement report = AgreementOf(answers, AgreementOptions{});
  EXPECT_EQ(report.headline, "krippendorff_alpha_masi");
  ASSERT_TRUE(report.value.has_value());
  EXPECT_NE(FindMetric(report, "krippendorff_alpha_jaccard"), nullptr);
  ASSERT_EQ(report.per_label.size(), 3u);
  EXPECT_EQ(report.per_label[1].label, "y");
  EXPECT_NEAR(*report.per_label[0].percent, 4.0 / 5.0, 1e-12);  // x: only item 4 splits
}

TEST(QuestionAgreementTest, TextSaysItHasNoAgreement) {
  QuestionAnswers answers;
  answers.question = Question("rationale", QuestionKind::kText);
  answers.answers = CodedAnswersFromMatrix({{0, 1}}, 2);
  QuestionAgreement report = AgreementOf(answers, AgreementOptions{});
  EXPECT_TRUE(report.headline.empty());
  EXPECT_FALSE(report.value.has_value());
  EXPECT_NE(report.note.find("no agreement"), std::string::npos);
  EXPECT_EQ(report.answers, 2);
}

TEST(QuestionAgreementTest, UndefinedHeadlineCarriesItsReason) {
  QuestionAnswers answers = Scaled(WithLabels(Question("topic", QuestionKind::kLabel), {"a", "b"}), {{0, -1}, {-1, 1}});
  QuestionAgreement report = AgreementOf(answers, AgreementOptions{});
  EXPECT_FALSE(report.value.has_value());
  EXPECT_NE(report.note.find("two or more"), std::string::npos);
  EXPECT_FALSE(report.interval.has_value());
}

}  // namespace
}  // namespace quorum
