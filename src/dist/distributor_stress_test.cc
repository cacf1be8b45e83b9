// 64 annotators at once against a real store, with leases running out under them: afterwards
// nobody got a record twice and no record has more submitted responses than the overlap.
// Written against the Store interface through OpenStore: the database is the one the
// environment selects (a SQLite file, or a PostgreSQL schema when QUORUM_TEST_POSTGRES is set).
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "dist/distributor.h"
#include "store/store_test_support.h"

namespace quorum::testing {
namespace {

constexpr int kAnnotators = 64;
constexpr int kOverlap = 3;
constexpr int kRecords = 300;
constexpr int kGold = 20;

// The store URL for a test directory.
using StoreUrl = std::string (*)(const TempDir&);
std::string TestDatabaseUrl(const TempDir& dir) { return FreshDatabaseUrl(dir, "stress.db"); }

class DistributorStressTest : public ::testing::TestWithParam<StoreUrl> {
 protected:
  void SetUp() override {
    store_ = OpenStore(GetParam()(dir_), clock_).value();
    const int64_t workspace = store_->CreateWorkspace("team").value().id;
    Project project;
    project.workspace_id = workspace;
    project.name = "stress";
    project.schema = TestSchema();
    project.settings = {{"overlap", kOverlap}, {"lease_minutes", 15}, {"gold_ratio", 0.1}, {"calibration", 2},
                        {"ordering", "random"}, {"finish_started_first", true}};
    project_ = store_->CreateProject(project).value();
    std::unique_ptr<ImportBatch> batch = store_->BeginImport(project_.id).value();
    for (int index = 0; index < kRecords + kGold; ++index) {
      const std::string external_id = "r" + std::to_string(index);
      const std::string fields = R"({"prompt":")" + external_id + R"("})";
      const bool gold = index >= kRecords;
      RecordRow row{external_id, fields, "{}", gold ? R"({"quality":"good"})" : "{}", 0, 0};
      ASSERT_TRUE(batch->PutRecord(row, OnDuplicate::kRefuse).ok());
    }
    ASSERT_TRUE(batch->Commit().ok());
    for (int index = 0; index < kAnnotators; ++index) {
      User user;
      user.email = "annotator" + std::to_string(index) + "@x.org";
      user.name = user.email;
      users_.push_back(store_->CreateUser(user).value());
    }
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Store> store_;
  Project project_;
  std::vector<User> users_;
};

TEST_P(DistributorStressTest, NoRecordTwiceAndNoRecordOverFilled) {
  Distributor distributor(*store_, clock_);
  std::vector<std::vector<int64_t>> handed(kAnnotators);
  std::atomic<int> conflicts{0};
  // Every error a thread stopped at, to say which (a count alone hid what failed).
  std::mutex errors_mutex;
  std::vector<std::string> errors;
  auto stopped = [&](int worker, const char* step, const Error& error) {
    std::lock_guard<std::mutex> lock(errors_mutex);
    errors.push_back("annotator " + std::to_string(worker) + ", " + step + ": " + error.ToString());
  };
  std::vector<std::thread> threads;
  for (int worker = 0; worker < kAnnotators; ++worker) {
    threads.emplace_back([&, worker] {
      const User& user = users_[worker];
      int idle = 0;
      for (int cycle = 1;; ++cycle) {
        Result<NextOutcome> next = distributor.Next(project_, user);
        if (!next.ok()) return stopped(worker, "next", next.error());
        if (!next->assignment) {
          // Nothing for them now; but a record someone else holds may come back (a discard, a
          // refused late submit), so like a real annotator they look again until the project
          // is complete (or they have waited long: then the checks below fail).
          Result<ProgressFigures> progress = distributor.Progress(project_, 0);
          if (!progress.ok()) return stopped(worker, "progress", progress.error());
          if (progress->complete || ++idle > 20000) return;
          std::this_thread::sleep_for(std::chrono::microseconds(200));
          continue;
        }
        const Record& record = next->assignment->record;
        handed[worker].push_back(record.id);
        // Some annotators are slow: the clock moves for everyone, so leases run out mid-work.
        if ((cycle + worker) % 9 == 0) clock_.Advance(4 * 60 * 1000);
        Response response;
        response.record_id = record.id;
        response.user_id = user.id;
        response.values = {{"quality", "good"}};
        response.status = (cycle + worker) % 20 == 0 ? ResponseStatus::kDiscarded : ResponseStatus::kSubmitted;
        Result<Response> saved = distributor.Save(project_, record, response, user.id, /*handed_out_only=*/true);
        if (!saved.ok()) {
          if (saved.error().code == ErrorCode::kConflict) ++conflicts;
          else return stopped(worker, "save", saved.error());
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::string stops;
  for (const std::string& error : errors) stops += "\n  " + error;
  EXPECT_TRUE(errors.empty()) << errors.size() << " annotators stopped at an error:" << stops;

  std::set<int64_t> calibration, gold;
  std::map<int64_t, int> submitted;
  for (const Record& record : store_->ListRecords(project_.id, 0, 1000).value()) {
    if (record.id <= store_->ListRecords(project_.id, 0, 2).value().back().id) calibration.insert(record.id);
    if (!record.gold.empty()) gold.insert(record.id);
    for (const Response& response : store_->ListResponses(record.id).value())
      if (response.status == ResponseStatus::kSubmitted) ++submitted[record.id];
  }
  for (int worker = 0; worker < kAnnotators; ++worker) {
    std::set<int64_t> distinct(handed[worker].begin(), handed[worker].end());
    EXPECT_EQ(distinct.size(), handed[worker].size()) << "annotator " << worker << " got a record twice";
    for (int64_t id : calibration) EXPECT_TRUE(distinct.count(id)) << "annotator " << worker << " missed calibration";
  }
  int complete = 0;
  for (const auto& [record_id, count] : submitted) {
    if (calibration.count(record_id) || gold.count(record_id)) continue;
    EXPECT_LE(count, kOverlap) << "record " << record_id << " over-filled";
    if (count == kOverlap) ++complete;
  }
  EXPECT_EQ(complete, kRecords - 2);
  ProgressFigures progress = distributor.Progress(project_, 0).value();
  EXPECT_TRUE(progress.complete);
  EXPECT_EQ(progress.project_total, kRecords);
  std::cout << "conflicts (late submits refused): " << conflicts.load() << "\n";
}

// One annotator in many tabs: everyone asking at once gets the same record, held once.
TEST_P(DistributorStressTest, OneAnnotatorAskingFromManyThreadsHoldsOneRecord) {
  Distributor distributor(*store_, clock_);
  std::vector<int64_t> got(kAnnotators);
  std::vector<std::thread> threads;
  for (int worker = 0; worker < kAnnotators; ++worker)
    threads.emplace_back([&, worker] {
      Result<NextOutcome> next = distributor.Next(project_, users_[0]);
      got[worker] = next.ok() && next->assignment ? next->assignment->record.id : 0;
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_NE(got[0], 0);
  for (int64_t id : got) EXPECT_EQ(id, got[0]);
  std::vector<Reservation> live = store_->ListReservations(project_.id, clock_.NowMs(), 100).value();
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].record_id, got[0]);
}

INSTANTIATE_TEST_SUITE_P(SelectedBackend, DistributorStressTest, ::testing::Values(&TestDatabaseUrl));

}  // namespace
}  // namespace quorum::testing
