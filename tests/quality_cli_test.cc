// quorum agreement | aggregate | annotators, end to end: the real binary on the demo project
// (50 pairwise preference records, 30 answered by three annotators with some disagreement),
// checked against the exported votes and, for Fleiss' kappa, against statsmodels.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "cli_runner.h"

namespace quorum::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

class QualityCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MustRun({"init", "--password", "owner-password"});
    MustRun({"demo"});
    project_ = std::to_string(MustRunJson({"project", "list", "--json"})[0]["id"].get<int64_t>());
  }

  CliResult Run(const std::vector<std::string>& args) { return RunQuorum(db_, args); }

  std::string MustRun(const std::vector<std::string>& args) {
    CliResult result = Run(args);
    EXPECT_EQ(result.status, 0) << "quorum " << ::testing::PrintToString(args) << "\n" << result.err;
    return result.out;
  }

  nlohmann::json MustRunJson(const std::vector<std::string>& args) {
    std::string out = MustRun(args);
    try {
      return nlohmann::json::parse(out);
    } catch (const std::exception& error) {
      ADD_FAILURE() << "not JSON: " << error.what() << "\n" << out;
      return nullptr;
    }
  }

  // The demo's exported records by external id: the list of submitted preference votes.
  std::map<std::string, std::vector<std::string>> Votes() {
    std::map<std::string, std::vector<std::string>> votes;
    std::stringstream lines(MustRun({"export", "--project", project_}));
    for (std::string line; std::getline(lines, line);) {
      nlohmann::json record = nlohmann::json::parse(line);
      for (const nlohmann::json& response : record.value("responses", nlohmann::json::array()))
        votes[record["id"]].push_back(response["values"]["preference"]);
    }
    return votes;
  }

  static const nlohmann::json* Metric(const nlohmann::json& question, const std::string& name) {
    for (const nlohmann::json& metric : question["metrics"])
      if (metric["name"] == name) return &metric;
    return nullptr;
  }

  TempDir dir_;
  std::string db_ = FreshDatabase(dir_);
  std::string project_;
};

TEST_F(QualityCliTest, AgreementOnTheDemoMatchesTheExportedVotesAndStatsmodels) {
  nlohmann::json report = MustRunJson({"agreement", "--project", project_, "--json"});
  EXPECT_EQ(report["records"], 50);
  EXPECT_EQ(report["responses"], 90);
  EXPECT_EQ(report["annotators"], 3);
  ASSERT_EQ(report["questions"].size(), 2u);
  const nlohmann::json& preference = report["questions"][0];
  const nlohmann::json& rationale = report["questions"][1];
  EXPECT_EQ(preference["question"], "preference");
  EXPECT_EQ(preference["records_compared"], 30);
  EXPECT_EQ(preference["headline"]["metric"], "krippendorff_alpha_ordinal");
  const double alpha = preference["headline"]["value"];
  EXPECT_LE(preference["headline"]["interval"]["low"].get<double>(), alpha);
  EXPECT_GE(preference["headline"]["interval"]["high"].get<double>(), alpha);
  EXPECT_FALSE(preference["headline"]["reading"].get<std::string>().empty());

  // Percent agreement, recomputed from the export: the mean share of agreeing vote pairs.
  double share_sum = 0;
  int records = 0;
  for (const auto& [id, votes] : Votes()) {
    int agreeing = 0;
    for (size_t a = 0; a < votes.size(); ++a)
      for (size_t b = a + 1; b < votes.size(); ++b) agreeing += votes[a] == votes[b];
    share_sum += agreeing / 3.0;
    ++records;
  }
  ASSERT_EQ(records, 30);
  ASSERT_NE(Metric(preference, "percent_agreement"), nullptr);
  EXPECT_NEAR((*Metric(preference, "percent_agreement"))["value"].get<double>(), share_sum / records, 1e-12);

  // Fleiss' kappa, from statsmodels on the exported file.
  const std::string exported = dir_.Write("export.jsonl", MustRun({"export", "--project", project_}));
  const std::string command = "/usr/bin/python3 " + std::string(QUORUM_PYTHON_DIR) + "/export_agreement.py " + exported +
                              " preference '\"response_a\"' '\"response_b\"'";
  std::FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char line[256] = {};
  const bool got = std::fgets(line, sizeof line, pipe) != nullptr;
  ASSERT_EQ(::pclose(pipe), 0) << command;
  ASSERT_TRUE(got);
  double statsmodels_kappa = 0;
  ASSERT_EQ(std::sscanf(line, "fleiss %lf", &statsmodels_kappa), 1) << line;
  EXPECT_NEAR((*Metric(preference, "fleiss_kappa"))["value"].get<double>(), statsmodels_kappa, 1e-9);

  // Three annotators, three pairs of 30 shared records, each annotator against the others.
  ASSERT_EQ(preference["pairs"].size(), 3u);
  for (const nlohmann::json& pair : preference["pairs"]) EXPECT_EQ(pair["records"], 30);
  ASSERT_EQ(preference["consensus"].size(), 3u);
  ASSERT_FALSE(preference["most_disagreed"].empty());
  EXPECT_THAT(preference["most_disagreed"][0]["external_id"].get<std::string>(), HasSubstr("demo-"));

  EXPECT_TRUE(rationale["headline"].is_null());
  EXPECT_THAT(rationale["note"].get<std::string>(), HasSubstr("no agreement"));
}

TEST_F(QualityCliTest, AgreementTextNamesTheHeadlineAndOneQuestionCanBeChosen) {
  std::string out = MustRun({"agreement", "--project", project_, "--question", "preference"});
  EXPECT_THAT(out, AllOf(HasSubstr("krippendorff_alpha_ordinal"), HasSubstr("fleiss_kappa"),
                         HasSubstr("ana@demo.quorum / ben@demo.quorum"), HasSubstr("Most disagreed records"),
                         HasSubstr("90 submitted responses")));
  EXPECT_THAT(out, ::testing::Not(HasSubstr("rationale")));
  CliResult unknown = Run({"agreement", "--project", project_, "--question", "colour"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_THAT(unknown.err, HasSubstr("no question 'colour'"));
  CliResult missing = Run({"agreement"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, HasSubstr("missing --project ID"));
  CliResult no_project = Run({"agreement", "--project", "99"});
  EXPECT_EQ(no_project.status, 1);
  EXPECT_THAT(no_project.err, HasSubstr("quorum project list"));
}

TEST_F(QualityCliTest, AggregateVoteShareFollowsTheVotes) {
  nlohmann::json rows = MustRunJson({"aggregate", "--project", project_, "--json"});
  ASSERT_TRUE(rows.is_array());
  ASSERT_EQ(rows.size(), 30u);  // answered records; the text question has no aggregate
  const auto votes = Votes();
  std::set<int64_t> record_ids;
  for (const nlohmann::json& row : rows) {
    EXPECT_EQ(row["question"], "preference");
    EXPECT_EQ(row["method"], "vote-share");
    record_ids.insert(row["record_id"].get<int64_t>());
    const std::vector<std::string>& cast = votes.at(row["external_id"]);
    const auto for_a = std::count(cast.begin(), cast.end(), "response_a");
    // Three binary votes: the majority always holds at least 2/3 >= the 0.6 winner share.
    EXPECT_EQ(row["value"], for_a >= 2 ? "response_a" : "response_b") << row.dump();
    EXPECT_NEAR(row["confidence"].get<double>(), std::max(for_a, 3 - for_a) / 3.0, 1e-12);
    EXPECT_NEAR(row["share_a"].get<double>(), for_a / 3.0, 1e-12);
  }
  EXPECT_EQ(record_ids.size(), 30u);

  // A winner share of 0.7 turns every 2-of-3 record into a tie.
  MustRun({"project", "settings", project_, "--set", R"({"preference_winner_share": 0.7})"});
  nlohmann::json strict = MustRunJson({"aggregate", "--project", project_, "--json"});
  int ties = 0, split = 0;
  for (const nlohmann::json& row : strict) ties += row["value"] == "tie";
  for (const auto& [id, cast] : votes) split += std::set<std::string>(cast.begin(), cast.end()).size() > 1;
  EXPECT_EQ(ties, split);
  EXPECT_GT(ties, 0);
}

TEST_F(QualityCliTest, AggregateMethodsAndTheirRefusals) {
  nlohmann::json majority = MustRunJson({"aggregate", "--project", project_, "--method", "majority", "--json"});
  ASSERT_EQ(majority.size(), 30u);
  EXPECT_EQ(majority[0]["tie_policy"], "unresolved");
  nlohmann::json dawid_skene = MustRunJson({"aggregate", "--project", project_, "--method", "dawid-skene", "--json"});
  ASSERT_EQ(dawid_skene.size(), 30u);
  for (const nlohmann::json& row : dawid_skene) {
    EXPECT_GE(row["confidence"].get<double>(), 0.5);  // the posterior of the chosen side of two
    EXPECT_LE(row["confidence"].get<double>(), 1.0);
  }
  std::string text = MustRun({"aggregate", "--project", project_, "--method", "majority"});
  EXPECT_THAT(text, AllOf(HasSubstr("RECORD"), HasSubstr("EXTERNAL_ID"), HasSubstr("CONFIDENCE"), HasSubstr("demo-001"),
                          HasSubstr("majority")));

  CliResult mean = Run({"aggregate", "--project", project_, "--question", "preference", "--method", "mean"});
  EXPECT_EQ(mean.status, 1);
  EXPECT_THAT(mean.err, HasSubstr("does not apply"));
  CliResult rationale = Run({"aggregate", "--project", project_, "--question", "rationale"});
  EXPECT_EQ(rationale.status, 1);
  EXPECT_THAT(rationale.err, HasSubstr("text question 'rationale' has no aggregate"));
  CliResult weighted = Run({"aggregate", "--project", project_, "--method", "weighted"});
  EXPECT_EQ(weighted.status, 1);
  EXPECT_THAT(weighted.err, HasSubstr("gold"));
  CliResult unknown = Run({"aggregate", "--project", project_, "--method", "vibes"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_THAT(unknown.err, HasSubstr("unknown --method 'vibes'"));
}

TEST_F(QualityCliTest, BradleyTerryLeaderboardRanksTheDemoModels) {
  nlohmann::json board = MustRunJson({"aggregate", "--project", project_, "--method", "bradley-terry", "--json"});
  EXPECT_EQ(board["method"], "bradley-terry");
  EXPECT_EQ(board["records"], 30);
  const nlohmann::json& models = board["models"];
  ASSERT_EQ(models.size(), 4u);
  double games = 0;
  for (size_t rank = 0; rank < models.size(); ++rank) {
    EXPECT_EQ(models[rank]["rank"], rank + 1);
    if (rank > 0) {
      EXPECT_GE(models[rank - 1]["rating"].get<double>(), models[rank]["rating"].get<double>());
    }
    ASSERT_TRUE(models[rank]["interval"].is_object()) << board["interval_note"];
    EXPECT_LE(models[rank]["interval"]["low"].get<double>(), models[rank]["rating"].get<double>());
    games += models[rank]["games"].get<double>();
  }
  EXPECT_EQ(games, 2 * 90);  // every vote is one game for each of two models
  EXPECT_THAT(MustRun({"aggregate", "--project", project_, "--method", "bradley-terry"}),
              AllOf(HasSubstr("leaderboard"), HasSubstr("qwen2.5-7b-instruct"), HasSubstr("RATING")));
}

TEST_F(QualityCliTest, AnnotatorsReportTimesGoldAndTheSuspensionRule) {
  nlohmann::json report = MustRunJson({"annotators", "--project", project_, "--json"});
  ASSERT_EQ(report["annotators"].size(), 3u);
  for (const nlohmann::json& annotator : report["annotators"]) {
    EXPECT_EQ(annotator["responses"], 30);
    const double median = annotator["time"]["median_seconds"];
    EXPECT_GE(median, 25);  // the demo's times are 25 s to 2 min
    EXPECT_LE(median, 120);
    EXPECT_TRUE(annotator["flags"].empty()) << annotator.dump();
    EXPECT_EQ(annotator["gold"]["total"], 0);
    EXPECT_FALSE(annotator["suspend"].get<bool>());
  }

  // Gold records where ana is always wrong and ben always right, and settings that act on them.
  std::string gold;
  for (int index = 0; index < 4; ++index) {
    gold += R"({"id": "gold-)" + std::to_string(index) +
            R"(", "fields": {"prompt": "p", "response_a": "a", "response_b": "b"}, "gold": {"preference": "response_a"}, "responses": [)"
            R"({"user": "ana@demo.quorum", "values": {"preference": "response_b"}, "status": "submitted", "time_spent_ms": 2000},)"
            R"({"user": "ben@demo.quorum", "values": {"preference": "response_a"}, "status": "submitted", "time_spent_ms": 2000}]})"
            "\n";
  }
  MustRun({"import", "--project", project_, dir_.Write("gold.jsonl", gold)});
  MustRun({"project", "settings", project_, "--set",
           R"({"gold_suspend_below": 0.8, "gold_suspend_after": 4, "min_seconds_per_record": 60})"});
  report = MustRunJson({"annotators", "--project", project_, "--json"});
  std::map<std::string, nlohmann::json> by_email;
  for (const nlohmann::json& annotator : report["annotators"]) by_email[annotator["annotator"]] = annotator;
  const nlohmann::json& ana = by_email.at("ana@demo.quorum");
  EXPECT_EQ(ana["gold"]["total"], 4);
  EXPECT_EQ(ana["gold"]["correct"], 0);
  EXPECT_TRUE(ana["suspend"].get<bool>());
  EXPECT_THAT(ana["suspension_reason"].get<std::string>(), HasSubstr("below 80%"));
  EXPECT_THAT(ana["flags"].dump(), HasSubstr("failing_gold"));
  EXPECT_FALSE(by_email.at("ben@demo.quorum")["suspend"].get<bool>());
  EXPECT_EQ(by_email.at("ben@demo.quorum")["gold"]["accuracy"], 1.0);
  EXPECT_FALSE(by_email.at("chen@demo.quorum")["suspend"].get<bool>());  // no gold answers yet

  // With gold, the weighted vote works: on the gold records ana (always wrong) weighs nothing
  // and ben (always right) decides, where a plain majority of their two votes is a tie.
  nlohmann::json weighted = MustRunJson({"aggregate", "--project", project_, "--method", "weighted", "--json"});
  EXPECT_EQ(weighted.size(), 34u);
  nlohmann::json majority = MustRunJson({"aggregate", "--project", project_, "--method", "majority", "--json"});
  for (size_t index = 30; index < 34; ++index) {
    EXPECT_EQ(weighted[index]["value"], "response_a") << weighted[index].dump();
    EXPECT_EQ(weighted[index]["confidence"], 1.0);
    EXPECT_TRUE(majority[index]["value"].is_null()) << majority[index].dump();
  }

  std::string text = MustRun({"annotators", "--project", project_});
  EXPECT_THAT(text, AllOf(HasSubstr("ANNOTATOR"), HasSubstr("ana@demo.quorum"), HasSubstr("0% of 4"),
                          HasSubstr("suspend ana@demo.quorum: gold accuracy 0% (0 of 4) is below 80%")));

  MustRun({"project", "settings", project_, "--set", R"({"min_seconds_per_record": "fast"})"});
  CliResult invalid = Run({"annotators", "--project", project_});
  EXPECT_EQ(invalid.status, 1);
  EXPECT_THAT(invalid.err, HasSubstr("min_seconds_per_record"));
}

TEST_F(QualityCliTest, HelpDescribesTheCommands) {
  std::string overview = MustRun({"--help"});
  for (const char* command : {"agreement", "aggregate", "annotators"}) {
    EXPECT_THAT(overview, HasSubstr(std::string("  ") + command + " ")) << command;
    EXPECT_THAT(MustRun({command, "--help"}), HasSubstr(std::string("usage: quorum [--db URL] ") + command)) << command;
  }
  EXPECT_THAT(MustRun({"annotators", "--help"}), AllOf(HasSubstr("gold_suspend_below"), HasSubstr("min_seconds_per_record")));
}

}  // namespace
}  // namespace quorum::testing
