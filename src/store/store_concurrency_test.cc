// Many threads at once: group-committed SaveResponse (every acknowledged write durable, each
// conflict reported to its own caller), reads beside writes, and reading one's own writes.
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::StoreTest;

constexpr int kThreads = 16;
constexpr int kRecords = 200;

class StoreConcurrencyTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    project_ = NewProject(NewWorkspace());
    std::vector<std::string> names;
    for (int index = 0; index < kRecords; ++index) names.push_back("r" + std::to_string(index));
    records_ = ImportRecords(project_, names);
    ASSERT_EQ(records_.size(), static_cast<size_t>(kRecords));
    for (int thread = 0; thread < kThreads; ++thread) users_.push_back(NewUser("u" + std::to_string(thread) + "@x.org"));
  }

  static Response Answer(int64_t record_id, int64_t user_id, const std::string& value) {
    Response response;
    response.record_id = record_id;
    response.user_id = user_id;
    response.values = {{"quality", value}};
    response.status = ResponseStatus::kSubmitted;
    return response;
  }

  template <class Body>
  static void OnThreads(int count, Body body) {
    std::vector<std::thread> threads;
    for (int thread = 0; thread < count; ++thread) threads.emplace_back(body, thread);
    for (std::thread& thread : threads) thread.join();
  }

  int64_t project_ = 0;
  std::vector<int64_t> records_;
  std::vector<int64_t> users_;
};

TEST_F(StoreConcurrencyTest, SixteenThreadsSaveAndEveryAcknowledgedResponseSurvivesReopening) {
  struct Ack {
    int64_t id, record_id, user_id;
    std::string value;
  };
  std::vector<std::vector<Ack>> acks(kThreads);
  std::atomic<int> failures{0};
  OnThreads(kThreads, [&](int thread) {
    for (int index = 0; index < kRecords; ++index) {
      std::string value = std::to_string(thread) + "-" + std::to_string(index);
      Result<Response> saved = store_->SaveResponse(Answer(records_[index], users_[thread], value), users_[thread]);
      if (!saved.ok()) {
        ++failures;
        continue;
      }
      acks[thread].push_back({saved->id, records_[index], users_[thread], value});
    }
  });
  ASSERT_EQ(failures.load(), 0);

  Reopen();
  size_t total = 0;
  for (const std::vector<Ack>& thread_acks : acks) {
    for (const Ack& ack : thread_acks) {
      Result<Response> got = store_->GetResponse(ack.id);
      ASSERT_TRUE(got.ok()) << "acknowledged response " << ack.id << " lost";
      EXPECT_EQ(got->record_id, ack.record_id);
      EXPECT_EQ(got->user_id, ack.user_id);
      EXPECT_EQ(got->values["quality"], ack.value);
      EXPECT_EQ(store_->ListRevisions(ack.id)->size(), 1u);
      ++total;
    }
  }
  EXPECT_EQ(total, static_cast<size_t>(kThreads * kRecords));
  for (int64_t record : records_) EXPECT_EQ(store_->ListResponses(record)->size(), static_cast<size_t>(kThreads));
  // Every record now has kThreads submissions.
  EXPECT_EQ(store_->ProgressOf(project_, 0, kThreads)->complete, static_cast<int64_t>(records_.size()));
}

// Threads 2k and 2k+1 answer every record as the same user, racing each other: for each record
// exactly one of them wins and the other, alone, is told of the conflict.
TEST_F(StoreConcurrencyTest, ConflictsReachTheRightCallerOnly) {
  std::mutex mutex;
  std::vector<std::vector<int>> wins(kThreads / 2, std::vector<int>(kRecords, 0));
  std::vector<std::string> unexpected;
  OnThreads(kThreads, [&](int thread) {
    int pair = thread / 2;
    int64_t user = users_[pair];
    for (int index = 0; index < kRecords; ++index) {
      Result<Response> saved = store_->SaveResponse(Answer(records_[index], user, std::to_string(thread)), user);
      std::lock_guard<std::mutex> lock(mutex);
      if (saved.ok()) {
        ++wins[pair][index];
        continue;
      }
      std::string expected_start = "user " + std::to_string(user) + " already has a response (response ";
      std::string expected_end = ") to record " + std::to_string(records_[index]);
      const std::string& message = saved.error().message;
      if (saved.error().code != ErrorCode::kConflict || message.rfind(expected_start, 0) != 0 ||
          !message.ends_with(expected_end))
        unexpected.push_back(saved.error().ToString());
    }
  });
  EXPECT_TRUE(unexpected.empty()) << unexpected.front();
  for (int pair = 0; pair < kThreads / 2; ++pair)
    for (int index = 0; index < kRecords; ++index) EXPECT_EQ(wins[pair][index], 1) << pair << "/" << index;
  for (int64_t record : records_) EXPECT_EQ(store_->ListResponses(record)->size(), static_cast<size_t>(kThreads / 2));
}

// A read that follows an acknowledged write, on any thread, sees it.
TEST_F(StoreConcurrencyTest, ReadsSeeTheCallersOwnAcknowledgedWrites) {
  std::atomic<int> stale{0};
  OnThreads(8, [&](int thread) {
    for (int index = 0; index < 50; ++index) {
      int64_t record = records_[index], user = users_[thread];
      Result<Response> saved = store_->SaveResponse(Answer(record, user, "first"), user);
      if (!saved.ok()) {
        ++stale;
        continue;
      }
      Result<std::optional<Response>> found = store_->FindResponse(record, user);
      if (!found.ok() || !found->has_value() || (*found)->id != saved->id) ++stale;
      Response edit = *saved;
      edit.values = {{"quality", "second"}};
      if (!store_->SaveResponse(edit, user).ok()) ++stale;
      Result<Response> got = store_->GetResponse(saved->id);
      if (!got.ok() || got->values["quality"] != "second") ++stale;
      RecordFilter mine;
      mine.project_id = project_;
      mine.annotator_id = user;
      mine.limit = 1000;
      Result<std::vector<Record>> answered = store_->FindRecords(mine);
      if (!answered.ok() || answered->size() != static_cast<size_t>(index + 1)) ++stale;
    }
  });
  EXPECT_EQ(stale.load(), 0);
}

// Readers run flat out while writers save: no read fails or blocks for good, and what they see
// is consistent (a reader who never answers is always offered a record).
TEST_F(StoreConcurrencyTest, ReadersAndWritersTogether) {
  std::atomic<bool> writing{true};
  std::atomic<int> errors{0};
  std::atomic<int64_t> reads{0};
  int64_t reader_user = NewUser("reader@x.org");
  std::thread readers([&] {
    OnThreads(4, [&](int thread) {
      while (writing.load()) {
        bool ok = store_->GetRecord(records_[thread]).ok() && store_->GetProject(project_).ok();
        Result<DistributionProgress> progress = store_->ProgressOf(project_, reader_user, kThreads + 1);
        ok = ok && progress.ok() && progress->records == static_cast<int64_t>(records_.size()) &&
             progress->complete == 0;
        RecordFilter filter;
        filter.project_id = project_;
        filter.response_status = ResponseStatus::kSubmitted;
        ok = ok && store_->FindRecords(filter).ok();
        if (!ok) ++errors;
        reads += 4;
      }
    });
  });
  OnThreads(8, [&](int thread) {
    for (int index = 0; index < 100; ++index)
      if (!store_->SaveResponse(Answer(records_[index], users_[thread], "x"), users_[thread]).ok()) ++errors;
  });
  writing = false;
  readers.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_GT(reads.load(), 0);
}

}  // namespace
}  // namespace quorum
