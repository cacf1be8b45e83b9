// Durability: a writer process is killed with SIGKILL mid-stream; every write it acknowledged
// (reported on a pipe right after the store returned success) must be in the database, whole,
// and every import batch must be all or nothing. Also with many threads saving at once, whose
// writes share group commits.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <map>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace quorum {
namespace {

using testing::FakeClock;
using testing::TempDir;

constexpr int kRecordsPerBatch = 5;

// One acknowledgement, written to the pipe in one write() (atomic: smaller than PIPE_BUF).
struct Ack {
  char kind;          // 'R': record committed by a batch; 'S': response saved
  int64_t id;         // record id or response id
  int64_t sequence;   // the writer's counter, encoded in the stored values
};

void WriteAck(int fd, Ack ack) {
  if (write(fd, &ack, sizeof ack) != static_cast<ssize_t>(sizeof ack)) _exit(3);
}

std::string BatchExternalId(int64_t batch, int record) {
  return "b" + std::to_string(batch) + "-" + std::to_string(record);
}

// The child: writes until it is killed. Never returns; exits non-zero on any store error.
[[noreturn]] void Writer(const std::string& path, int64_t project_id, int64_t user_id, int64_t first_batch, int fd) {
  FakeClock clock;
  Result<std::unique_ptr<Store>> store = OpenStore(path, clock);
  if (!store.ok()) _exit(2);
  for (int64_t batch_number = first_batch;; ++batch_number) {
    Result<std::unique_ptr<ImportBatch>> batch = (*store)->BeginImport(project_id);
    if (!batch.ok()) _exit(4);
    int64_t ids[kRecordsPerBatch];
    std::string external_ids[kRecordsPerBatch], fields[kRecordsPerBatch];
    for (int index = 0; index < kRecordsPerBatch; ++index) {
      external_ids[index] = BatchExternalId(batch_number, index);
      fields[index] = R"({"prompt":")" + external_ids[index] + R"("})";
      Result<int64_t> id = (*batch)->PutRecord({external_ids[index], fields[index], "{}", "{}", 0, 0},
                                               OnDuplicate::kRefuse);
      if (!id.ok()) _exit(5);
      ids[index] = *id;
    }
    if (!(*batch)->Commit().ok()) _exit(6);
    for (int index = 0; index < kRecordsPerBatch; ++index) WriteAck(fd, {'R', ids[index], batch_number});
    for (int index = 0; index < kRecordsPerBatch; ++index) {
      Response response;
      response.record_id = ids[index];
      response.user_id = user_id;
      int64_t sequence = batch_number * kRecordsPerBatch + index;
      response.values = {{"quality", std::to_string(sequence)}};
      response.status = ResponseStatus::kSubmitted;
      Result<Response> saved = (*store)->SaveResponse(response, user_id);
      if (!saved.ok()) _exit(7);
      WriteAck(fd, {'S', saved->id, sequence});
    }
  }
}

constexpr int kWriterThreads = 8;

// The child of the concurrent test: kWriterThreads threads, thread t answering every record as
// user t, acknowledging each save. Waits to be killed once done; exits non-zero on any error.
[[noreturn]] void ConcurrentWriter(const std::string& path, const std::vector<int64_t>& users,
                                   const std::vector<int64_t>& records, int fd) {
  FakeClock clock;
  Result<std::unique_ptr<Store>> store = OpenStore(path, clock);
  if (!store.ok()) _exit(2);
  std::vector<std::thread> threads;
  for (int thread = 0; thread < kWriterThreads; ++thread) {
    threads.emplace_back([&, thread] {
      for (size_t index = 0; index < records.size(); ++index) {
        int64_t sequence = thread * 1'000'000 + static_cast<int64_t>(index);
        Response response;
        response.record_id = records[index];
        response.user_id = users[thread];
        response.values = {{"quality", std::to_string(sequence)}};
        response.status = ResponseStatus::kSubmitted;
        Result<Response> saved = (*store)->SaveResponse(response, users[thread]);
        if (!saved.ok()) _exit(7);
        WriteAck(fd, {'S', saved->id, sequence});
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  while (true) pause();
}

// Runs `writer` in a child process until `acks_wanted` acknowledgements arrived, kills it, and
// returns every acknowledgement it managed to send.
std::vector<Ack> RunAndKill(const std::function<void(int fd)>& writer, size_t acks_wanted) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    writer(fds[1]);
    _exit(1);
  }
  close(fds[1]);
  std::vector<Ack> acks;
  Ack ack;
  bool killed = false;
  while (read(fds[0], &ack, sizeof ack) == static_cast<ssize_t>(sizeof ack)) {
    acks.push_back(ack);
    if (!killed && acks.size() >= acks_wanted) {
      kill(child, SIGKILL);
      killed = true;  // keep reading: acknowledgements already in the pipe count too
    }
  }
  close(fds[0]);
  int status = 0;
  EXPECT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer must die by the kill, mid-stream (exit status " << status << ")";
  return acks;
}

void ExpectAcknowledgedWritesPresent(Store& store, int64_t project_id, const std::vector<Ack>& acks) {
  for (const Ack& ack : acks) {
    if (ack.kind == 'R') {
      Result<Record> record = store.GetRecord(ack.id);
      ASSERT_TRUE(record.ok()) << "acknowledged record " << ack.id << " lost: " << record.error().ToString();
      EXPECT_EQ(record->project_id, project_id);
      EXPECT_EQ(record->fields["prompt"], record->external_id);
      EXPECT_EQ(record->external_id.rfind("b" + std::to_string(ack.sequence) + "-", 0), 0u);
    } else {
      Result<Response> response = store.GetResponse(ack.id);
      ASSERT_TRUE(response.ok()) << "acknowledged response " << ack.id << " lost: " << response.error().ToString();
      EXPECT_EQ(response->values, nlohmann::json({{"quality", std::to_string(ack.sequence)}}));
      EXPECT_EQ(response->status, ResponseStatus::kSubmitted);
      EXPECT_EQ(store.ListRevisions(ack.id)->size(), 1u);
    }
  }
  // Batches are atomic: each batch's records are all there or none is.
  std::map<std::string, int> per_batch;
  int64_t after = 0;
  while (true) {
    Result<std::vector<Record>> page = store.ListRecords(project_id, after, 500);
    ASSERT_TRUE(page.ok());
    if (page->empty()) break;
    for (const Record& record : *page) ++per_batch[record.external_id.substr(0, record.external_id.find('-'))];
    after = page->back().id;
  }
  for (const auto& [batch, count] : per_batch) EXPECT_EQ(count, kRecordsPerBatch) << "batch " << batch;
}

TEST(DurabilityTest, AcknowledgedWritesSurviveKill9) {
  TempDir dir;
  std::string path = testing::FreshDatabaseUrl(dir, "durable.db");  // or a PostgreSQL schema
  FakeClock clock;
  int64_t project_id = 0, user_id = 0;
  {
    Result<std::unique_ptr<Store>> store = OpenStore(path, clock);
    ASSERT_TRUE(store.ok()) << store.error().ToString();
    Result<Workspace> workspace = (*store)->CreateWorkspace("team");
    ASSERT_TRUE(workspace.ok());
    Project project;
    project.workspace_id = workspace->id;
    project.name = "durable";
    project.schema = testing::TestSchema();
    Result<Project> created = (*store)->CreateProject(project);
    ASSERT_TRUE(created.ok());
    project_id = created->id;
    User user;
    user.email = "ann@example.com";
    Result<User> annotator = (*store)->CreateUser(user);
    ASSERT_TRUE(annotator.ok());
    user_id = annotator->id;
  }

  // Two rounds: the second writer starts on the database the first one was killed over, so
  // recovery of a WAL left by a kill is exercised too (on PostgreSQL: the server's rollback of
  // the killed client's open transaction and import batch).
  std::vector<Ack> all_acks;
  for (int64_t round = 0; round < 2; ++round) {
    std::vector<Ack> acks = RunAndKill(
        [&](int fd) { Writer(path, project_id, user_id, /*first_batch=*/round * 1'000'000, fd); }, 600);
    ASSERT_GE(acks.size(), 600u);
    all_acks.insert(all_acks.end(), acks.begin(), acks.end());
    Result<std::unique_ptr<Store>> reopened = OpenStore(path, clock);
    ASSERT_TRUE(reopened.ok()) << reopened.error().ToString();
    ExpectAcknowledgedWritesPresent(**reopened, project_id, all_acks);
  }
}

TEST(DurabilityTest, ConcurrentlySavedResponsesSurviveKill9) {
  TempDir dir;
  std::string path = testing::FreshDatabaseUrl(dir, "concurrent.db");
  FakeClock clock;
  int64_t project_id = 0;
  std::vector<int64_t> users, records;
  {
    Result<std::unique_ptr<Store>> store = OpenStore(path, clock);
    ASSERT_TRUE(store.ok()) << store.error().ToString();
    Project project;
    project.workspace_id = (*store)->CreateWorkspace("team")->id;
    project.name = "concurrent";
    project.schema = testing::TestSchema();
    project_id = (*store)->CreateProject(project)->id;
    for (int thread = 0; thread < kWriterThreads; ++thread) {
      User user;
      user.email = "writer" + std::to_string(thread) + "@example.com";
      Result<User> created = (*store)->CreateUser(user);
      ASSERT_TRUE(created.ok());
      users.push_back(created->id);
    }
    // Named in groups of kRecordsPerBatch, as ExpectAcknowledgedWritesPresent checks batches.
    Result<std::unique_ptr<ImportBatch>> batch = (*store)->BeginImport(project_id);
    ASSERT_TRUE(batch.ok());
    for (int64_t group = 0; group < 300; ++group) {
      for (int index = 0; index < kRecordsPerBatch; ++index) {
        std::string external_id = BatchExternalId(group, index);
        std::string fields = R"({"prompt":")" + external_id + R"("})";
        Result<int64_t> id = (*batch)->PutRecord({external_id, fields, "{}", "{}", 0, 0}, OnDuplicate::kRefuse);
        ASSERT_TRUE(id.ok());
        records.push_back(*id);
      }
    }
    ASSERT_TRUE((*batch)->Commit().ok());
  }

  std::vector<Ack> acks = RunAndKill([&](int fd) { ConcurrentWriter(path, users, records, fd); }, 3000);
  ASSERT_GE(acks.size(), 3000u);
  std::set<int> threads_acknowledged;
  for (const Ack& ack : acks) threads_acknowledged.insert(static_cast<int>(ack.sequence / 1'000'000));
  EXPECT_EQ(threads_acknowledged.size(), static_cast<size_t>(kWriterThreads));
  Result<std::unique_ptr<Store>> reopened = OpenStore(path, clock);
  ASSERT_TRUE(reopened.ok()) << reopened.error().ToString();
  ExpectAcknowledgedWritesPresent(**reopened, project_id, acks);
}

}  // namespace
}  // namespace quorum
