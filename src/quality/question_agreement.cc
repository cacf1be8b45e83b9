#include "quality/question_agreement.h"

#include <map>
#include <set>
#include <utility>

#include "quality/alpha_interval.h"
#include "quality/cohen_kappa.h"
#include "quality/fleiss_kappa.h"
#include "quality/kendall_tau.h"
#include "quality/krippendorff_alpha.h"
#include "quality/landis_koch.h"
#include "quality/percent_agreement.h"
#include "quality/set_distance.h"
#include "quality/span_agreement.h"

namespace quorum {
namespace {

using Distance = std::function<double(int32_t, int32_t)>;

Metric MetricOf(std::string name, const Result<double>& value, std::string caveat = "") {
  if (value.ok()) return Metric{std::move(name), *value, std::move(caveat)};
  return Metric{std::move(name), std::nullopt, value.error().message};
}

void Count(const CodedAnswers& answers, QuestionAgreement& report) {
  std::vector<bool> seen(static_cast<size_t>(answers.annotator_count()), false);
  for (int64_t item = 0; item < answers.item_count(); ++item) {
    std::span<const CodedAnswer> given = answers.item(item);
    report.answers += static_cast<int64_t>(given.size());
    report.items_answered += !given.empty();
    report.items_compared += given.size() >= 2;
    for (const CodedAnswer& answer : given) seen[static_cast<size_t>(answer.annotator)] = true;
  }
  for (bool answered : seen) report.annotators += answered;
}

// The two annotators who answered, when exactly two did.
std::optional<std::pair<int32_t, int32_t>> OnlyTwoAnnotators(const CodedAnswers& answers) {
  std::set<int32_t> who;
  for (const CodedAnswer& answer : answers.all()) {
    who.insert(answer.annotator);
    if (who.size() > 2) return std::nullopt;
  }
  if (who.size() != 2) return std::nullopt;
  return std::make_pair(*who.begin(), *who.rbegin());
}

void SetHeadline(QuestionAgreement& report, bool kappa_like) {
  const Metric& headline = report.metrics.front();
  report.headline = headline.name;
  report.value = headline.value;
  if (!headline.value) report.note = headline.note;
  if (kappa_like && headline.value) report.reading = LandisKochReading(*headline.value);
}

void SetInterval(QuestionAgreement& report, const Result<ConfidenceInterval>& interval) {
  if (interval.ok()) report.interval = *interval;
}

void ScaledAgreement(const QuestionAnswers& question, const AgreementOptions& options, QuestionAgreement& report) {
  const CodedAnswers& answers = question.answers;
  const Scale& scale = question.scale;
  const Level primary = scale.level == Level::kNominal ? Level::kNominal : Level::kOrdinal;
  auto alpha_name = [](Level level) { return std::string("krippendorff_alpha_") + LevelName(level); };
  report.metrics.push_back(MetricOf(alpha_name(primary), KrippendorffAlpha(answers, primary, scale.values)));
  for (Level level : {Level::kNominal, Level::kOrdinal, Level::kInterval, Level::kRatio}) {
    if (level == primary || !Supports(scale, level)) continue;
    report.metrics.push_back(MetricOf(alpha_name(level), KrippendorffAlpha(answers, level, scale.values)));
  }
  Result<PercentAgreement> percent = PercentAgreementOf(answers);
  report.metrics.push_back(
      MetricOf("percent_agreement", percent.ok() ? Result<double>(percent->share) : Result<double>(percent.error())));
  std::vector<KappaWeights> weightings = {KappaWeights::kUnweighted};
  if (primary != Level::kNominal && scale.code_count() > 2) weightings = {KappaWeights::kUnweighted, KappaWeights::kLinear, KappaWeights::kQuadratic};
  std::optional<std::pair<int32_t, int32_t>> two = OnlyTwoAnnotators(answers);
  for (KappaWeights weights : weightings) {
    const std::string name = weights == KappaWeights::kUnweighted ? "cohen_kappa" : std::string("cohen_kappa_") + KappaWeightsName(weights);
    if (two) {
      report.metrics.push_back(MetricOf(name, CohenKappa(ContingencyTableOf(answers, two->first, two->second), weights)));
    } else {
      report.metrics.push_back(Metric{name, std::nullopt,
                                      "Cohen's kappa compares two annotators and " + std::to_string(report.annotators) +
                                          " answered: see the pairwise matrix"});
    }
  }
  Result<FleissKappaResult> fleiss = FleissKappa(answers);
  if (fleiss.ok()) {
    std::string caveat;
    if (fleiss->items_left_out > 0)
      caveat = "over the " + std::to_string(fleiss->items) + " records with " + std::to_string(fleiss->answers_per_item) +
               " answers; " + std::to_string(fleiss->items_left_out) + " with another number left out";
    report.metrics.push_back(Metric{"fleiss_kappa", fleiss->kappa, caveat});
  } else {
    report.metrics.push_back(Metric{"fleiss_kappa", std::nullopt, fleiss.error().message});
  }
  SetHeadline(report, true);
  if (options.with_interval && report.value) SetInterval(report, AlphaInterval(answers, primary, scale.values, options.bootstrap));
  const std::optional<KappaWeights> pair_weights =
      primary == Level::kNominal || scale.code_count() <= 2 ? KappaWeights::kUnweighted : KappaWeights::kQuadratic;
  report.pairs = PairwiseAgreement(answers, pair_weights);
  report.consensus = LeaveOneOutAgreement(answers, pair_weights);
  report.most_disagreed = MostDisagreed(answers, ScaleDistance(scale, primary), options.disagreements);
}

void MultiLabelAgreement(const QuestionAnswers& question, const AgreementOptions& options, QuestionAgreement& report) {
  const CodedAnswers& answers = question.answers;
  const auto& sets = question.label_sets;
  const Distance masi = [&sets](int32_t a, int32_t b) {
    return MasiDistance(sets[static_cast<size_t>(a)], sets[static_cast<size_t>(b)]);
  };
  const Distance jaccard = [&sets](int32_t a, int32_t b) {
    return JaccardDistance(sets[static_cast<size_t>(a)], sets[static_cast<size_t>(b)]);
  };
  report.metrics.push_back(MetricOf("krippendorff_alpha_masi", KrippendorffAlpha(answers, masi)));
  report.metrics.push_back(MetricOf("krippendorff_alpha_jaccard", KrippendorffAlpha(answers, jaccard)));
  Result<PercentAgreement> percent = PercentAgreementOf(answers);
  report.metrics.push_back(
      MetricOf("exact_set_agreement", percent.ok() ? Result<double>(percent->share) : Result<double>(percent.error())));
  SetHeadline(report, true);
  if (options.with_interval && report.value) SetInterval(report, AlphaInterval(answers, masi, options.bootstrap));
  // Per label: "has the label" as a yes/no question.
  for (size_t label = 0; label < question.question.labels.size(); ++label) {
    CodedAnswers has_label(answers.annotator_count(), 2);
    has_label.Reserve(answers.item_count(), answers.answer_count());
    for (int64_t item = 0; item < answers.item_count(); ++item) {
      has_label.StartItem();
      for (const CodedAnswer& answer : answers.item(item)) {
        const std::vector<int32_t>& set = sets[static_cast<size_t>(answer.code)];
        has_label.Add(answer.annotator, std::binary_search(set.begin(), set.end(), static_cast<int32_t>(label)) ? 1 : 0);
      }
    }
    LabelAgreement entry;
    entry.label = question.question.labels[label];
    if (Result<double> alpha = KrippendorffAlpha(has_label, Level::kNominal); alpha.ok()) entry.alpha = *alpha;
    if (Result<PercentAgreement> share = PercentAgreementOf(has_label); share.ok()) entry.percent = share->share;
    report.per_label.push_back(entry);
  }
  report.pairs = PairwiseSimilarity(answers, [&](int32_t a, int32_t b) { return 1 - masi(a, b); });
  report.consensus = LeaveOneOutAgreement(answers, std::nullopt);
  report.most_disagreed = MostDisagreed(answers, masi, options.disagreements);
}

// A bootstrap interval of sum(numerator) / sum(denominator) over items, items with equal
// (numerator, denominator) sharing a pattern.
Result<ConfidenceInterval> RatioInterval(const std::vector<std::pair<double, double>>& per_item,
                                         const BootstrapOptions& options) {
  std::map<std::pair<double, double>, int64_t> grouped;
  for (const auto& entry : per_item) ++grouped[entry];
  std::vector<std::pair<double, double>> values;
  std::vector<int64_t> counts;
  for (const auto& [value, count] : grouped) {
    values.push_back(value);
    counts.push_back(count);
  }
  ResampleStatistic ratio = [&](std::span<const int64_t> drawn) -> std::optional<std::vector<double>> {
    double numerator = 0, denominator = 0;
    for (size_t index = 0; index < drawn.size(); ++index) {
      numerator += static_cast<double>(drawn[index]) * values[index].first;
      denominator += static_cast<double>(drawn[index]) * values[index].second;
    }
    if (denominator <= 0) return std::nullopt;
    return std::vector<double>{numerator / denominator};
  };
  Result<std::vector<ConfidenceInterval>> intervals = BootstrapIntervals(counts, 1, ratio, options);
  if (!intervals.ok()) return std::move(intervals).error();
  return intervals->front();
}

void SpanQuestionAgreement(const QuestionAnswers& question, const AgreementOptions& options, QuestionAgreement& report) {
  const CodedAnswers& answers = question.answers;
  const auto& lists = question.span_lists;
  Result<SpanAgreement> spans = SpanAgreementOf(answers, lists);
  if (spans.ok()) {
    const std::string caveat = spans->empty_pairs > 0 ? std::to_string(spans->empty_pairs) +
                                                            " annotator pairs marked no span on a record (agreement, "
                                                            "but no spans to score)"
                                                      : "";
    report.metrics.push_back(Metric{"span_f1_exact", spans->exact_f1, caveat});
    report.metrics.push_back(Metric{"span_f1_overlap", spans->overlap_f1, ""});
  } else {
    report.metrics.push_back(Metric{"span_f1_exact", std::nullopt, spans.error().message});
    report.metrics.push_back(Metric{"span_f1_overlap", std::nullopt, spans.error().message});
  }
  SetHeadline(report, false);
  const auto f1 = [&lists](int32_t a, int32_t b) {
    return SpanF1(lists[static_cast<size_t>(a)], lists[static_cast<size_t>(b)], SpanMatching::kExact);
  };
  if (options.with_interval && report.value) {
    std::vector<std::pair<double, double>> per_item;
    for (int64_t item = 0; item < answers.item_count(); ++item) {
      std::span<const CodedAnswer> given = answers.item(item);
      if (given.size() < 2) continue;
      double matched = 0, total = 0;
      for (size_t first = 0; first < given.size(); ++first) {
        for (size_t second = first + 1; second < given.size(); ++second) {
          const auto& spans_a = lists[static_cast<size_t>(given[first].code)];
          const auto& spans_b = lists[static_cast<size_t>(given[second].code)];
          matched += 2.0 * static_cast<double>(MatchedSpans(spans_a, spans_b, SpanMatching::kExact));
          total += static_cast<double>(spans_a.size() + spans_b.size());
        }
      }
      per_item.emplace_back(matched, total);
    }
    SetInterval(report, RatioInterval(per_item, options.bootstrap));
  }
  report.pairs = PairwiseSimilarity(answers, f1);
  report.consensus = LeaveOneOutAgreement(answers, std::nullopt);
  report.most_disagreed = MostDisagreed(answers, [&](int32_t a, int32_t b) { return 1 - f1(a, b); }, options.disagreements);
}

void RankingQuestionAgreement(const QuestionAnswers& question, const AgreementOptions& options, QuestionAgreement& report) {
  const CodedAnswers& answers = question.answers;
  const auto& rankings = question.rankings;
  const auto tau = [&rankings](int32_t a, int32_t b) {
    return a == b ? 1.0 : KendallTau(rankings[static_cast<size_t>(a)], rankings[static_cast<size_t>(b)]);
  };
  Result<RankingAgreement> ranking = RankingAgreementOf(answers, rankings);
  report.metrics.push_back(MetricOf("kendall_tau", ranking.ok() ? Result<double>(ranking->mean_tau) : Result<double>(ranking.error())));
  SetHeadline(report, false);
  if (options.with_interval && report.value) {
    std::vector<std::pair<double, double>> per_item;
    for (int64_t item = 0; item < answers.item_count(); ++item) {
      std::span<const CodedAnswer> given = answers.item(item);
      if (given.size() < 2) continue;
      double sum = 0, pairs = 0;
      for (size_t first = 0; first < given.size(); ++first)
        for (size_t second = first + 1; second < given.size(); ++second, ++pairs) sum += tau(given[first].code, given[second].code);
      per_item.emplace_back(sum, pairs);
    }
    SetInterval(report, RatioInterval(per_item, options.bootstrap));
  }
  report.pairs = PairwiseSimilarity(answers, [&](int32_t a, int32_t b) { return (1 + tau(a, b)) / 2; });
  report.consensus = LeaveOneOutAgreement(answers, std::nullopt);
  report.most_disagreed =
      MostDisagreed(answers, [&](int32_t a, int32_t b) { return (1 - tau(a, b)) / 2; }, options.disagreements);
}

}  // namespace

QuestionAgreement AgreementOf(const QuestionAnswers& question, const AgreementOptions& options) {
  QuestionAgreement report;
  report.question = question.question.name;
  report.kind = question.question.kind;
  Count(question.answers, report);
  switch (question.question.kind) {
    case QuestionKind::kLabel:
    case QuestionKind::kRating:
    case QuestionKind::kPreference: ScaledAgreement(question, options, report); break;
    case QuestionKind::kMultiLabel: MultiLabelAgreement(question, options, report); break;
    case QuestionKind::kSpan: SpanQuestionAgreement(question, options, report); break;
    case QuestionKind::kRanking: RankingQuestionAgreement(question, options, report); break;
    case QuestionKind::kText:
      report.note = "text answers have no agreement measure: free text is not coded, so compare it by reading";
      break;
  }
  return report;
}

}  // namespace quorum
