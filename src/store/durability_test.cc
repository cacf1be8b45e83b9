// Durability: a writer process is killed with SIGKILL mid-stream; every write it acknowledged
// (reported on a pipe right after the store returned success) must be in the database, whole,
// and every import batch must be all or nothing.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <set>

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

// Runs a writer until `acks_wanted` acknowledgements arrived, kills it, and returns every
// acknowledgement it managed to send.
std::vector<Ack> RunAndKill(const std::string& path, int64_t project_id, int64_t user_id, int64_t first_batch,
                            size_t acks_wanted) {
  int fds[2];
  EXPECT_EQ(pipe(fds), 0);
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    Writer(path, project_id, user_id, first_batch, fds[1]);
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
  std::string path = dir.File("durable.db");
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
  // recovery of a WAL left by a kill is exercised too.
  std::vector<Ack> all_acks;
  for (int64_t round = 0; round < 2; ++round) {
    std::vector<Ack> acks = RunAndKill(path, project_id, user_id, /*first_batch=*/round * 1'000'000, 600);
    ASSERT_GE(acks.size(), 600u);
    all_acks.insert(all_acks.end(), acks.begin(), acks.end());
    Result<std::unique_ptr<Store>> reopened = OpenStore(path, clock);
    ASSERT_TRUE(reopened.ok()) << reopened.error().ToString();
    ExpectAcknowledgedWritesPresent(**reopened, project_id, all_acks);
  }
}

}  // namespace
}  // namespace quorum
